import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { isTransientDatabaseError, transientWhileDisconnected } from '@technopark/persistence';
import type { Request } from 'express';
import type { Connection } from 'mongoose';
import { DomainError } from './domain-error';
import { allowedMethodsOf } from './route-methods';

/** The one shape of every error answer: `code` is stable, `message` is for people. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  [detail: string]: unknown;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Codes for the errors raised by the framework rather than by our rules. */
const FRAMEWORK_CODES: Record<string, string> = {
  'entity.parse.failed': 'REQUEST.MALFORMED_JSON',
  'entity.too.large': 'REQUEST.TOO_LARGE',
  'encoding.unsupported': 'REQUEST.UNSUPPORTED_ENCODING',
  'charset.unsupported': 'REQUEST.UNSUPPORTED_ENCODING',
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
  503: 'SERVICE.UNAVAILABLE',
};

/** Seconds a client is asked to wait before trying again while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Maps whatever an HTTP handler throws to one error shape, once: domain errors with their
 * status, framework errors (malformed JSON, oversized body, unknown route) with a code of
 * their own, a wrong method on a known path as 405 with `Allow`, the database away (down, paused,
 * failing over) as a 503 with `Retry-After`, and anything else as a 500 that is logged with its
 * stack and tells the client nothing internal.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');
  private readonly databaseUnavailable: (error: unknown) => boolean;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Optional() @Inject(getConnectionToken()) connection?: Connection,
  ) {
    this.databaseUnavailable = connection ? transientWhileDisconnected(connection) : isTransientDatabaseError;
  }

  catch(error: unknown, host: ArgumentsHost): void {
    // An error in an event handler is the transport's to classify (dead letter or retry).
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse();
    const { body, headers } = this.answerFor(error, request);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    this.adapterHost.httpAdapter.reply(response, body, body.statusCode);
  }

  private answerFor(error: unknown, request: Request): { body: ErrorBody; headers: Record<string, string> } {
    if (error instanceof DomainError)
      return { body: { ...bodyOf(error.status, error.code, error.message), ...error.details }, headers: {} };
    if (error instanceof NotFoundException && !request.route) return this.unknownRoute(request);
    if (error instanceof HttpException) return { body: fromHttpException(error), headers: {} };
    if (this.databaseUnavailable(error)) return this.databaseAway(error, request);
    this.logger.error({
      msg: 'unexpected error answering a request',
      method: request.method,
      path: request.path,
      error: (error as Error)?.stack ?? String(error),
    });
    return {
      body: bodyOf(500, 'INTERNAL.UNEXPECTED', 'Something went wrong on our side; the request was not completed'),
      headers: {},
    };
  }

  /** An outage, not a bug: one line without a stack, and an answer the client can act on. */
  private databaseAway(error: unknown, request: Request): { body: ErrorBody; headers: Record<string, string> } {
    this.logger.warn({
      msg: 'the database did not answer; the request was answered 503',
      method: request.method,
      path: request.path,
      reason: (error as Error)?.message ?? String(error),
    });
    const message = `The database is not answering; the request may not have been completed. Try again in ${DATABASE_RETRY_AFTER_SECONDS} s`;
    return {
      body: bodyOf(503, 'DATABASE.UNAVAILABLE', message),
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  }

  private unknownRoute(request: Request): { body: ErrorBody; headers: Record<string, string> } {
    const allowed = allowedMethodsOf(this.adapterHost.httpAdapter.getInstance(), request.path);
    if (allowed.length === 0)
      return {
        body: bodyOf(404, 'ROUTE.NOT_FOUND', `No endpoint at ${request.path}; see /docs for the API`),
        headers: {},
      };
    const body = {
      ...bodyOf(
        405,
        'ROUTE.METHOD_NOT_ALLOWED',
        `${request.method} is not allowed on ${request.path}; allowed: ${allowed.join(', ')}`,
      ),
      allowed,
    };
    return { body, headers: { Allow: allowed.join(', ') } };
  }
}

/** Express's body parser and router errors, which Nest wraps with the original as the cause. */
function frameworkCodeOf(cause: unknown): string | undefined {
  if (cause instanceof URIError) return 'REQUEST.MALFORMED_URI';
  const type = (cause as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? FRAMEWORK_CODES[type] : undefined;
}

function bodyOf(statusCode: number, code: string, message: string): ErrorBody {
  return { statusCode, error: STATUS_NAMES[statusCode] ?? 'Error', code, message };
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const raw = error.getResponse();
  const details = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const message =
    typeof details['message'] === 'string'
      ? details['message']
      : Array.isArray(details['message'])
        ? details['message'].join('; ')
        : error.message;
  const code =
    typeof details['code'] === 'string'
      ? details['code']
      : (frameworkCodeOf(error.cause) ??
        CODES_BY_STATUS[status] ??
        (status >= 500 ? 'SERVICE.UNAVAILABLE' : 'REQUEST.INVALID'));
  // Bodies that already have a shape of their own (the readiness report's `error` details) keep it.
  return { ...bodyOf(status, code, message), ...details, code, statusCode: status };
}
