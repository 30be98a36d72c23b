import {
  cohortWithoutProgram,
  endsBeforeStart,
  noPlace,
  registrationClosesAfterStart,
  registrationWindowInverted,
} from './site-events.errors';

/** What an event's description must hold together, whoever changes it. */
export interface EventShape {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly registrationOpensAt: Date;
  readonly registrationClosesAt: Date;
  readonly roomId?: string;
  readonly onlineUrl?: string;
  readonly eligibility: string;
  readonly programId?: string;
}

export function assertCoherentEvent(event: EventShape): void {
  if (event.endsAt.getTime() <= event.startsAt.getTime()) throw endsBeforeStart();
  if (event.registrationClosesAt.getTime() <= event.registrationOpensAt.getTime()) throw registrationWindowInverted();
  if (event.registrationClosesAt.getTime() > event.startsAt.getTime()) throw registrationClosesAfterStart();
  if (!event.roomId && !event.onlineUrl) throw noPlace();
  if (event.eligibility === 'cohort' && !event.programId) throw cohortWithoutProgram();
}
