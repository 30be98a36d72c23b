import { actionsPermitted, type AuthorizedPrincipal } from '@technopark/security';
import { viewOf } from '../common/views';
import { allowedActions, APPLICATION_ACTION_ROLES } from './domain/application-lifecycle';
import type { Application } from './schemas/application.schema';

/** Staff and the committee see the committee's marks; the applicant sees its status, decision and the moves it may make. */
export function applicationViewFor(principal: AuthorizedPrincipal): (application: Application) => object {
  const hidden = principal.actingAs === 'startup' ? ['scores'] : [];
  return (application) => ({ ...viewOf(application, hidden), allowedActions: actionsPermitted(allowedActions(application.status), APPLICATION_ACTION_ROLES, principal.actingAs) });
}
