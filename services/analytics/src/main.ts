import { bootstrapService } from '@technopark/platform';
import { AppModule } from './app.module';
import { ANALYTICS_SERVICE } from './analytics.service-descriptor';

void bootstrapService(ANALYTICS_SERVICE, AppModule);
