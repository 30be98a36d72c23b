import type {
  ResidencyAllocatedV1,
  ResidencyEndedV1,
  ResidencyStartedV1,
  ResidencyWaitlistedV1,
  ResidentReportSubmittedV1,
  StartupRegisteredV1,
} from '@technopark/contracts';
import type { UpdateQuery } from 'mongoose';
import type { StartupFacts } from '../matching/domain/match-inputs';
import type { StartupProfile } from './schemas/startup-profile.schema';

type Update = UpdateQuery<StartupProfile>;

/** Registration and every profile update carry the whole public profile: it replaces ours. */
export function registrationUpdate(event: StartupRegisteredV1): Update {
  const { name, legalForm, sectors, stage, teamSize } = event;
  return { $set: { name, legalForm, sectors, stage, teamSize, registered: true } };
}

export function residencyUpdate(
  event: ResidencyAllocatedV1 | ResidencyWaitlistedV1 | ResidencyStartedV1 | ResidencyEndedV1,
  status: 'allocated' | 'waitlisted' | 'started' | 'ended',
): Update {
  const path = `residencies.${event.residencyId}`;
  const dates = 'startedOn' in event && event.startedOn ? { [`${path}.startedOn`]: event.startedOn } : {};
  const ended =
    status === 'ended'
      ? {
          [`${path}.endedOn`]: (event as ResidencyEndedV1).endedOn,
          [`${path}.outcome`]: (event as ResidencyEndedV1).outcome,
        }
      : {};
  return {
    $set: {
      [`${path}.residencyId`]: event.residencyId,
      [`${path}.programId`]: event.programId,
      [`${path}.status`]: status,
      ...dates,
      ...ended,
    },
  };
}

export function reportUpdate(report: ResidentReportSubmittedV1): Update {
  const { period, revenueMad, headcount, exporting } = report;
  return { $set: { latestReport: { period, revenueMad, headcount, exporting } } };
}

/** The profile as a match reads it; undefined until the startup's registration was seen. */
export function startupFactsOf(profile: StartupProfile): StartupFacts | undefined {
  if (!profile.registered || !profile.legalForm || !profile.sectors || !profile.stage) return undefined;
  return {
    startupId: profile._id,
    legalForm: profile.legalForm,
    sectors: profile.sectors,
    stage: profile.stage,
    teamSize: profile.teamSize ?? 1,
    residencies: Object.values(profile.residencies ?? {}),
    ...(profile.latestReport && { latestReport: profile.latestReport }),
    ...(profile.seeking && { seeking: profile.seeking }),
  };
}
