import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from './domain-error';

const STATUS_NAMES: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' };

/** Maps domain errors to their status once, so services throw rules, not HTTP exceptions. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: DomainError, host: ArgumentsHost): void {
    // A domain error in an event handler is the transport's to classify (dead letter, not retry).
    if (host.getType() !== 'http') throw error;
    const body = { statusCode: error.status, error: STATUS_NAMES[error.status], code: error.code, message: error.message, ...error.details };
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, error.status);
  }
}
