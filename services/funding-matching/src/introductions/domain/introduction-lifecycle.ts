import type { ActionRoles } from '@technopark/security';
import { illegalTransition } from '../introductions.errors';

export const INTRODUCTION_STATUSES = [
  'awaiting-consent',
  'requested',
  'accepted',
  'declined',
  'meeting',
  'due-diligence',
  'term-sheet',
  'funded',
  'closed',
] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const INTRODUCTION_ACTIONS = [
  'consent',
  'accept',
  'decline',
  'meet',
  'diligence',
  'term-sheet',
  'fund',
  'close',
] as const;
export type IntroductionAction = (typeof INTRODUCTION_ACTIONS)[number];

/** Statuses that end an introduction: a new one for the same pair may start. */
export const ENDED: readonly IntroductionStatus[] = ['declined', 'funded', 'closed'];

/**
 * Staff may ask for an introduction for a startup, which then consents (awaiting-consent → requested);
 * a startup asking consents by asking. The funder accepts or declines; then meeting → due diligence →
 * term sheet → funded (recorded with the raise), or closed at any point before.
 */
const TRANSITIONS: Record<IntroductionStatus, Partial<Record<IntroductionAction, IntroductionStatus>>> = {
  'awaiting-consent': { consent: 'requested', close: 'closed' },
  requested: { accept: 'accepted', decline: 'declined', close: 'closed' },
  accepted: { meet: 'meeting', fund: 'funded', close: 'closed' },
  meeting: { diligence: 'due-diligence', fund: 'funded', close: 'closed' },
  'due-diligence': { 'term-sheet': 'term-sheet', fund: 'funded', close: 'closed' },
  'term-sheet': { fund: 'funded', close: 'closed' },
  declined: {},
  funded: {},
  closed: {},
};

/** Who may take each action; the routes' `@Roles` and the views' `allowedActions` both read it. */
export const INTRODUCTION_ACTION_ROLES: ActionRoles<IntroductionAction> = {
  consent: ['startup'],
  accept: ['funder', 'site-staff'],
  decline: ['funder', 'site-staff'],
  meet: ['funder', 'site-staff'],
  diligence: ['funder', 'site-staff'],
  'term-sheet': ['funder', 'site-staff'],
  fund: ['site-staff', 'startup'],
  close: ['funder', 'site-staff', 'startup'],
};

export function allowedActions(status: IntroductionStatus): IntroductionAction[] {
  return Object.keys(TRANSITIONS[status]) as IntroductionAction[];
}

/** The status after `action`, or a 409 naming the current status and what it allows. */
export function nextStatus(current: IntroductionStatus, action: IntroductionAction): IntroductionStatus {
  const next = TRANSITIONS[current][action];
  if (!next) throw illegalTransition(action, current, allowedActions(current));
  return next;
}
