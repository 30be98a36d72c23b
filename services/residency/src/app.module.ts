import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { RESIDENCY_SERVICE } from './residency.service-descriptor';

@Module({
  imports: [PlatformModule.forService(RESIDENCY_SERVICE)],
})
export class AppModule {}
