/** How long a handler keeps retrying a transient failure before its partition is paused. */
export interface RetryPolicy {
  /** Attempts in a row, the first included. */
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** First pause of a partition; doubled while the dependency stays away. */
  readonly pauseMs: number;
  readonly maxPauseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  initialDelayMs: 100,
  maxDelayMs: 2_000,
  pauseMs: 1_000,
  maxPauseMs: 30_000,
};

/** Exponential backoff with ±20% jitter, capped: delay before attempt `attempt + 1`. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
