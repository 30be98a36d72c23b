/** HTTP statuses a domain rule may answer with; anything else thrown is a bug (500). */
export type DomainErrorStatus = 400 | 404 | 409 | 422;

/**
 * A client-visible rule violation with a stable code (`APPLICATION.ILLEGAL_TRANSITION`),
 * a reason, and details the client can act on (current state, allowed actions, window…).
 */
export class DomainError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: string,
    message: string,
    readonly status: DomainErrorStatus,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 404, details);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 409, details);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 422, details);
  }
}
