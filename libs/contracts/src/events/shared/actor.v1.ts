import { IsIn, IsString, Length } from 'class-validator';

export const ACTOR_ROLES = [
  'platform-admin',
  'site-staff',
  'committee-member',
  'startup',
  'partner',
  'system',
] as const;

/** Who caused an event: the token subject of a person, or `system` for automatic decisions. */
export class ActorV1 {
  /** The subject (`sub`) of the caller's token, or the name of the automatic process. */
  @IsString()
  @Length(1, 200)
  id!: string;

  @IsIn(ACTOR_ROLES)
  role!: (typeof ACTOR_ROLES)[number];
}
