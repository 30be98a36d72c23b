import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { authorizeRoute } from '../lib/access-policy';
import type { Role } from '../lib/roles';
import { AuthenticationFailure } from '../lib/security-errors';
import { TokenVerifier } from '../lib/token-verifier';
import type { AuthenticatedRequest } from './access.decorators';
import type { SecurityOptions } from './security-options';
import { PARTNER_WRITES, PUBLIC_ROUTE, ROUTE_ROLES, SECURITY_OPTIONS, SITE_ROUTE_PARAM } from './security.constants';

/** Default deny: every HTTP route needs a verified token whose roles the route declares. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(SECURITY_OPTIONS) private readonly options: SecurityOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Event handlers are reached through Kafka, whose access is governed by broker ACLs.
    if (context.getType() !== 'http' || this.metadata<boolean>(PUBLIC_ROUTE, context)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.verifier.verify(bearerToken(request));
    request.principal = authorizeRoute(principal, {
      roles: this.metadata<Role[]>(ROUTE_ROLES, context),
      method: request.method,
      partnerWrites: this.metadata<boolean>(PARTNER_WRITES, context) === true,
      site: this.siteOf(request, context),
    });
    return true;
  }

  private siteOf(request: Request, context: ExecutionContext): string {
    const parameter = this.metadata<string>(SITE_ROUTE_PARAM, context);
    const fromRoute = parameter ? request.params[parameter] : undefined;
    return typeof fromRoute === 'string' ? fromRoute : this.options.site;
  }

  private metadata<T>(key: string, context: ExecutionContext): T | undefined {
    return this.reflector.getAllAndOverride<T>(key, [context.getHandler(), context.getClass()]);
  }
}

function bearerToken(request: Request): string {
  const header = request.headers.authorization;
  if (!header) throw new AuthenticationFailure('AUTH.TOKEN_MISSING', 'this endpoint needs a bearer token');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw new AuthenticationFailure('AUTH.TOKEN_MISSING', "the Authorization header must be 'Bearer <token>'");
  return match[1];
}
