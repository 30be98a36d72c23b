import type { FundingActorV1 } from '@technopark/contracts';

export const ROLES = ['platform-admin', 'site-staff', 'committee-member', 'startup', 'partner', 'funder'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that hold only on the sites listed in the token's `sites` claim. */
export const SITE_SCOPED_ROLES: readonly Role[] = ['site-staff', 'committee-member'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// A role of a person must be a role an event can carry (a funder acts in funding events only).
const actorRoleCheck: readonly FundingActorV1['role'][] = ROLES;
void actorRoleCheck;
