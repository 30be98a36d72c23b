import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { VerificationKeysUnavailable } from './security-errors';

/** Where token signatures are checked against: exactly one of these is configured. */
export type VerificationKeySource =
  | { readonly kind: 'jwks'; readonly url: string }
  | { readonly kind: 'public-key-file'; readonly path: string }
  | { readonly kind: 'shared-secret'; readonly secret: string };

export interface VerificationKey {
  readonly key: KeyObject | Uint8Array | JWTVerifyGetKey;
  /** Only these `alg` values are accepted, so a token cannot pick a weaker scheme. */
  readonly algorithms: string[];
}

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

export function loadVerificationKey(source: VerificationKeySource): VerificationKey {
  switch (source.kind) {
    case 'jwks':
      return { key: remoteKeySet(source.url), algorithms: ASYMMETRIC_ALGORITHMS };
    case 'public-key-file':
      return { key: createPublicKey(readFileSync(source.path, 'utf8')), algorithms: ASYMMETRIC_ALGORITHMS };
    case 'shared-secret':
      return { key: new TextEncoder().encode(source.secret), algorithms: ['HS256', 'HS384', 'HS512'] };
  }
}

/** The provider's JWKS, cached; a failed fetch is our outage, not the caller's mistake. */
function remoteKeySet(url: string): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new VerificationKeysUnavailable(error);
    }
  };
}
