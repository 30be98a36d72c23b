import { bootstrapService } from '@technopark/platform';
import { AppModule } from './app.module';
import { FUNDING_MATCHING_SERVICE } from './funding-matching.service-descriptor';

void bootstrapService(FUNDING_MATCHING_SERVICE, AppModule);
