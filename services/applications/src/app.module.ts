import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { APPLICATIONS_SERVICE } from './applications.service-descriptor';

@Module({
  imports: [PlatformModule.forService(APPLICATIONS_SERVICE)],
})
export class AppModule {}
