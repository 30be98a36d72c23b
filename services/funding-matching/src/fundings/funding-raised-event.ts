import { FundingRaised } from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import type { Introduction } from '../introductions/schemas/introduction.schema';
import type { StartupProfile } from '../profiles/schemas/startup-profile.schema';
import type { Funding } from './schemas/funding.schema';

/** `funding.raised` for a raise, with the startup's sectors, stage and cohort when it raised. */
export function raisedEvent(
  funding: Omit<Funding, 'createdAt' | 'updatedAt'>,
  profile: StartupProfile,
  introduction?: Introduction,
) {
  const cohort = Object.values(profile.residencies ?? {})
    .map((residency) => residency.startedOn?.slice(0, 7))
    .filter((month): month is string => month !== undefined)
    .sort()[0];
  return newEvent(FundingRaised, {
    fundingId: funding._id,
    startupId: funding.startupId,
    funderId: funding.funderId,
    ...(introduction && {
      introductionId: introduction._id,
      introducedOn: introduction.requestedAt.toISOString().slice(0, 10),
    }),
    amount: funding.amountMad,
    currency: 'MAD',
    instrument: funding.instrument,
    raisedOn: funding.raisedOn,
    evidence: funding.evidence.kind,
    sectors: profile.sectors ?? [],
    stage: profile.stage ?? 'idea',
    ...(cohort && { cohort }),
    actor: funding.recordedBy,
  });
}
