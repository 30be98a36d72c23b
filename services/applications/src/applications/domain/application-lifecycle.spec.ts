import { ConflictError } from '@technopark/platform';
import {
  allowedActions,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  isLive,
  nextStatus,
} from './application-lifecycle';

/** Every legal move, written out independently of the implementation's table. */
const LEGAL: Array<[ApplicationStatus, ApplicationAction, ApplicationStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'start-review', 'in_review'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['in_review', 'score', 'in_review'],
  ['in_review', 'accept', 'accepted'],
  ['in_review', 'reject', 'rejected'],
  ['in_review', 'waitlist', 'waitlisted'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['waitlisted', 'accept', 'accepted'],
  ['waitlisted', 'reject', 'rejected'],
];

const ILLEGAL = APPLICATION_STATUSES.flatMap((status) =>
  APPLICATION_ACTIONS.filter((action) => !LEGAL.some(([from, move]) => from === status && move === action)).map(
    (action) => [status, action] as const,
  ),
);

describe('application lifecycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('has exactly the legal moves above and refuses every other pair', () => {
    expect(ILLEGAL).toHaveLength(APPLICATION_STATUSES.length * APPLICATION_ACTIONS.length - LEGAL.length);
  });

  it.each(ILLEGAL)(
    'refuses, from %s, to %s with a 409 naming the current status and the allowed actions',
    (from, action) => {
      let error: unknown;
      try {
        nextStatus(from, action);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({
        code: 'APPLICATION.ILLEGAL_TRANSITION',
        details: {
          currentStatus: from,
          allowedActions: LEGAL.filter(([status]) => status === from).map(([, move]) => move),
        },
      });
    },
  );

  it('ends for good once accepted, rejected or withdrawn', () => {
    expect(allowedActions('accepted')).toEqual([]);
    expect(allowedActions('rejected')).toEqual([]);
    expect(allowedActions('withdrawn')).toEqual([]);
  });

  it('counts an application as holding its place in the call until rejected or withdrawn', () => {
    expect(APPLICATION_STATUSES.filter(isLive)).toEqual(['draft', 'submitted', 'in_review', 'accepted', 'waitlisted']);
  });
});
