import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureLocalSigningKey,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  LocalTokenIssuer,
  type TokenRequest,
} from '@technopark/security';
import { localAuthHome } from './paths';

const KEY_VARIABLES = ['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY_FILE', 'AUTH_SHARED_SECRET'];

/** True when the operator configured a real identity provider: local tokens are then not trusted. */
export function externalIdentityProviderConfigured(environment: NodeJS.ProcessEnv = process.env): boolean {
  return KEY_VARIABLES.some((name) => environment[name]);
}

/** Variables that make a service trust tokens of the local signing key (created on first use). */
export function localAuthEnvironment(): Record<string, string> {
  const { publicKeyFile } = ensureLocalSigningKey(localAuthHome);
  return { AUTH_ISSUER: LOCAL_ISSUER, AUTH_AUDIENCE: LOCAL_AUDIENCE, AUTH_PUBLIC_KEY_FILE: publicKeyFile };
}

/**
 * Secrets a local platform's services keep besides tokens (the events service's check-in codes,
 * the partner gateway's key sealing webhook secrets), created once in `.infra/auth` so they stay
 * valid across restarts; Docker Compose mounts the same folder. An operator's own value, set in
 * the environment (`NAME` or `NAME_FILE`), wins over the local one.
 */
export function localServiceSecrets(): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, file] of Object.entries(LOCAL_SECRET_FILES)) {
    if (process.env[name] || process.env[`${name}_FILE`]) continue;
    secrets[`${name}_FILE`] = localSecretFile(file);
  }
  return secrets;
}

const LOCAL_SECRET_FILES = { CHECK_IN_SECRET: 'check-in-secret', PARTNER_SECRETS_KEY: 'partner-secrets-key' } as const;

function localSecretFile(name: string): string {
  const file = join(localAuthHome, name);
  if (!existsSync(file)) {
    mkdirSync(localAuthHome, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return file;
}

export function mintLocalToken(request: TokenRequest): Promise<string> {
  localServiceSecrets();
  return LocalTokenIssuer.fromFile(ensureLocalSigningKey(localAuthHome).privateKeyFile).mint(request);
}
