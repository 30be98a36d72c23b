import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { ApplicationsModule } from './applications/applications.module';
import { APPLICATIONS_SERVICE } from './applications.service-descriptor';
import { CatalogueModule } from './catalogue/catalogue.module';
import { StartupsModule } from './startups/startups.module';

@Module({
  imports: [PlatformModule.forService(APPLICATIONS_SERVICE), CatalogueModule, StartupsModule, ApplicationsModule],
})
export class AppModule {}
