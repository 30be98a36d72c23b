import type { ActionRoles } from '@technopark/security';
import { type ResidencyOutcome } from '@technopark/contracts';
import { illegalTransition, outcomeNotAllowed } from '../residencies.errors';

export const RESIDENCY_STATUSES = ['pending', 'waitlisted', 'allocated', 'started', 'ended'] as const;
export type ResidencyStatus = (typeof RESIDENCY_STATUSES)[number];

export const RESIDENCY_ACTIONS = ['allocate', 'start', 'extend', 'move', 'decline', 'end'] as const;
export type ResidencyAction = (typeof RESIDENCY_ACTIONS)[number];

/**
 * pending (acceptance being handled) → allocated | waitlisted; waitlisted → allocated (automatically
 * when space frees, or by staff); allocated → started (move-in) → ended. Extending and moving keep
 * the status. Declining or ending before move-in, and no-shows, end it without a stay.
 */
const TRANSITIONS: Record<ResidencyStatus, Partial<Record<ResidencyAction, ResidencyStatus>>> = {
  pending: {},
  waitlisted: { allocate: 'allocated', decline: 'ended', end: 'ended' },
  allocated: { start: 'started', move: 'allocated', decline: 'ended', end: 'ended' },
  started: { extend: 'started', move: 'started', end: 'ended' },
  ended: {},
};

/** Outcomes staff may record, by the status the residency ends from; `no-show` is the sweep's alone. */
const OUTCOMES_FROM: Record<ResidencyStatus, readonly ResidencyOutcome[]> = {
  pending: [],
  waitlisted: ['declined', 'withdrawn'],
  allocated: ['declined', 'withdrawn'],
  started: ['graduated', 'left', 'failed', 'relocated'],
  ended: [],
};

/** Statuses that hold a space. */
export const HOLDING_SPACE: readonly ResidencyStatus[] = ['allocated', 'started'];

/** Who may take each action; the routes' `@Roles` and the views' `allowedActions` both read it. */
export const RESIDENCY_ACTION_ROLES: ActionRoles<ResidencyAction> = {
  allocate: ['site-staff'],
  start: ['site-staff'],
  extend: ['site-staff'],
  move: ['site-staff'],
  decline: ['startup', 'site-staff'],
  end: ['site-staff'],
};

export function allowedActions(status: ResidencyStatus): ResidencyAction[] {
  return Object.keys(TRANSITIONS[status]) as ResidencyAction[];
}

export function outcomesFrom(status: ResidencyStatus): readonly ResidencyOutcome[] {
  return OUTCOMES_FROM[status];
}

/** The status after `action`, or a 409 naming the current status and what it allows. */
export function nextStatus(current: ResidencyStatus, action: ResidencyAction): ResidencyStatus {
  const next = TRANSITIONS[current][action];
  if (!next) {
    throw illegalTransition(action, current, allowedActions(current));
  }
  return next;
}

/** Refuses an outcome that does not fit the status it ends from (e.g. `graduated` before move-in). */
export function assertOutcomeFits(current: ResidencyStatus, outcome: ResidencyOutcome): void {
  if (!OUTCOMES_FROM[current].includes(outcome)) {
    throw outcomeNotAllowed(current, outcome, OUTCOMES_FROM[current]);
  }
}

/** `months` after a calendar date (YYYY-MM-DD), clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
