import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal } from './principal';
import { principalFromClaims } from './token-claims';
import { AuthenticationFailure, type AuthenticationFailureCode, VerificationKeysUnavailable } from './security-errors';
import { loadVerificationKey, type VerificationKey, type VerificationKeySource } from './verification-key';

export interface TokenVerifierOptions {
  readonly keySource: VerificationKeySource;
  readonly issuer: string;
  readonly audience: string;
  /** Claim holding the role list; a dotted path such as `realm_access.roles` is allowed. */
  readonly rolesClaim: string;
  /** Allowed clock skew between the identity provider and this host. */
  readonly clockToleranceSeconds: number;
}

/** Checks a bearer token (signature, `exp`, `nbf`, issuer, audience) and reads who it speaks for. */
export class TokenVerifier {
  private readonly verificationKey: VerificationKey;

  constructor(private readonly options: TokenVerifierOptions) {
    this.verificationKey = loadVerificationKey(options.keySource);
  }

  async verify(token: string): Promise<Principal> {
    return principalFromClaims(await this.verifiedPayload(token), this.options.rolesClaim);
  }

  private async verifiedPayload(token: string): Promise<JWTPayload> {
    const { issuer, audience, clockToleranceSeconds } = this.options;
    const verifyOptions = {
      issuer,
      audience,
      algorithms: this.verificationKey.algorithms,
      clockTolerance: clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
    };
    try {
      const { key } = this.verificationKey;
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key as JWTVerifyGetKey, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
      return payload;
    } catch (error) {
      throw translate(error);
    }
  }
}

function translate(error: unknown): Error {
  if (error instanceof VerificationKeysUnavailable) return error;
  const [code, message] = describeRejection(error);
  return new AuthenticationFailure(code, message);
}

function describeRejection(error: unknown): [AuthenticationFailureCode, string] {
  if (error instanceof errors.JWTExpired) return ['AUTH.TOKEN_EXPIRED', 'the token has expired'];
  if (error instanceof errors.JWTClaimValidationFailed) return claimRejection(error);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return ['AUTH.SIGNATURE_INVALID', 'the token signature does not verify'];
  if (error instanceof errors.JOSEAlgNotAllowed)
    return ['AUTH.ALGORITHM_NOT_ALLOWED', 'the token is signed with an algorithm this service does not accept'];
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return ['AUTH.UNKNOWN_KEY', 'no signing key of the identity provider matches the token'];
  if (error instanceof errors.JOSENotSupported || error instanceof TypeError)
    return ['AUTH.ALGORITHM_NOT_ALLOWED', 'the token is signed with an algorithm that does not fit the configured key'];
  return ['AUTH.TOKEN_MALFORMED', 'the token is not a well-formed signed JWT'];
}

function claimRejection(
  error: InstanceType<typeof errors.JWTClaimValidationFailed>,
): [AuthenticationFailureCode, string] {
  switch (error.claim) {
    case 'iss':
      return ['AUTH.WRONG_ISSUER', 'the token was issued by another issuer'];
    case 'aud':
      return ['AUTH.WRONG_AUDIENCE', 'the token is meant for another audience'];
    case 'nbf':
      return ['AUTH.TOKEN_NOT_YET_VALID', 'the token is not valid yet (nbf)'];
    default:
      return ['AUTH.CLAIMS_INVALID', `the token's ${error.claim} claim is invalid: ${error.reason}`];
  }
}
