import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { FundingActorV1 } from '../shared/funding-actor.v1';
import { FundingWindowPeriodV1 } from './funder-events.v1';

/** A funder's window opened or closed on its day: its matches on the site were computed again. */
export class FundingWindowChangedV1 extends FundingWindowPeriodV1 {
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  funderId!: string;

  @ValidateNested()
  @Type(() => FundingActorV1)
  actor!: FundingActorV1;
}

const example = {
  funderId: 'plug-and-play-morocco',
  windowId: '2027-spring',
  opensOn: '2027-03-01',
  closesOn: '2027-04-30',
  actor: { id: 'funding-window-sweeper', role: 'system' as const },
};

export const FundingWindowOpened = defineEvent<FundingWindowChangedV1>({
  type: 'ma.technopark.funding-window.opened.v1',
  stream: 'funders',
  producer: 'funding-matching',
  aggregate: 'funder',
  payload: FundingWindowChangedV1,
  subjectOf: (event) => event.funderId,
  description: "A funder's funding window opened today: it takes introductions until the window closes.",
  example,
});

export const FundingWindowClosed = defineEvent<FundingWindowChangedV1>({
  type: 'ma.technopark.funding-window.closed.v1',
  stream: 'funders',
  producer: 'funding-matching',
  aggregate: 'funder',
  payload: FundingWindowChangedV1,
  subjectOf: (event) => event.funderId,
  description: "A funder's funding window closed: its matches fail the open-window gate until the next one.",
  example,
});
