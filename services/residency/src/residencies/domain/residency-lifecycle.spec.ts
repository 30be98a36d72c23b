import { RESIDENCY_OUTCOMES } from '@technopark/contracts';
import { DomainError } from '@technopark/platform';
import {
  addMonths,
  allowedActions,
  assertOutcomeFits,
  nextStatus,
  RESIDENCY_ACTIONS,
  RESIDENCY_STATUSES,
  type ResidencyAction,
  type ResidencyStatus,
} from './residency-lifecycle';

const LEGAL: [ResidencyStatus, ResidencyAction, ResidencyStatus][] = [
  ['waitlisted', 'allocate', 'allocated'],
  ['waitlisted', 'decline', 'ended'],
  ['waitlisted', 'end', 'ended'],
  ['allocated', 'start', 'started'],
  ['allocated', 'move', 'allocated'],
  ['allocated', 'decline', 'ended'],
  ['allocated', 'end', 'ended'],
  ['started', 'extend', 'started'],
  ['started', 'move', 'started'],
  ['started', 'end', 'ended'],
];

function errorOf(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('the residency lifecycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(allowedActions(from)).toContain(action);
  });

  const illegal = RESIDENCY_STATUSES.flatMap((status) =>
    RESIDENCY_ACTIONS.filter((action) => !LEGAL.some(([from, legal]) => from === status && legal === action)).map(
      (action) => [status, action] as const,
    ),
  );

  it.each(illegal)('refuses %s --%s with a 409 naming what is allowed', (status, action) => {
    const error = errorOf(() => nextStatus(status, action));
    expect(error.status).toBe(409);
    expect(error.code).toBe('RESIDENCY.ILLEGAL_TRANSITION');
    expect(error.details).toEqual({ currentStatus: status, allowedActions: allowedActions(status) });
  });

  it('lets a stay end only with a stay outcome, and an allocation only without one', () => {
    for (const outcome of ['graduated', 'left', 'failed', 'relocated'] as const) {
      expect(() => assertOutcomeFits('started', outcome)).not.toThrow();
      expect(errorOf(() => assertOutcomeFits('allocated', outcome)).status).toBe(422);
    }
    for (const outcome of ['declined', 'withdrawn'] as const) {
      expect(() => assertOutcomeFits('allocated', outcome)).not.toThrow();
      expect(() => assertOutcomeFits('waitlisted', outcome)).not.toThrow();
      expect(errorOf(() => assertOutcomeFits('started', outcome)).code).toBe('RESIDENCY.OUTCOME_NOT_ALLOWED');
    }
    for (const status of RESIDENCY_STATUSES) expect(() => assertOutcomeFits(status, 'no-show')).toThrow();
    expect(RESIDENCY_OUTCOMES).toContain('no-show');
  });

  it('adds months to a calendar date, clamping to the end of shorter months', () => {
    expect(addMonths('2026-12-01', 18)).toBe('2028-06-01');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
  });
});
