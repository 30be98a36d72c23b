import { ArrayMinSize, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import {
  LEGAL_FORMS,
  type LegalForm,
  PROGRAM_KINDS,
  type ProgramKind,
  SECTORS,
  type Sector,
  STAGES,
  type Stage,
} from '../shared/sectors';
import { RESIDENCY_OUTCOMES, type ResidencyOutcome } from '../residency-lifecycle.v1';
import { PARTNER_FEED, PartnerStartupEventV1 } from './partner-feed-base.v1';

const startupId = '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50';

/** Scope `profile`: the startup's public profile, whole, after registration or a change. */
export class PartnerStartupProfileV1 extends PartnerStartupEventV1 {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(LEGAL_FORMS)
  legalForm!: LegalForm;

  @IsISO8601({ strict: true })
  foundedOn!: string;

  @ArrayMinSize(1)
  @IsIn(SECTORS, { each: true })
  sectors!: Sector[];

  @IsIn(STAGES)
  stage!: Stage;

  @IsInt()
  @Min(1)
  @Max(10_000)
  teamSize!: number;
}

export const PartnerStartupProfile = defineEvent<PartnerStartupProfileV1>({
  type: 'ma.technopark.partner.startup-profile.v1',
  ...PARTNER_FEED,
  aggregate: 'startup',
  payload: PartnerStartupProfileV1,
  subjectOf: (event) => event.startupId,
  description: "Scope profile: a startup's public profile, whole, when it registers or changes it.",
  example: {
    startupId,
    site: 'casablanca',
    name: 'Souss Agritech',
    legalForm: 'tpe',
    foundedOn: '2024-03-11',
    sectors: ['agritech', 'ai'],
    stage: 'revenue',
    teamSize: 7,
  },
});

/** Scope `applications`: an application to one of the partner's own programs. */
export class PartnerApplicationV1 extends PartnerStartupEventV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @Length(1, 100)
  programId!: string;

  @IsString()
  @Length(1, 100)
  callId!: string;
}

const application = {
  startupId,
  site: 'casablanca',
  applicationId: '0b6f7c1e-2f0a-4d8e-9a51-3c2d1e0f4a5b',
  programId: 'plug-and-play-batch',
  callId: 'pnp-2026-fall',
};

export class PartnerApplicationSubmittedV1 extends PartnerApplicationV1 {
  @IsISO8601()
  submittedAt!: string;
}

export const PartnerApplicationSubmitted = defineEvent<PartnerApplicationSubmittedV1>({
  type: 'ma.technopark.partner.application-submitted.v1',
  ...PARTNER_FEED,
  aggregate: 'application',
  payload: PartnerApplicationSubmittedV1,
  subjectOf: (event) => event.startupId,
  description: "Scope applications: a startup applied to one of the partner's own calls.",
  example: { ...application, submittedAt: '2026-10-02T09:14:00.000Z' },
});

/** Accepted into the partner's program: never the committee's marks or score. */
export class PartnerApplicationAcceptedV1 extends PartnerApplicationV1 {
  @IsString()
  @Length(1, 200)
  programName!: string;

  @IsIn(PROGRAM_KINDS)
  programKind!: ProgramKind;

  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths!: number;
}

export const PartnerApplicationAccepted = defineEvent<PartnerApplicationAcceptedV1>({
  type: 'ma.technopark.partner.application-accepted.v1',
  ...PARTNER_FEED,
  aggregate: 'application',
  payload: PartnerApplicationAcceptedV1,
  subjectOf: (event) => event.startupId,
  description: "Scope applications: a startup was accepted into the partner's program (its batch).",
  example: {
    ...application,
    programName: 'Plug and Play Morocco batch',
    programKind: 'acceleration',
    durationMonths: 6,
  },
});

/** Scope `residency`: moving in or out of a site, never the space or its price. */
export class PartnerResidencyV1 extends PartnerStartupEventV1 {
  @IsUUID()
  residencyId!: string;

  @IsString()
  @Length(1, 100)
  programId!: string;

  @IsIn(PROGRAM_KINDS)
  programKind!: ProgramKind;
}

const residency = {
  startupId,
  site: 'casablanca',
  residencyId: '3e2d1c0b-4a5f-4e6d-8c7b-9a0f1e2d3c4b',
  programId: 'incubation',
  programKind: 'incubation' as const,
};

export class PartnerResidencyStartedV1 extends PartnerResidencyV1 {
  @IsISO8601({ strict: true })
  startedOn!: string;

  @IsISO8601({ strict: true })
  plannedEndOn!: string;
}

export const PartnerResidencyStarted = defineEvent<PartnerResidencyStartedV1>({
  type: 'ma.technopark.partner.residency-started.v1',
  ...PARTNER_FEED,
  aggregate: 'residency',
  payload: PartnerResidencyStartedV1,
  subjectOf: (event) => event.startupId,
  description: 'Scope residency: a startup moved in on a site.',
  example: { ...residency, startedOn: '2026-11-02', plannedEndOn: '2027-11-01' },
});

export class PartnerResidencyEndedV1 extends PartnerResidencyV1 {
  @IsISO8601({ strict: true })
  endedOn!: string;

  @IsIn(RESIDENCY_OUTCOMES)
  outcome!: ResidencyOutcome;
}

export const PartnerResidencyEnded = defineEvent<PartnerResidencyEndedV1>({
  type: 'ma.technopark.partner.residency-ended.v1',
  ...PARTNER_FEED,
  aggregate: 'residency',
  payload: PartnerResidencyEndedV1,
  subjectOf: (event) => event.startupId,
  description: 'Scope residency: a startup left a site, graduated or not.',
  example: { ...residency, endedOn: '2027-11-01', outcome: 'graduated' },
});
