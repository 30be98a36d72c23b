import {
  type FunderProfileV1,
  FunderRegistered,
  FunderUpdated,
  type FundingActorV1,
  FundingWindowClosed,
  FundingWindowOpened,
  type FUNDER_PROFILE_FIELDS,
} from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import type { Funder } from './schemas/funder.schema';

/** The funder's public profile: everything but its contact and bookkeeping. */
export function publicProfileOf(funder: Funder, actor: FundingActorV1): FunderProfileV1 {
  return {
    funderId: funder._id,
    name: funder.name,
    kind: funder.kind,
    sectors: funder.sectors,
    stages: funder.stages,
    ticketMinMad: funder.ticketMinMad,
    ticketMaxMad: funder.ticketMaxMad,
    instruments: funder.instruments,
    sites: funder.sites,
    requirements: funder.requirements,
    windows: funder.windows.map(({ windowId, opensOn, closesOn }) => ({ windowId, opensOn, closesOn })),
    ...(funder.partnerId && { partnerId: funder.partnerId }),
    actor,
  };
}

export const registered = (funder: Funder, actor: FundingActorV1) =>
  newEvent(FunderRegistered, publicProfileOf(funder, actor));

export const updated = (
  funder: Funder,
  changedFields: (typeof FUNDER_PROFILE_FIELDS)[number][],
  actor: FundingActorV1,
) => newEvent(FunderUpdated, { ...publicProfileOf(funder, actor), changedFields });

export function windowChanged(
  funderId: string,
  window: { windowId: string; opensOn: string; closesOn: string },
  opened: boolean,
  actor: FundingActorV1,
) {
  const { windowId, opensOn, closesOn } = window;
  return newEvent(opened ? FundingWindowOpened : FundingWindowClosed, { funderId, windowId, opensOn, closesOn, actor });
}
