import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { EventsModule } from './events.module';
import { EVENTS_SERVICE } from './events.service-descriptor';

@Module({
  imports: [PlatformModule.forService(EVENTS_SERVICE), EventsModule],
})
export class AppModule {}
