export {
  assertOwnEvent,
  assertOwnFunder,
  assertOwnPartner,
  assertOwnStartup,
  assertSiteAccess,
  authorizeRoute,
  type RouteRequirement,
} from './lib/access-policy';
export { actionsPermitted, type ActionRoles } from './lib/action-roles';
export { actorOf, eventActorOf, fundingActorOf, type AuthorizedPrincipal, type Principal } from './lib/principal';
export { isRole, ROLES, SITE_SCOPED_ROLES, type Role } from './lib/roles';
export {
  AccessDenied,
  AuthenticationFailure,
  VerificationKeysUnavailable,
  type AccessDenialCode,
  type AuthenticationFailureCode,
} from './lib/security-errors';
export { CLAIMS, principalFromClaims } from './lib/token-claims';
export { TokenVerifier, type TokenVerifierOptions } from './lib/token-verifier';
export type { VerificationKeySource } from './lib/verification-key';
export {
  ensureLocalSigningKey,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  LocalTokenIssuer,
  type LocalSigningKeyPaths,
  type TokenRequest,
} from './lib/local-token-issuer';
export { BooleanVariable } from './config/boolean-variable';
export { IntegerVariable } from './config/integer-variable';
export { SecurityEnvironment, verificationKeySourceOf } from './config/security-environment';
export {
  CurrentActor,
  CurrentPrincipal,
  OperationalEndpoint,
  PartnerManaged,
  Public,
  Roles,
  SiteFromRoute,
} from './nest/access.decorators';
export { BEARER_SCHEME } from './nest/security.constants';
export type { SecurityOptions } from './nest/security-options';
export { SecurityModule, type SecurityModuleAsyncOptions } from './nest/security.module';
