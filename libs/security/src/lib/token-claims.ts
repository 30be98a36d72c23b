import type { JWTPayload } from 'jose';
import type { Principal } from './principal';
import { isRole } from './roles';
import { AuthenticationFailure } from './security-errors';

/** Claim names beyond the registered ones; an identity provider maps its attributes to them. */
export const CLAIMS = {
  sites: 'sites',
  startupId: 'startup_id',
  partnerId: 'partner_id',
  funderId: 'funder_id',
  eventId: 'event_id',
} as const;

/**
 * Reads the platform's claims from a verified payload. Unknown roles are ignored (the provider
 * may carry roles of other applications); malformed claims make the token invalid.
 */
export function principalFromClaims(payload: JWTPayload, rolesClaim: string): Principal {
  const subject = requireText(payload.sub, 'sub');
  const roles = optionalTextList(claimAt(payload, rolesClaim), rolesClaim).filter(isRole);
  const sites = optionalTextList(payload[CLAIMS.sites], CLAIMS.sites);
  const startupId = optionalText(payload[CLAIMS.startupId], CLAIMS.startupId);
  const partnerId = optionalText(payload[CLAIMS.partnerId], CLAIMS.partnerId);
  if (roles.includes('startup') && !startupId) throw invalid(`the startup role needs a ${CLAIMS.startupId} claim`);
  const funderId = optionalText(payload[CLAIMS.funderId], CLAIMS.funderId);
  if (roles.includes('partner') && !partnerId) throw invalid(`the partner role needs a ${CLAIMS.partnerId} claim`);
  if (roles.includes('funder') && !funderId) throw invalid(`the funder role needs a ${CLAIMS.funderId} claim`);
  const eventId = optionalText(payload[CLAIMS.eventId], CLAIMS.eventId);
  if (roles.includes('event-host') && !eventId) throw invalid(`the event-host role needs an ${CLAIMS.eventId} claim`);
  return {
    subject,
    roles,
    sites,
    ...(startupId && { startupId }),
    ...(partnerId && { partnerId }),
    ...(funderId && { funderId }),
    ...(eventId && { eventId }),
  };
}

/** A dotted path, so Keycloak's `realm_access.roles` can be used as it is. */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      payload,
    );
}

function requireText(value: unknown, claim: string): string {
  const text = optionalText(value, claim);
  if (!text) throw invalid(`the ${claim} claim is required`);
  return text;
}

function optionalText(value: unknown, claim: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200)
    throw invalid(`the ${claim} claim must be a non-empty string`);
  return value;
}

function optionalTextList(value: unknown, claim: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw invalid(`the ${claim} claim must be a list of strings`);
  return value;
}

function invalid(message: string): AuthenticationFailure {
  return new AuthenticationFailure('AUTH.CLAIMS_INVALID', message);
}
