import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Startup, StartupSchema } from './schemas/startup.schema';
import { StartupsController } from './startups.controller';
import { StartupsRepository } from './startups.repository';
import { StartupsService } from './startups.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: Startup.name, schema: StartupSchema }])],
  controllers: [StartupsController],
  providers: [StartupsRepository, StartupsService],
  exports: [StartupsService],
})
export class StartupsModule {}
