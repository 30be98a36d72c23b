import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { CLAIMS } from './token-claims';

/** Issuer and audience of locally minted tokens; `npm start` configures the services with them. */
export const LOCAL_ISSUER = 'technopark-local';
export const LOCAL_AUDIENCE = 'technopark-platform';
const ALGORITHM = 'ES256';

export interface TokenRequest {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly sites?: readonly string[];
  readonly startupId?: string;
  readonly partnerId?: string;
  readonly funderId?: string;
  readonly eventId?: string;
  /** Lifetime, e.g. `8h`, or an absolute expiry in seconds since the epoch (may be past, for tests). */
  readonly expiresIn?: string | number;
  /** Seconds since the epoch before which the token is not valid. */
  readonly notBefore?: number;
  readonly issuer?: string;
  readonly audience?: string;
}

export interface LocalSigningKeyPaths {
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
}

/** Mints tokens like an identity provider would, for local use and tests: never for production. */
export class LocalTokenIssuer {
  constructor(private readonly privateKey: KeyObject) {}

  static fromFile(privateKeyFile: string): LocalTokenIssuer {
    return new LocalTokenIssuer(createPrivateKey(readFileSync(privateKeyFile, 'utf8')));
  }

  async mint(request: TokenRequest): Promise<string> {
    const claims = {
      roles: [...request.roles],
      ...(request.sites && { [CLAIMS.sites]: [...request.sites] }),
      ...(request.startupId && { [CLAIMS.startupId]: request.startupId }),
      ...(request.partnerId && { [CLAIMS.partnerId]: request.partnerId }),
      ...(request.funderId && { [CLAIMS.funderId]: request.funderId }),
      ...(request.eventId && { [CLAIMS.eventId]: request.eventId }),
    };
    const token = new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(request.subject)
      .setIssuer(request.issuer ?? LOCAL_ISSUER)
      .setAudience(request.audience ?? LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(request.expiresIn ?? '8h');
    if (request.notBefore !== undefined) token.setNotBefore(request.notBefore);
    return token.sign(this.privateKey);
  }
}

/** Creates the local ES256 key pair in `directory` unless it exists; returns the two PEM files. */
export function ensureLocalSigningKey(directory: string): LocalSigningKeyPaths {
  const paths = {
    privateKeyFile: join(directory, 'local-signing-key.pem'),
    publicKeyFile: join(directory, 'local-signing-key.pub.pem'),
  };
  if (!existsSync(paths.privateKeyFile)) {
    mkdirSync(directory, { recursive: true });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(paths.privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  if (!existsSync(paths.publicKeyFile)) {
    const publicKey = createPublicKey(createPrivateKey(readFileSync(paths.privateKeyFile, 'utf8')));
    writeFileSync(paths.publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return paths;
}
