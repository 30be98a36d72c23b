/** Every messaging error has a stable code and says whether trying again may succeed. */
export abstract class MessagingError extends Error {
  abstract readonly code: string;
  abstract readonly retriable: boolean;
}

export const POISON_REASONS = {
  NOT_JSON: 'EVENT.NOT_JSON',
  MISSING_HEADER: 'EVENT.MISSING_HEADER',
  UNKNOWN_TYPE: 'EVENT.UNKNOWN_TYPE',
  INVALID_PAYLOAD: 'EVENT.INVALID_PAYLOAD',
  HANDLER_FAILED: 'EVENT.HANDLER_FAILED',
} as const;
export type PoisonReason = (typeof POISON_REASONS)[keyof typeof POISON_REASONS];

/** A message no retry can fix: it goes to the dead-letter topic. */
export class PoisonMessageError extends MessagingError {
  override readonly name = 'PoisonMessageError';
  readonly retriable = false;

  constructor(
    readonly code: PoisonReason,
    message: string,
  ) {
    super(message);
  }
}

/** Throw this from a handler when a dependency is away: the event is retried, never dead-lettered. */
export class TransientEventError extends MessagingError {
  override readonly name = 'TransientEventError';
  readonly code = 'EVENT.TRANSIENT_FAILURE';
  readonly retriable = true;
}

/**
 * A service tried to publish a payload that breaks its own contract: a bug in that service, so
 * the state change that carried it is refused (HTTP 500, nothing stored) instead of reaching
 * consumers that would dead-letter it.
 */
export class ContractViolationError extends MessagingError {
  override readonly name = 'ContractViolationError';
  readonly code = 'EVENT.CONTRACT_VIOLATION';
  readonly retriable = false;

  constructor(
    readonly eventType: string,
    readonly violations: readonly string[],
  ) {
    super(`refusing to publish a ${eventType} that breaks its contract: ${violations.join('; ')}`);
  }
}

/** Decides whether an error means "a dependency is away"; libraries contribute their own. */
export type TransientErrorClassifier = (error: unknown) => boolean;

/** Errors that declare themselves retriable (ours, kafkajs's) are transient. */
export const declaresRetriable: TransientErrorClassifier = (error) =>
  typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
