import { ACTOR_ROLES, type ActorV1, type EventActorV1, type FundingActorV1 } from '@technopark/contracts';
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
  /** The one event an `event-host` token checks people in at. */
  readonly eventId?: string;
}

/** A principal with the role that let it through this request. */
export interface AuthorizedPrincipal extends Principal {
  readonly actingAs: Role;
}

/** The actor recorded on changes and carried in the events they cause. */
export function actorOf(principal: AuthorizedPrincipal): ActorV1 {
  const { actingAs } = principal;
  // Funder, individual and event-host act only on the routes of their own event families, which
  // record them with fundingActorOf and eventActorOf.
  if (!isActorRole(actingAs)) throw new Error(`the ${actingAs} role is recorded with its own event family's actor`);
  return { id: principal.subject, role: actingAs };
}

/** The actor of a funding event, which may be a funder's contact. */
export function fundingActorOf(principal: AuthorizedPrincipal): FundingActorV1 {
  const { actingAs } = principal;
  if (actingAs === 'individual' || actingAs === 'event-host')
    throw new Error(`the ${actingAs} role acts only on community events, recorded with eventActorOf`);
  return { id: principal.subject, role: actingAs };
}

/** The actor of a community event: a person acting for themself, an event's host, a funder at a session, staff. */
export function eventActorOf(principal: AuthorizedPrincipal): EventActorV1 {
  return { id: principal.subject, role: principal.actingAs };
}

function isActorRole(role: string): role is ActorV1['role'] {
  return (ACTOR_ROLES as readonly string[]).includes(role);
}
