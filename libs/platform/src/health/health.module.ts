import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessLogger } from './readiness-logger';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: ReadinessLogger })],
  controllers: [HealthController],
})
export class HealthModule {}
