import { bootstrapService } from '@technopark/platform';
import { AppModule } from './app.module';
import { PARTNER_GATEWAY_SERVICE } from './partner-gateway.service-descriptor';

void bootstrapService(PARTNER_GATEWAY_SERVICE, AppModule);
