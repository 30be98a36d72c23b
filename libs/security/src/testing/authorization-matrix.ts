import type { Role } from '../lib/roles';
import { ROLES } from '../lib/roles';

export type MatrixMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One endpoint in an authorization matrix. */
export interface MatrixEndpoint {
  readonly method: MatrixMethod;
  /** Read when the test runs, so it can name resources created in a `beforeAll`. */
  readonly path: () => string;
  /** Sent by mutations; an invalid body, so a caller let through gets its 400 and nothing changes. */
  readonly body?: object;
  /** Roles let through (with a token of this site); every other role gets 403 AUTH.ROLE_NOT_ALLOWED. */
  readonly allowed: readonly Role[];
  /** What a caller let through gets: the proof that it passed the access rules. */
  readonly passes: number;
}

export interface MatrixContext {
  /** The answer to `endpoint` with these headers (none: no token). */
  call(endpoint: MatrixEndpoint, headers: Record<string, string>): Promise<{ status: number; body: { code?: string } }>;
  /** A token of `role` on `site`: this site unless another is named. */
  tokenFor(role: Role, site?: string): Promise<string>;
  readonly otherSite: string;
}

/**
 * Every endpoint × every role of the site, another site's staff and committee, and no token:
 * the access rules of a service, checked through its real HTTP stack.
 */
export function describeAuthorizationMatrix(
  endpoints: Record<string, MatrixEndpoint>,
  context: () => MatrixContext,
): void {
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  describe.each(Object.entries(endpoints))('%s', (_name, endpoint) => {
    it.each(ROLES.map((role) => [role] as const))('as %s', async (role) => {
      const { call, tokenFor } = context();
      const response = await call(endpoint, bearer(await tokenFor(role)));
      if (endpoint.allowed.includes(role)) expect([role, response.status]).toEqual([role, endpoint.passes]);
      else expect([role, response.status, response.body.code]).toEqual([role, 403, 'AUTH.ROLE_NOT_ALLOWED']);
    });

    it('refuses staff and committee of another site, and callers without a token', async () => {
      const { call, tokenFor, otherSite } = context();
      for (const role of ['site-staff', 'committee-member'] as const) {
        const response = await call(endpoint, bearer(await tokenFor(role, otherSite)));
        expect([role, response.status, response.body.code]).toEqual([
          role,
          403,
          endpoint.allowed.includes(role) ? 'AUTH.WRONG_SITE' : 'AUTH.ROLE_NOT_ALLOWED',
        ]);
      }
      expect((await call(endpoint, {})).status).toBe(401);
    });
  });
}
