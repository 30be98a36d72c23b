import { actionsPermitted, type AuthorizedPrincipal } from '@technopark/security';
import { allowlistView } from '@technopark/platform';
import { allowedActions, APPLICATION_ACTION_ROLES } from './domain/application-lifecycle';
import type { Application } from './schemas/application.schema';

const APPLICATION_FIELDS = [
  'startupId',
  'programId',
  'callId',
  'status',
  'startup',
  'answers',
  'needs',
  'pitch',
  'decision',
  'history',
  'submittedAt',
  // An application changes by moves (its history), never by an edit: no updatedBy.
  'createdBy',
  'createdAt',
  'updatedAt',
] as const;

const APPLICANT_VIEW = allowlistView<Application, keyof Application & string>(APPLICATION_FIELDS);
const COMMITTEE_VIEW = allowlistView<Application, keyof Application & string>([...APPLICATION_FIELDS, 'scores']);

/** Staff and the committee see the committee's marks; the applicant sees its status, decision and the moves it may make. */
export function applicationViewFor(principal: AuthorizedPrincipal): (application: Application) => object {
  const forStartup = principal.actingAs === 'startup';
  const view = forStartup ? APPLICANT_VIEW : COMMITTEE_VIEW;
  return (application) => ({
    ...view(application),
    ...(forStartup && { history: anonymousCommittee(application.history ?? []) }),
    ...(forStartup &&
      application.decision && {
        decision: { ...application.decision, decidedBy: anonymous(application.decision.decidedBy) },
      }),
    allowedActions: actionsPermitted(allowedActions(application.status), APPLICATION_ACTION_ROLES, principal.actingAs),
  });
}

/** Committee members stay anonymous to the startups they assess. */
function anonymousCommittee(entries: Application['history']): Application['history'] {
  return entries.map((entry) => ({ ...entry, actor: anonymous(entry.actor) }));
}

function anonymous<T extends { role: string }>(actor: T): T | { id: string; role: 'committee-member' } {
  return actor.role === 'committee-member' ? { id: 'committee', role: 'committee-member' } : actor;
}
