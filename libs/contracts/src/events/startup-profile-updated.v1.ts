import { ArrayMinSize, IsIn } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { StartupRegisteredV1 } from './startup-registered.v1';

export const PUBLIC_PROFILE_FIELDS = [
  'name',
  'legalForm',
  'foundedOn',
  'sectors',
  'stage',
  'teamSize',
  'partnerSharingConsent',
] as const;

/**
 * A startup's public profile after a change: the whole profile (consumers replace theirs) and
 * which public fields changed. Founders' personal data is not published.
 */
export class StartupProfileUpdatedV1 extends StartupRegisteredV1 {
  @ArrayMinSize(1)
  @IsIn(PUBLIC_PROFILE_FIELDS, { each: true })
  changedFields!: (typeof PUBLIC_PROFILE_FIELDS)[number][];
}

export const StartupProfileUpdated = defineEvent<StartupProfileUpdatedV1>({
  type: 'ma.technopark.startup.profile-updated.v1',
  stream: 'startups',
  producer: 'applications',
  aggregate: 'startup',
  payload: StartupProfileUpdatedV1,
  subjectOf: (event) => event.startupId,
  description: "A startup's public profile changed (stage, team size, sectors, partner-sharing consent…).",
  example: {
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    name: 'Souss Agritech',
    legalForm: 'tpe',
    foundedOn: '2024-03-11',
    sectors: ['agritech', 'ai'],
    stage: 'revenue',
    teamSize: 7,
    partnerSharingConsent: true,
    changedFields: ['stage', 'teamSize'],
    actor: { id: 'user-7f3a', role: 'startup' },
  },
});
