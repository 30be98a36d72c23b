import { actionsPermitted, type AuthorizedPrincipal } from '@technopark/security';
import { viewOf } from '../common/views';
import { allowedActions, APPLICATION_ACTION_ROLES } from './domain/application-lifecycle';
import type { Application } from './schemas/application.schema';

/** Staff and the committee see the committee's marks; the applicant sees its status, decision and the moves it may make. */
export function applicationViewFor(principal: AuthorizedPrincipal): (application: Application) => object {
  const hidden = principal.actingAs === 'startup' ? ['scores'] : [];
  const forStartup = principal.actingAs === 'startup';
  return (application) => ({
    ...viewOf(application, hidden),
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
