import { Type } from 'class-transformer';
import { IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { EventActorV1 } from '../shared/event-actor.v1';

/** A funder invited to an investor session wants to meet a startup that pitched there. */
export class InvestorInterestRecordedV1 {
  @IsUUID()
  interestId!: string;

  @IsUUID()
  eventId!: string;

  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  funderId!: string;

  @IsUUID()
  startupId!: string;

  @ValidateNested()
  @Type(() => EventActorV1)
  actor!: EventActorV1;
}

export const InvestorInterestRecorded = defineEvent<InvestorInterestRecordedV1>({
  type: 'ma.technopark.investor-interest.recorded.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: InvestorInterestRecordedV1,
  subjectOf: (event) => event.eventId,
  description:
    "A funder's interest in a startup that pitched at an investor session: funding matching asks the startup to consent to an introduction.",
  example: {
    interestId: '7e6d5c4b-3a29-4180-8f6e-5d4c3b2a1908',
    eventId: '0b7d6c1e-4f3a-4e2b-9c8d-7a6b5c4d3e2f',
    funderId: 'plug-and-play-morocco',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    actor: { id: 'contact-pnp', role: 'funder' },
  },
});
