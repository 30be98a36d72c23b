import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { FUNDING_MATCHING_SERVICE } from './funding-matching.service-descriptor';

@Module({
  imports: [PlatformModule.forService(FUNDING_MATCHING_SERVICE)],
})
export class AppModule {}
