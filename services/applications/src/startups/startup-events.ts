import {
  type ActorV1,
  PUBLIC_PROFILE_FIELDS,
  StartupProfileUpdated,
  StartupRegistered,
  type StartupRegisteredV1,
} from '@technopark/contracts';
import { newEvent, type NewEvent } from '@technopark/messaging';
import type { Startup } from './schemas/startup.schema';

type PublicField = (typeof PUBLIC_PROFILE_FIELDS)[number];

/** The public profile: what partners may learn of a startup (no founders, no description). */
function publicProfileOf(startup: Startup, actor: ActorV1): StartupRegisteredV1 {
  const { _id, name, legalForm, foundedOn, sectors, stage, teamSize, partnerSharingConsent } = startup;
  return {
    startupId: _id,
    name,
    legalForm,
    foundedOn,
    sectors: [...sectors],
    stage,
    teamSize,
    partnerSharingConsent,
    actor,
  };
}

export function startupRegistered(startup: Startup, actor: ActorV1): NewEvent {
  return newEvent(StartupRegistered, publicProfileOf(startup, actor));
}

/** An update event only when a public field changed: founders and description are not published. */
export function profileUpdated(before: Startup, after: Startup, actor: ActorV1): NewEvent[] {
  const changedFields = PUBLIC_PROFILE_FIELDS.filter((field) => !sameValue(before[field], after[field]));
  if (changedFields.length === 0) return [];
  return [
    newEvent(StartupProfileUpdated, {
      ...publicProfileOf(after, actor),
      changedFields: changedFields as PublicField[],
    }),
  ];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
