import { backoffDelay } from './retry-policy';

describe('backoff', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const noJitter = () => 0.5;
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, 100, 1_000, noJitter))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('spreads retries by ±20% so consumers do not retry in lockstep', () => {
    expect(backoffDelay(2, 100, 10_000, () => 0)).toBe(320);
    expect(backoffDelay(2, 100, 10_000, () => 1)).toBe(480);
  });
});
