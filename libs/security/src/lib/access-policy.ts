import type { AuthorizedPrincipal, Principal } from './principal';
import { type Role, SITE_SCOPED_ROLES } from './roles';
import { AccessDenied } from './security-errors';

export interface RouteRequirement {
  /** Roles the route declares with `@Roles`; `undefined` means it declared none (denied to all). */
  readonly roles: readonly Role[] | undefined;
  /** The HTTP method: partners may only read, except on routes managing their own delivery. */
  readonly method: string;
  /** A route where a partner manages its own settings (its subscriptions): it may write there. */
  readonly partnerWrites?: boolean;
  /** The site whose data the route touches: the service's site, or the route's `:site`. */
  readonly site: string;
}

const READ_METHODS = new Set(['GET', 'HEAD']);
/** A platform admin may do whatever site staff may, on every site. */
const ALSO_ALLOWED: Partial<Record<Role, Role>> = { 'platform-admin': 'site-staff' };

/**
 * The one place that decides who may call a route. Returns the principal with the role it
 * acts in (the first of its roles that passes), or throws the most specific denial.
 */
export function authorizeRoute(principal: Principal, route: RouteRequirement): AuthorizedPrincipal {
  if (!route.roles || route.roles.length === 0) {
    throw new AccessDenied('AUTH.NO_ACCESS_RULE', 'this endpoint declares no roles, so nobody may call it');
  }
  const candidates = principal.roles.filter((role) => roleFitsRoute(role, route.roles ?? []));
  if (candidates.length === 0) {
    throw new AccessDenied(
      'AUTH.ROLE_NOT_ALLOWED',
      `this endpoint is for ${route.roles.join(', ')}; the token grants ${describeRoles(principal)}`,
    );
  }
  const denials = candidates.map((role) => scopeDenial(principal, role, route));
  const granted = candidates.find((_, index) => denials[index] === undefined);
  if (granted) return { ...principal, actingAs: granted };
  throw denials.find((denial) => denial?.code === 'AUTH.WRONG_SITE') ?? (denials[0] as AccessDenied);
}

/** Record-level rule: a startup token reaches only its own startup's records. */
export function assertOwnStartup(principal: AuthorizedPrincipal, startupId: string): void {
  if (principal.actingAs === 'startup' && principal.startupId !== startupId) {
    throw new AccessDenied('AUTH.NOT_YOUR_STARTUP', 'this record belongs to another startup');
  }
}

/** Record-level rule: a partner token reaches only what is shared with its own program. */
export function assertOwnPartner(principal: AuthorizedPrincipal, partnerId: string): void {
  if (principal.actingAs === 'partner' && principal.partnerId !== partnerId) {
    throw new AccessDenied('AUTH.NOT_YOUR_PARTNER', 'this record is shared with another partner program');
  }
}

/** Record-level rule: a funder token reaches only its own funder's deal flow and introductions. */
export function assertOwnFunder(principal: AuthorizedPrincipal, funderId: string): void {
  if (principal.actingAs === 'funder' && principal.funderId !== funderId) {
    throw new AccessDenied('AUTH.NOT_YOUR_FUNDER', 'this record belongs to another funder');
  }
}

/** Record-level rule: an event-host token checks people in at its own event only. */
export function assertOwnEvent(principal: AuthorizedPrincipal, eventId: string): void {
  if (principal.actingAs === 'event-host' && principal.eventId !== eventId) {
    throw new AccessDenied('AUTH.NOT_YOUR_EVENT', 'this token hosts another event');
  }
}

/** Record-level rule for services that hold several sites' data (national scope). */
export function assertSiteAccess(principal: AuthorizedPrincipal, site: string): void {
  if (SITE_SCOPED_ROLES.includes(principal.actingAs) && !principal.sites.includes(site)) {
    throw wrongSite(principal, principal.actingAs, site);
  }
}

function roleFitsRoute(role: Role, allowed: readonly Role[]): boolean {
  const implied = ALSO_ALLOWED[role];
  return allowed.includes(role) || (implied !== undefined && allowed.includes(implied));
}

function scopeDenial(principal: Principal, role: Role, route: RouteRequirement): AccessDenied | undefined {
  if (SITE_SCOPED_ROLES.includes(role) && !principal.sites.includes(route.site))
    return wrongSite(principal, role, route.site);
  if (role === 'partner' && !route.partnerWrites && !READ_METHODS.has(route.method.toUpperCase())) {
    return new AccessDenied('AUTH.READ_ONLY_ROLE', 'partner tokens may only read, except their own delivery settings');
  }
  return undefined;
}

function wrongSite(principal: Principal, role: Role, site: string): AccessDenied {
  const held = principal.sites.length > 0 ? principal.sites.join(', ') : 'no site';
  return new AccessDenied('AUTH.WRONG_SITE', `the token grants ${role} for ${held}, not for ${site}`);
}

function describeRoles(principal: Principal): string {
  return principal.roles.length > 0 ? principal.roles.join(', ') : 'no platform role';
}
