import {
  assertOwnPartner,
  assertOwnStartup,
  assertSiteAccess,
  authorizeRoute,
  type RouteRequirement,
} from './access-policy';
import type { Principal } from './principal';
import { AccessDenied } from './security-errors';

const staff = (sites: string[]): Principal => ({ subject: 's', roles: ['site-staff'], sites });
const route = (overrides: Partial<RouteRequirement> = {}): RouteRequirement => ({
  roles: ['site-staff'],
  method: 'POST',
  site: 'casablanca',
  ...overrides,
});

function denialOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    return error.code;
  }
}

describe('authorizeRoute', () => {
  it('lets site staff act on their own site, and records the role they act in', () => {
    expect(authorizeRoute(staff(['rabat', 'casablanca']), route())).toMatchObject({
      subject: 's',
      actingAs: 'site-staff',
    });
  });

  it("refuses site staff on another site's route, naming both sites", () => {
    expect(() => authorizeRoute(staff(['rabat']), route())).toThrow(
      'the token grants site-staff for rabat, not for casablanca',
    );
    expect(denialOf(() => authorizeRoute(staff([]), route()))).toBe('AUTH.WRONG_SITE');
  });

  it('denies every role a route that declares none (default deny)', () => {
    const admin: Principal = { subject: 'a', roles: ['platform-admin'], sites: [] };
    expect(denialOf(() => authorizeRoute(admin, route({ roles: undefined })))).toBe('AUTH.NO_ACCESS_RULE');
    expect(denialOf(() => authorizeRoute(admin, route({ roles: [] })))).toBe('AUTH.NO_ACCESS_RULE');
  });

  it('lets a platform admin do what site staff may, on every site, but not take a committee seat', () => {
    const admin: Principal = { subject: 'a', roles: ['platform-admin'], sites: [] };
    expect(authorizeRoute(admin, route({ site: 'agadir' })).actingAs).toBe('platform-admin');
    expect(denialOf(() => authorizeRoute(admin, route({ roles: ['committee-member'] })))).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it('names the allowed roles and the held ones when the role is wrong', () => {
    const startup: Principal = { subject: 'x', roles: ['startup'], sites: [], startupId: 'st-1' };
    expect(() => authorizeRoute(startup, route({ roles: ['site-staff', 'committee-member'] }))).toThrow(
      'this endpoint is for site-staff, committee-member; the token grants startup',
    );
  });

  it('keeps partners read-only even where a route lists them', () => {
    const partner: Principal = { subject: 'p', roles: ['partner'], sites: [], partnerId: 'pnp' };
    expect(authorizeRoute(partner, route({ roles: ['partner'], method: 'GET' })).actingAs).toBe('partner');
    expect(denialOf(() => authorizeRoute(partner, route({ roles: ['partner'], method: 'DELETE' })))).toBe(
      'AUTH.READ_ONLY_ROLE',
    );
  });

  it('lets a partner write only on routes that manage its own delivery settings', () => {
    const partner: Principal = { subject: 'p', roles: ['partner'], sites: [], partnerId: 'pnp' };
    expect(authorizeRoute(partner, route({ roles: ['partner'], method: 'POST', partnerWrites: true })).actingAs).toBe(
      'partner',
    );
    expect(denialOf(() => authorizeRoute(partner, route({ roles: ['partner'], method: 'POST' })))).toBe(
      'AUTH.READ_ONLY_ROLE',
    );
  });

  it('picks the first role of the token that passes, so a multi-role token works where any role does', () => {
    const both: Principal = { subject: 'b', roles: ['site-staff', 'committee-member'], sites: ['rabat'] };
    expect(authorizeRoute(both, route({ roles: ['committee-member'], site: 'rabat' })).actingAs).toBe(
      'committee-member',
    );
    expect(denialOf(() => authorizeRoute(both, route({ roles: ['site-staff', 'committee-member'] })))).toBe(
      'AUTH.WRONG_SITE',
    );
  });
});

describe('record-level rules', () => {
  it('a startup reaches only its own records; staff reach any startup of their site', () => {
    const startup = {
      subject: 'x',
      roles: ['startup'] as const,
      sites: [],
      startupId: 'st-1',
      actingAs: 'startup' as const,
    };
    expect(() => assertOwnStartup(startup, 'st-1')).not.toThrow();
    expect(denialOf(() => assertOwnStartup(startup, 'st-2'))).toBe('AUTH.NOT_YOUR_STARTUP');
    expect(() => assertOwnStartup({ ...staff(['rabat']), actingAs: 'site-staff' }, 'st-2')).not.toThrow();
  });

  it('a partner reaches only what is shared with its own program', () => {
    const partner = {
      subject: 'p',
      roles: ['partner'] as const,
      sites: [],
      partnerId: 'pnp',
      actingAs: 'partner' as const,
    };
    expect(() => assertOwnPartner(partner, 'pnp')).not.toThrow();
    expect(denialOf(() => assertOwnPartner(partner, 'other'))).toBe('AUTH.NOT_YOUR_PARTNER');
  });

  it("site-scoped roles reach only records of their sites; an admin reaches every site's", () => {
    expect(() => assertSiteAccess({ ...staff(['rabat']), actingAs: 'site-staff' }, 'rabat')).not.toThrow();
    expect(denialOf(() => assertSiteAccess({ ...staff(['rabat']), actingAs: 'site-staff' }, 'tangier'))).toBe(
      'AUTH.WRONG_SITE',
    );
    expect(() =>
      assertSiteAccess({ subject: 'a', roles: ['platform-admin'], sites: [], actingAs: 'platform-admin' }, 'tangier'),
    ).not.toThrow();
  });
});
