import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATCH_CRITERIA, type MatchCriterion, SECTORS, type Sector, STAGES, type Stage } from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import { FundingActorView } from '../common/funding-actor.view';
import { GATES, type GateName } from './domain/gates';
import type { Curation, Match } from './match';

export class GateView {
  @ApiProperty({ enum: GATES })
  gate!: GateName;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ example: 'window 2026-winter is open until 2027-01-31' })
  reason!: string;
}

export class ContributionView {
  @ApiProperty({ enum: MATCH_CRITERIA })
  criterion!: MatchCriterion;

  @ApiProperty({ example: 25 })
  points!: number;

  @ApiProperty({ example: 25, description: "The criterion's weight on the site: the most it can add" })
  weight!: number;

  @ApiProperty({ example: "sector greentech is in the funder's focus: +25" })
  rationale!: string;
}

export class CurationView {
  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: FundingActorView })
  by!: FundingActorView;

  @ApiProperty()
  at!: Date;
}

/** A match as the startup and staff see it: every gate and contribution, explained. */
export class MatchView {
  @ApiProperty({ example: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50:plug-and-play-morocco' })
  id!: string;

  @ApiProperty()
  startupId!: string;

  @ApiProperty()
  funderId!: string;

  @ApiProperty({ type: [GateView] })
  gates!: GateView[];

  @ApiProperty({ description: 'Every gate passed' })
  eligible!: boolean;

  @ApiProperty({ description: '0–100; 0 when a gate failed' })
  score!: number;

  @ApiProperty({ type: [ContributionView] })
  contributions!: ContributionView[];

  @ApiProperty({ description: 'The version of the site weights that produced the score' })
  weightsVersion!: number;

  @ApiProperty()
  threshold!: number;

  @ApiProperty()
  qualified!: boolean;

  @ApiPropertyOptional({ type: CurationView })
  pinned?: CurationView;

  @ApiPropertyOptional({ type: CurationView })
  suppressed?: CurationView;

  @ApiPropertyOptional({ description: 'A day a gate may pass with time; computed again then' })
  recheckOn?: string;

  @ApiProperty()
  updatedAt!: Date;
}

export class MatchPage extends PageOf(MatchView) {}

/** What a funder sees before the startup consents to an introduction: no name, no figures. */
export class TeaserView {
  @ApiProperty({ example: 'a3f1c0de', description: 'Stable per match; not the startup id' })
  reference!: string;

  @ApiProperty({ enum: SECTORS, isArray: true })
  sectors!: Sector[];

  @ApiProperty({ enum: STAGES })
  stage!: Stage;

  @ApiProperty({ example: 'acme' })
  site!: string;

  @ApiProperty({ example: '0.5M–2M MAD/year' })
  revenueBand!: string;

  @ApiProperty({ description: 'In residency on the site now' })
  resident!: boolean;
}

/** One entry of a funder's deal flow: a qualified match, anonymized until the startup consents. */
export class DealFlowEntryView {
  @ApiProperty()
  score!: number;

  @ApiProperty({ type: [ContributionView] })
  contributions!: ContributionView[];

  @ApiProperty({ type: TeaserView })
  teaser!: TeaserView;

  @ApiPropertyOptional({ description: 'Only once the startup consented to an introduction to this funder' })
  startupId?: string;

  @ApiPropertyOptional({ description: 'Only once the startup consented' })
  startupName?: string;

  @ApiPropertyOptional({ description: 'The introduction, once the startup consented' })
  introductionId?: string;
}

export class DealFlowPage extends PageOf(DealFlowEntryView) {}

const curationView = (curation: Curation | undefined) =>
  curation && { reason: curation.reason, by: curation.by, at: curation.at };

export function matchView(match: Match): MatchView {
  return {
    id: match._id,
    startupId: match.startupId,
    funderId: match.funderId,
    gates: match.gates,
    eligible: match.eligible,
    score: match.score,
    contributions: match.contributions,
    weightsVersion: match.weightsVersion,
    threshold: match.threshold,
    qualified: match.qualified,
    ...(match.pinned && { pinned: curationView(match.pinned) }),
    ...(match.suppressed && { suppressed: curationView(match.suppressed) }),
    ...(match.recheckOn && { recheckOn: match.recheckOn }),
    updatedAt: match.updatedAt,
  };
}
