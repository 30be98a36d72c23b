import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ActorV1 } from './shared/actor.v1';
import { LEGAL_FORMS, SECTORS, STAGES, type LegalForm, type Sector, type Stage } from './shared/sectors';

/** A startup or project holder registered on a site. Founders' personal data is not published. */
export class StartupRegisteredV1 {
  @IsUUID()
  startupId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(LEGAL_FORMS)
  legalForm!: LegalForm;

  /** Calendar date, `YYYY-MM-DD`. */
  @IsISO8601({ strict: true })
  foundedOn!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(SECTORS, { each: true })
  sectors!: Sector[];

  @IsIn(STAGES)
  stage!: Stage;

  @IsInt()
  @Min(1)
  @Max(10_000)
  teamSize!: number;

  /** Whether the startup agreed that partner programs may see its profile. */
  @IsBoolean()
  partnerSharingConsent!: boolean;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

export const StartupRegistered = defineEvent<StartupRegisteredV1>({
  type: 'ma.technopark.startup.registered.v1',
  stream: 'startups',
  producer: 'applications',
  aggregate: 'startup',
  payload: StartupRegisteredV1,
  subjectOf: (event) => event.startupId,
  description: 'A startup or project holder registered on the site.',
  example: {
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    name: 'Souss Agritech',
    legalForm: 'tpe',
    foundedOn: '2024-03-11',
    sectors: ['agritech', 'ai'],
    stage: 'mvp',
    teamSize: 4,
    partnerSharingConsent: true,
    actor: { id: 'user-7f3a', role: 'startup' },
  },
});
