import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection.module';
import { CommunityProjectionConsumer } from './community-projection.consumer';

/** Events held, attendance and registrations, from the events service's events. */
@Module({
  imports: [ProjectionModule],
  controllers: [CommunityProjectionConsumer],
})
export class CommunityProjectionModule {}
