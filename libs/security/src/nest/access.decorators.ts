import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { ActorV1 } from '@technopark/contracts';
import { actorOf, type AuthorizedPrincipal } from '../lib/principal';
import type { Role } from '../lib/roles';
import { BEARER_SCHEME, PARTNER_WRITES, PUBLIC_ROUTE, ROUTE_ROLES, SITE_ROUTE_PARAM } from './security.constants';

/** Reachable without a token (health, metrics). Everything else is denied unless `@Roles` says who. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Operational endpoints polled by probes and scrapers: no token and no rate limit. */
export const OperationalEndpoint = () => applyDecorators(Public(), SkipThrottle());

/**
 * Who may call the route. Site-scoped roles must hold for the service's site (or the
 * `@SiteFromRoute` parameter); a platform admin may call every route open to site staff.
 */
export const Roles = (...roles: [Role, ...Role[]]) =>
  applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'No token, or an expired, forged or foreign one (see WWW-Authenticate)' }),
    ApiForbiddenResponse({ description: `A valid token without one of the roles ${roles.join(', ')} for this site` }),
    ApiTooManyRequestsResponse({ description: 'Rate limit reached; retry after Retry-After seconds' }),
  );

/** A route where a partner token may write: managing its own delivery settings (the record rule still applies). */
export const PartnerManaged = () => SetMetadata(PARTNER_WRITES, true);

/** For services holding several sites' data: the route parameter naming the site a request touches. */
export const SiteFromRoute = (parameter: string) => SetMetadata(SITE_ROUTE_PARAM, parameter);

export interface AuthenticatedRequest {
  principal?: AuthorizedPrincipal;
}

/** The caller, with the role it acts in for this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => principalOf(context));

/** The caller as recorded on changes and carried in events: `{ id: sub, role }`. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): ActorV1 =>
  actorOf(principalOf(context)),
);

function principalOf(context: ExecutionContext): AuthorizedPrincipal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only reachable on a route without @Roles, which the guard already refused: a programming error.
  if (!principal) throw new Error('no authorized principal on this request: is the route @Public?');
  return principal;
}
