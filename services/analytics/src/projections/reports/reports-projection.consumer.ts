import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ResidentReportSubmitted, type ResidentReportSubmittedV1 } from '@technopark/contracts';
import { EventContext, HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { JobsRepository } from '../../economy/jobs.repository';
import { EventProjection } from '../event-projection';
import { quarterIncrements } from './economy.projection';

/** Residents' quarterly reports: the economy's sums per quarter, and jobs from the latest headcounts. */
@Controller()
export class ReportsProjectionConsumer {
  constructor(
    private readonly projection: EventProjection,
    private readonly jobs: JobsRepository,
  ) {}

  @HandleEvent(ResidentReportSubmitted)
  reported(@Payload() event: ReceivedEvent<ResidentReportSubmittedV1>, @Ctx() context: EventContext) {
    const { startupId, programId } = event.data;
    return this.projection.record(event, context.effects, {
      startupId,
      programId,
      increments: quarterIncrements(event.site, event.data),
      ownEffect: () => this.jobs.onReport(event, context.effects),
    });
  }
}
