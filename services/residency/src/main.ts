import { bootstrapService } from '@technopark/platform';
import { AppModule } from './app.module';
import { RESIDENCY_SERVICE } from './residency.service-descriptor';

void bootstrapService(RESIDENCY_SERVICE, AppModule);
