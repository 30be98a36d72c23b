import type { SiteEvent } from '../../site-events/schemas/site-event.schema';
import type { StartupStanding } from '../../standing/schemas/startup-standing.schema';
import type { Registrant } from '../schemas/registration.schema';

/** Why a registrant may not come to an event, or undefined when they may. */
export function ineligibilityOf(
  event: Pick<SiteEvent, 'eligibility' | 'programId' | 'invitees'>,
  registrant: Registrant,
  standing: Pick<StartupStanding, 'resident' | 'programs'> | null,
): string | undefined {
  switch (event.eligibility) {
    case 'public':
      return undefined;
    case 'residents':
      if (registrant.kind !== 'startup')
        return 'a residents-only event is registered by the resident startup, for its members';
      return standing?.resident ? undefined : 'this event is for startups in residency on the site';
    case 'cohort':
      if (registrant.kind !== 'startup')
        return `a cohort event is registered by a startup of the ${event.programId} cohort`;
      return standing?.programs.includes(event.programId as string)
        ? undefined
        : `this event is for the ${event.programId} cohort`;
    case 'invited': {
      const invited = [registrant.startupId, registrant.personId].some(
        (id) => id !== undefined && event.invitees.includes(id),
      );
      return invited ? undefined : 'this event is by invitation only';
    }
  }
}
