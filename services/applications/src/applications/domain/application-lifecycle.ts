import { ConflictError } from '@technopark/platform';
import type { ActionRoles } from '@technopark/security';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'accepted',
  'rejected',
  'waitlisted',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'submit',
  'withdraw',
  'start-review',
  'score',
  'accept',
  'reject',
  'waitlist',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * The whole lifecycle: draft → submitted → in_review → accepted | rejected | waitlisted;
 * withdrawn by the applicant before a decision; a waitlisted application may still be
 * accepted (or rejected when the cohort is full). Scoring keeps an application in review.
 */
const TRANSITIONS: Record<ApplicationStatus, Partial<Record<ApplicationAction, ApplicationStatus>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { 'start-review': 'in_review', withdraw: 'withdrawn' },
  in_review: {
    score: 'in_review',
    accept: 'accepted',
    reject: 'rejected',
    waitlist: 'waitlisted',
    withdraw: 'withdrawn',
  },
  waitlisted: { accept: 'accepted', reject: 'rejected' },
  accepted: {},
  rejected: {},
  withdrawn: {},
};

/** Who may take each action; the action routes' `@Roles` and the views' `allowedActions` both read it. */
export const APPLICATION_ACTION_ROLES: ActionRoles<ApplicationAction> = {
  submit: ['startup', 'site-staff'],
  withdraw: ['startup', 'site-staff'],
  'start-review': ['site-staff'],
  score: ['committee-member'],
  accept: ['site-staff', 'committee-member'],
  reject: ['site-staff', 'committee-member'],
  waitlist: ['site-staff', 'committee-member'],
};

/** Statuses that hold a place in a call: a startup may have one such application per call. */
export const LIVE_STATUSES: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'in_review',
  'waitlisted',
  'accepted',
];

export function allowedActions(status: ApplicationStatus): ApplicationAction[] {
  return Object.keys(TRANSITIONS[status]) as ApplicationAction[];
}

/** The status after `action`, or a 409 naming the current status and the actions it allows. */
export function nextStatus(current: ApplicationStatus, action: ApplicationAction): ApplicationStatus {
  const next = TRANSITIONS[current][action];
  if (!next) throw illegalTransition(current, action);
  return next;
}

export function illegalTransition(current: ApplicationStatus, action: ApplicationAction): ConflictError {
  const allowed = allowedActions(current);
  return new ConflictError('APPLICATION.ILLEGAL_TRANSITION', `cannot ${action} an application that is ${current}`, {
    currentStatus: current,
    allowedActions: allowed,
  });
}

export function isLive(status: ApplicationStatus): boolean {
  return LIVE_STATUSES.includes(status);
}
