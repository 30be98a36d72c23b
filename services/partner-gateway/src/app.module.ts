import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { PartnerGatewayModule } from './partner-gateway.module';
import { PARTNER_GATEWAY_SERVICE } from './partner-gateway.service-descriptor';

@Module({
  imports: [PlatformModule.forService(PARTNER_GATEWAY_SERVICE), PartnerGatewayModule],
})
export class AppModule {}
