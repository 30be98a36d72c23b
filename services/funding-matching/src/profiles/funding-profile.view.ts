import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INSTRUMENTS,
  type Instrument,
  LEGAL_FORMS,
  type LegalForm,
  SECTORS,
  type Sector,
  STAGES,
  type Stage,
} from '@technopark/contracts';
import type { StartupProfile } from './schemas/startup-profile.schema';

export class ReportFactView {
  @ApiProperty({ example: '2026-Q3' })
  period!: string;

  @ApiProperty()
  revenueMad!: number;

  @ApiProperty()
  headcount!: number;

  @ApiProperty()
  exporting!: boolean;
}

export class ResidencyFactView {
  @ApiProperty()
  residencyId!: string;

  @ApiProperty()
  programId!: string;

  @ApiProperty({ enum: ['waitlisted', 'allocated', 'started', 'ended'] })
  status!: string;

  @ApiPropertyOptional()
  startedOn?: string;

  @ApiPropertyOptional()
  endedOn?: string;

  @ApiPropertyOptional()
  outcome?: string;
}

export class SeekingView {
  @ApiProperty()
  amountMad!: number;

  @ApiPropertyOptional({ enum: INSTRUMENTS })
  instrument?: Instrument;

  @ApiProperty()
  useOfFunds!: string;

  @ApiProperty()
  updatedAt!: Date;
}

/** What funding matching knows of a startup, and what it seeks. */
export class FundingProfileView {
  @ApiProperty()
  startupId!: string;

  @ApiProperty({ description: 'Its registration was seen: it is matched' })
  registered!: boolean;

  @ApiPropertyOptional()
  name?: string;

  @ApiPropertyOptional({ enum: LEGAL_FORMS })
  legalForm?: LegalForm;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  sectors?: Sector[];

  @ApiPropertyOptional({ enum: STAGES })
  stage?: Stage;

  @ApiProperty({ type: [ResidencyFactView] })
  residencies!: ResidencyFactView[];

  @ApiPropertyOptional({ type: ReportFactView })
  latestReport?: ReportFactView;

  @ApiPropertyOptional({ type: SeekingView })
  seeking?: SeekingView;
}

export function fundingProfileView(profile: StartupProfile): FundingProfileView {
  const { seeking } = profile;
  return {
    startupId: profile._id,
    registered: profile.registered,
    ...(profile.name && { name: profile.name }),
    ...(profile.legalForm && { legalForm: profile.legalForm }),
    ...(profile.sectors && { sectors: profile.sectors }),
    ...(profile.stage && { stage: profile.stage }),
    residencies: Object.values(profile.residencies ?? {}),
    ...(profile.latestReport && { latestReport: profile.latestReport }),
    ...(seeking && {
      seeking: {
        amountMad: seeking.amountMad,
        ...(seeking.instrument && { instrument: seeking.instrument }),
        useOfFunds: seeking.useOfFunds,
        updatedAt: seeking.updatedAt,
      },
    }),
  };
}
