import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AccessDenied, AuthenticationFailure, VerificationKeysUnavailable } from '../lib/security-errors';

type SecurityError = AuthenticationFailure | AccessDenied | VerificationKeysUnavailable;

const REALM = 'technopark';
const KEYS_RETRY_AFTER_SECONDS = 30;

/** 401 with an RFC 6750 challenge, 403 with the reason, 503 when the provider's keys are out of reach. */
@Catch(AuthenticationFailure, AccessDenied, VerificationKeysUnavailable)
export class SecurityExceptionFilter implements ExceptionFilter<SecurityError> {
  private readonly logger = new Logger('security');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: SecurityError, host: ArgumentsHost): void {
    // Only HTTP requests are authorized here; anything else is a programming error to surface.
    if (host.getType() !== 'http') throw error;
    const { httpAdapter } = this.adapterHost;
    const response = host.switchToHttp().getResponse();
    const [status, header] = this.responseFor(error);
    if (header) httpAdapter.setHeader(response, header[0], header[1]);
    httpAdapter.reply(
      response,
      { statusCode: status, error: errorName(status), code: error.code, message: error.message },
      status,
    );
  }

  private responseFor(error: SecurityError): [number, [string, string] | undefined] {
    if (error instanceof AuthenticationFailure)
      return [HttpStatus.UNAUTHORIZED, ['WWW-Authenticate', challenge(error)]];
    if (error instanceof AccessDenied) return [HttpStatus.FORBIDDEN, undefined];
    this.logger.error(error.message);
    return [HttpStatus.SERVICE_UNAVAILABLE, ['Retry-After', String(KEYS_RETRY_AFTER_SECONDS)]];
  }
}

/** No error code when no token was sent (RFC 6750 §3.1), `invalid_token` otherwise. */
function challenge(failure: AuthenticationFailure): string {
  if (failure.code === 'AUTH.TOKEN_MISSING') return `Bearer realm="${REALM}"`;
  return `Bearer realm="${REALM}", error="invalid_token", error_description="${failure.message.replace(/["\\]/g, "'")}"`;
}

function errorName(status: number): string {
  return { 401: 'Unauthorized', 403: 'Forbidden', 503: 'Service Unavailable' }[status] ?? 'Error';
}
