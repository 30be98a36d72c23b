import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { ANALYTICS_SERVICE } from './analytics.service-descriptor';

@Module({
  imports: [PlatformModule.forService(ANALYTICS_SERVICE)],
})
export class AppModule {}
