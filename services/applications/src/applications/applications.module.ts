import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { StartupsModule } from '../startups/startups.module';
import { ApplicationActionsController } from './application-actions.controller';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { Application, ApplicationSchema } from './schemas/application.schema';
import { StartupSnapshotConsumer } from './startup-snapshot.consumer';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: Application.name, schema: ApplicationSchema }]),
    CatalogueModule,
    StartupsModule,
  ],
  controllers: [ApplicationsController, ApplicationActionsController, StartupSnapshotConsumer],
  providers: [ApplicationsRepository, ApplicationsService, ApplicationWorkflowService],
})
export class ApplicationsModule {}
