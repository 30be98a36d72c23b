import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { FundingMatchingModule } from './funding-matching.module';
import { FUNDING_MATCHING_SERVICE } from './funding-matching.service-descriptor';

@Module({
  imports: [PlatformModule.forService(FUNDING_MATCHING_SERVICE), FundingMatchingModule],
})
export class AppModule {}
