import { bootstrapService } from '@technopark/platform';
import { AppModule } from './app.module';
import { EVENTS_SERVICE } from './events.service-descriptor';

void bootstrapService(EVENTS_SERVICE, AppModule);
