import type { EventActorV1, FundingActorV1 } from '@technopark/contracts';

export const ROLES = [
  'platform-admin',
  'site-staff',
  'committee-member',
  'startup',
  'partner',
  'funder',
  'individual',
  'event-host',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that hold only on the sites listed in the token's `sites` claim. */
export const SITE_SCOPED_ROLES: readonly Role[] = ['site-staff', 'committee-member'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// A role of a person must be a role some event family can carry (a funder acts in funding events,
// an individual and an event host in community events).
const actorRoleCheck: readonly (FundingActorV1['role'] | EventActorV1['role'])[] = ROLES;
void actorRoleCheck;
