/** The longest wait between two tries of one delivery. */
export const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/**
 * The wait before retry `retry` (1 for the first): doubling from `firstMs` up to six hours, with
 * ±20 % jitter so a receiver coming back is not hit by every subscription at once.
 */
export function retryDelayMs(retry: number, firstMs: number, random: () => number = Math.random): number {
  const base = Math.min(firstMs * 2 ** (retry - 1), MAX_RETRY_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The whole schedule without jitter: what the README quotes. */
export function totalRetryWindowMs(retries: number, firstMs: number): number {
  let total = 0;
  for (let retry = 1; retry <= retries; retry++) total += retryDelayMs(retry, firstMs, () => 0.5);
  return total;
}
