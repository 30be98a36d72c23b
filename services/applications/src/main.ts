import { bootstrapService } from '@technopark/platform';
import { AppModule } from './app.module';
import { APPLICATIONS_SERVICE } from './applications.service-descriptor';

void bootstrapService(APPLICATIONS_SERVICE, AppModule);
