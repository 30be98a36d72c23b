import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { EVENTS_SERVICE } from './events.service-descriptor';

@Module({
  imports: [PlatformModule.forService(EVENTS_SERVICE)],
})
export class AppModule {}
