import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CallsController } from './calls.controller';
import { CatalogueSeeder } from './catalogue-seeder';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { ProgramsController } from './programs.controller';
import { Call, CallSchema } from './schemas/call.schema';
import { Program, ProgramSchema } from './schemas/program.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Program.name, schema: ProgramSchema },
      { name: Call.name, schema: CallSchema },
    ]),
  ],
  controllers: [ProgramsController, CallsController],
  providers: [CatalogueRepository, CatalogueService, CatalogueSeeder],
  exports: [CatalogueService],
})
export class CatalogueModule {}
