import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { ResidencyModule } from './residency.module';
import { RESIDENCY_SERVICE } from './residency.service-descriptor';

@Module({
  imports: [PlatformModule.forService(RESIDENCY_SERVICE), ResidencyModule],
})
export class AppModule {}
