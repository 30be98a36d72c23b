// class-transformer's @Type (in IntegerVariable) reads design-time metadata, even before Nest is loaded.
import 'reflect-metadata';
import { IsOptional, IsString, Length, Matches, Validate } from 'class-validator';
import { IntegerVariable } from './integer-variable';
import { VerificationKeyVariable } from './verification-key-variables';
import type { VerificationKeySource } from '../lib/verification-key';

/** Variables of authentication and rate limiting, shared by every service. */
export class SecurityEnvironment {
  /** The `iss` every accepted token carries, e.g. Keycloak's realm URL. */
  @IsString({ message: "the issuer (iss) of accepted tokens, such as 'https://id.example.ma/realms/technopark'" })
  @Length(1, 500, { message: "the issuer (iss) of accepted tokens, such as 'https://id.example.ma/realms/technopark'" })
  AUTH_ISSUER!: string;

  /** The `aud` every accepted token must contain. */
  @IsString({ message: "the audience (aud) tokens must be meant for, such as 'technopark-platform'" })
  @Length(1, 200, { message: "the audience (aud) tokens must be meant for, such as 'technopark-platform'" })
  AUTH_AUDIENCE!: string;

  @Validate(VerificationKeyVariable)
  AUTH_JWKS_URL?: string;

  @Validate(VerificationKeyVariable)
  AUTH_PUBLIC_KEY_FILE?: string;

  @Validate(VerificationKeyVariable)
  AUTH_SHARED_SECRET?: string;

  /** Keycloak puts realm roles in `realm_access.roles`. */
  @IsOptional()
  @Matches(/^[\w-]+(\.[\w-]+)*$/, { message: "a claim name or dotted path, such as 'roles' or 'realm_access.roles'" })
  AUTH_ROLES_CLAIM = 'roles';

  @IntegerVariable(0, 300, 'a whole number of seconds from 0 to 300')
  AUTH_CLOCK_TOLERANCE_SECONDS = 30;

  /** Requests one client (IP address) may make per window before getting 429. */
  @IntegerVariable(1, 1_000_000, 'an integer from 1 to 1000000')
  RATE_LIMIT_REQUESTS = 600;

  @IntegerVariable(1, 3600, 'a whole number of seconds from 1 to 3600')
  RATE_LIMIT_WINDOW_SECONDS = 60;
}

export function verificationKeySourceOf(environment: SecurityEnvironment): VerificationKeySource {
  if (environment.AUTH_JWKS_URL) return { kind: 'jwks', url: environment.AUTH_JWKS_URL };
  if (environment.AUTH_PUBLIC_KEY_FILE) return { kind: 'public-key-file', path: environment.AUTH_PUBLIC_KEY_FILE };
  return { kind: 'shared-secret', secret: environment.AUTH_SHARED_SECRET ?? '' };
}
