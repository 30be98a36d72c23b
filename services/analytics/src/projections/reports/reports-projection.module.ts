import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsRepository } from '../../economy/jobs.repository';
import { StartupHeadcount, StartupHeadcountSchema } from '../../economy/startup-headcount.schema';
import { ProjectionModule } from '../projection.module';
import { ReportsProjectionConsumer } from './reports-projection.consumer';

/** The economy of the site's residents, from their quarterly reports. */
@Module({
  imports: [
    ProjectionModule,
    MongooseModule.forFeature([{ name: StartupHeadcount.name, schema: StartupHeadcountSchema }]),
  ],
  controllers: [ReportsProjectionConsumer],
  providers: [JobsRepository],
})
export class ReportsProjectionModule {}
