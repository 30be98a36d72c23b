import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalTokenIssuer, type TokenRequest } from '../lib/local-token-issuer';
import type { Role } from '../lib/roles';

/**
 * An identity provider for tests: its own key pair, the variables that make a service trust it,
 * and tokens for each role. `forger` signs with a key the service does not trust.
 */
export class TestTokens {
  readonly environment: Record<string, string>;
  private readonly issuer: LocalTokenIssuer;
  private readonly forger = new LocalTokenIssuer(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyFile = join(mkdtempSync(join(tmpdir(), 'technopark-keys-')), 'public.pem');
    writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
    this.issuer = new LocalTokenIssuer(privateKey);
    this.environment = {
      AUTH_ISSUER: LOCAL_ISSUER,
      AUTH_AUDIENCE: LOCAL_AUDIENCE,
      AUTH_PUBLIC_KEY_FILE: publicKeyFile,
    };
  }

  mint(request: Partial<TokenRequest> & { roles: readonly string[] }): Promise<string> {
    return this.issuer.mint({ subject: 'test-user', ...request });
  }

  /** A token for one role: site-scoped roles get `site`, startup, partner, funder and event-host roles get an id. */
  forRole(role: Role, site: string, extra: Partial<TokenRequest> = {}): Promise<string> {
    return this.mint({ roles: [role], ...scopeOf(role, site), ...extra });
  }

  forge(request: Partial<TokenRequest> & { roles: readonly string[] }): Promise<string> {
    return this.forger.mint({ subject: 'forger', ...request });
  }
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

function scopeOf(role: Role, site: string): Partial<TokenRequest> {
  if (role === 'startup') return { startupId: 'startup-1' };
  if (role === 'partner') return { partnerId: 'partner-1' };
  if (role === 'funder') return { funderId: 'funder-1' };
  if (role === 'event-host') return { eventId: '00000000-0000-4000-8000-000000000001' };
  if (role === 'individual') return {};
  return { sites: [site] };
}
