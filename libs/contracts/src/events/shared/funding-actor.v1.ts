import { IsIn, IsString, Length } from 'class-validator';
import { ACTOR_ROLES } from './actor.v1';

/** Actors of funding events: the platform's roles plus a funder's contact, who acts on its own introductions. */
export const FUNDING_ACTOR_ROLES = [...ACTOR_ROLES, 'funder'] as const;

/** Who caused a funding event. A separate class, so the actor of every earlier event keeps its published shape. */
export class FundingActorV1 {
  @IsString()
  @Length(1, 200)
  id!: string;

  @IsIn(FUNDING_ACTOR_ROLES)
  role!: (typeof FUNDING_ACTOR_ROLES)[number];
}
