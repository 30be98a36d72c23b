import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './local-token-issuer';
import { AuthenticationFailure, VerificationKeysUnavailable } from './security-errors';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier';
import type { VerificationKeySource } from './verification-key';
import { TestTokens } from '../testing/test-tokens';

const tokens = new TestTokens();
const verifierFor = (keySource: VerificationKeySource, overrides: Partial<TokenVerifierOptions> = {}) =>
  new TokenVerifier({
    keySource,
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    rolesClaim: 'roles',
    clockToleranceSeconds: 5,
    ...overrides,
  });
const verifier = verifierFor({ kind: 'public-key-file', path: tokens.environment['AUTH_PUBLIC_KEY_FILE'] as string });
const now = () => Math.floor(Date.now() / 1000);

async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AuthenticationFailure))
    throw new Error(`expected an AuthenticationFailure, got ${String(error)}`);
  return error.code;
}

describe('TokenVerifier', () => {
  it('reads subject, roles, sites and ids from a valid token', async () => {
    const token = await tokens.mint({
      subject: 'u-1',
      roles: ['site-staff', 'startup', 'some-other-app-role'],
      sites: ['rabat'],
      startupId: 'st-9',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'u-1',
      roles: ['site-staff', 'startup'],
      sites: ['rabat'],
      startupId: 'st-9',
    });
  });

  it('rejects expired, not-yet-valid, foreign-issuer and foreign-audience tokens, each with its reason', async () => {
    expect(
      await rejectionOf(
        verifier.verify(await tokens.mint({ roles: ['partner'], partnerId: 'p', expiresIn: now() - 60 })),
      ),
    ).toBe('AUTH.TOKEN_EXPIRED');
    expect(
      await rejectionOf(
        verifier.verify(await tokens.mint({ roles: ['partner'], partnerId: 'p', notBefore: now() + 600 })),
      ),
    ).toBe('AUTH.TOKEN_NOT_YET_VALID');
    expect(
      await rejectionOf(
        verifier.verify(await tokens.mint({ roles: ['partner'], partnerId: 'p', issuer: 'someone-else' })),
      ),
    ).toBe('AUTH.WRONG_ISSUER');
    expect(
      await rejectionOf(
        verifier.verify(await tokens.mint({ roles: ['partner'], partnerId: 'p', audience: 'another-api' })),
      ),
    ).toBe('AUTH.WRONG_AUDIENCE');
  });

  it('tolerates the configured clock skew', async () => {
    await expect(
      verifier.verify(await tokens.mint({ roles: ['partner'], partnerId: 'p', expiresIn: now() - 2 })),
    ).resolves.toMatchObject({ subject: expect.any(String) });
  });

  it('rejects a token signed by another key, and a valid token whose payload was altered', async () => {
    expect(await rejectionOf(verifier.verify(await tokens.forge({ roles: ['platform-admin'] })))).toBe(
      'AUTH.SIGNATURE_INVALID',
    );
    const [header, payload, signature] = (await tokens.mint({ roles: ['site-staff'], sites: ['rabat'] })).split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const widened = Buffer.from(JSON.stringify({ ...claims, roles: ['platform-admin'] })).toString('base64url');
    expect(await rejectionOf(verifier.verify(`${header}.${widened}.${signature}`))).toBe('AUTH.SIGNATURE_INVALID');
  });

  it('refuses unsigned tokens and HMAC tokens keyed with the public key (algorithm confusion)', async () => {
    const claims = Buffer.from(
      JSON.stringify({ sub: 'x', roles: ['platform-admin'], iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now() + 60 }),
    ).toString('base64url');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${claims}.`;
    expect(await rejectionOf(verifier.verify(unsigned))).toBe('AUTH.ALGORITHM_NOT_ALLOWED');
    const publicPem = readFileSync(tokens.environment['AUTH_PUBLIC_KEY_FILE'] as string);
    const hmac = await new SignJWT({ roles: ['platform-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(publicPem);
    expect(await rejectionOf(verifier.verify(hmac))).toBe('AUTH.ALGORITHM_NOT_ALLOWED');
    expect(await rejectionOf(verifier.verify('not-a-jwt'))).toBe('AUTH.TOKEN_MALFORMED');
  });

  it('requires exp and sub, and the id claims that startup and partner roles need', async () => {
    const secret = new TextEncoder().encode('s'.repeat(40));
    const hmacVerifier = verifierFor({ kind: 'shared-secret', secret: 's'.repeat(40) });
    const signed = (claims: SignJWT) =>
      claims.setProtectedHeader({ alg: 'HS256' }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).sign(secret);
    expect(await rejectionOf(hmacVerifier.verify(await signed(new SignJWT({ roles: [] }).setSubject('x'))))).toBe(
      'AUTH.CLAIMS_INVALID',
    );
    expect(
      await rejectionOf(hmacVerifier.verify(await signed(new SignJWT({ roles: [] }).setExpirationTime('5m')))),
    ).toBe('AUTH.CLAIMS_INVALID');
    expect(await rejectionOf(verifier.verify(await tokens.mint({ roles: ['startup'] })))).toBe('AUTH.CLAIMS_INVALID');
    expect(await rejectionOf(verifier.verify(await tokens.mint({ roles: ['partner'] })))).toBe('AUTH.CLAIMS_INVALID');
    expect(
      await rejectionOf(
        hmacVerifier.verify(await signed(new SignJWT({ roles: 'site-staff' }).setSubject('x').setExpirationTime('5m'))),
      ),
    ).toBe('AUTH.CLAIMS_INVALID');
  });

  it("reads roles from a dotted claim path, as Keycloak's realm_access.roles", async () => {
    const secret = 'x'.repeat(40);
    const keycloakStyle = verifierFor({ kind: 'shared-secret', secret }, { rolesClaim: 'realm_access.roles' });
    const token = await new SignJWT({
      realm_access: { roles: ['committee-member', 'offline_access'] },
      sites: ['tangier'],
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('k-1')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    await expect(keycloakStyle.verify(token)).resolves.toEqual({
      subject: 'k-1',
      roles: ['committee-member'],
      sites: ['tangier'],
    });
  });
});

describe('TokenVerifier with a JWKS URL', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let server: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const sign = (kid: string) =>
    new SignJWT({ roles: ['site-staff'], sites: ['agadir'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('idp-user')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);

  it("verifies tokens against the provider's published keys, and refuses an unknown key id", async () => {
    const jwks = verifierFor({ kind: 'jwks', url: jwksUrl });
    await expect(jwks.verify(await sign('key-1'))).resolves.toMatchObject({ subject: 'idp-user', sites: ['agadir'] });
    expect(await rejectionOf(jwks.verify(await sign('key-2')))).toBe('AUTH.UNKNOWN_KEY');
  });

  it('reports an unreachable provider as its own outage, not as a bad token', async () => {
    const unreachable = verifierFor({ kind: 'jwks', url: 'http://127.0.0.1:1/certs' });
    await expect(unreachable.verify(await sign('key-1'))).rejects.toBeInstanceOf(VerificationKeysUnavailable);
  });
});
