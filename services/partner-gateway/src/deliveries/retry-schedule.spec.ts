import { MAX_RETRY_DELAY_MS, retryDelayMs, totalRetryWindowMs } from './retry-schedule';

describe('the retry schedule', () => {
  it('doubles from the first delay and stops growing at six hours', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(retry, 10_000, middle))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(20, 10_000, middle)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('spreads each wait by ±20 % of jitter', () => {
    expect(retryDelayMs(3, 10_000, () => 0)).toBe(32_000);
    expect(retryDelayMs(3, 10_000, () => 1)).toBe(48_000);
  });

  it('spans about a day with the default 14 retries from 10 s', () => {
    const hours = totalRetryWindowMs(14, 10_000) / 3_600_000;
    expect(hours).toBeGreaterThan(22);
    expect(hours).toBeLessThan(25);
  });
});
