import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, UnprocessableError } from './domain-error';
import type { Request } from 'express';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/** The request's `Idempotency-Key` header, if any; a malformed one is a client error (400). */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_FORMAT.test(value)) {
    throw new DomainError(
      'REQUEST.INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 1–200 printable ASCII characters',
      400,
      { field: 'Idempotency-Key' },
    );
  }
  return value;
});

/** Keys are per caller, so two clients choosing the same key never collide. */
export function scopedIdempotencyKey(subject: string, key: string | undefined, id: string): string {
  return key ? `${subject}:${key}` : `none:${id}`;
}

export function requestHashOf(body: object): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

/** What a retried create resolves to: the first result, or a refusal when the key was reused for another request. */
export function replayOf<T extends { requestHash: string }>(existing: T, requestHash: string): T {
  if (existing.requestHash !== requestHash) {
    throw new UnprocessableError(
      'REQUEST.IDEMPOTENCY_KEY_REUSED',
      'this Idempotency-Key was already used for a different request',
    );
  }
  return existing;
}
