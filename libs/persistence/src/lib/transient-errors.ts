/**
 * Driver errors that mean "the database is away or failing over", not "this operation is
 * wrong": network failures, no server selectable, a closed or not-yet-open connection.
 * Event handlers retry these instead of dead-lettering the event.
 */
const TRANSIENT_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWriteConcernError',
]);

export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: string; hasErrorLabel?: (label: string) => boolean; cause?: unknown };
  if (candidate.name && TRANSIENT_ERROR_NAMES.has(candidate.name)) return true;
  if (
    ['RetryableWriteError', 'RetryableError', 'TransientTransactionError'].some((label) =>
      candidate.hasErrorLabel?.(label),
    )
  )
    return true;
  return candidate.cause !== undefined && candidate.cause !== error && isTransientDatabaseError(candidate.cause);
}

/**
 * While the connection is down, any failure is blamed on the outage (mongoose's own
 * "buffering timed out" error has no distinctive name): `readyState` 1 means connected.
 */
export function transientWhileDisconnected(connection: { readonly readyState: number }): (error: unknown) => boolean {
  return (error) => isTransientDatabaseError(error) || connection.readyState !== 1;
}
