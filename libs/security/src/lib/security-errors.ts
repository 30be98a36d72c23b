/** Why a request has no valid credentials (answered 401 with a `WWW-Authenticate` challenge). */
export type AuthenticationFailureCode =
  | 'AUTH.TOKEN_MISSING'
  | 'AUTH.TOKEN_MALFORMED'
  | 'AUTH.TOKEN_EXPIRED'
  | 'AUTH.TOKEN_NOT_YET_VALID'
  | 'AUTH.SIGNATURE_INVALID'
  | 'AUTH.WRONG_ISSUER'
  | 'AUTH.WRONG_AUDIENCE'
  | 'AUTH.ALGORITHM_NOT_ALLOWED'
  | 'AUTH.UNKNOWN_KEY'
  | 'AUTH.CLAIMS_INVALID';

/** A token that proves nothing. Never retriable: the caller needs a new token. */
export class AuthenticationFailure extends Error {
  readonly retriable = false;

  constructor(
    readonly code: AuthenticationFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationFailure';
  }
}

/** The identity provider's keys could not be fetched: our outage, not the caller's mistake. */
export class VerificationKeysUnavailable extends Error {
  readonly code = 'AUTH.KEYS_UNAVAILABLE';
  readonly retriable = true;

  constructor(cause: unknown) {
    super(`the identity provider's signing keys could not be fetched: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
    this.name = 'VerificationKeysUnavailable';
  }
}

export type AccessDenialCode =
  | 'AUTH.NO_ACCESS_RULE'
  | 'AUTH.ROLE_NOT_ALLOWED'
  | 'AUTH.WRONG_SITE'
  | 'AUTH.READ_ONLY_ROLE'
  | 'AUTH.NOT_YOUR_STARTUP'
  | 'AUTH.NOT_YOUR_PARTNER'
  | 'AUTH.NOT_YOUR_FUNDER'
  | 'AUTH.NOT_YOUR_EVENT'
  | 'AUTH.NOT_A_JUROR';

/** A valid token that may not do this here (answered 403). */
export class AccessDenied extends Error {
  readonly retriable = false;

  constructor(
    readonly code: AccessDenialCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccessDenied';
  }
}
