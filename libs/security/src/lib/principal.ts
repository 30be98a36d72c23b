import type { ActorV1, FundingActorV1 } from '@technopark/contracts';
import type { Role } from './roles';

/** Who a verified token speaks for. Built only by `TokenVerifier`. */
export interface Principal {
  /** The token's `sub`: recorded as the actor of every change this caller makes. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Sites where `site-staff` and `committee-member` hold. */
  readonly sites: readonly string[];
  /** The startup a `startup` token acts for. */
  readonly startupId?: string;
  /** The partner program a `partner` token reads for. */
  readonly partnerId?: string;
  /** The funder a `funder` token acts for: its deal flow and its introductions only. */
  readonly funderId?: string;
}

/** A principal with the role that let it through this request. */
export interface AuthorizedPrincipal extends Principal {
  readonly actingAs: Role;
}

/** The actor recorded on changes and carried in the events they cause. */
export function actorOf(principal: AuthorizedPrincipal): ActorV1 {
  const { actingAs } = principal;
  // Only funding routes admit the funder role, and they record it with fundingActorOf.
  if (actingAs === 'funder') throw new Error('a funder acts only on funding routes, recorded with fundingActorOf');
  return { id: principal.subject, role: actingAs };
}

/** The actor of a funding event, which may be a funder's contact. */
export function fundingActorOf(principal: AuthorizedPrincipal): FundingActorV1 {
  return { id: principal.subject, role: principal.actingAs };
}
