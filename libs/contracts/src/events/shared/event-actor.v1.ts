import { IsIn, IsString, Length } from 'class-validator';
import { ACTOR_ROLES } from './actor.v1';

/**
 * Actors of community events: the platform's roles plus a person acting for themself (an
 * `individual`), an event's host at its door (`event-host`) and a funder's contact at an investor
 * session (`funder`). A separate class, so the actor of every earlier event keeps its published shape.
 */
export const EVENT_ACTOR_ROLES = [...ACTOR_ROLES, 'individual', 'event-host', 'funder'] as const;

/** Who caused a community event: a token subject, never an e-mail address. */
export class EventActorV1 {
  @IsString()
  @Length(1, 200)
  id!: string;

  @IsIn(EVENT_ACTOR_ROLES)
  role!: (typeof EVENT_ACTOR_ROLES)[number];
}
