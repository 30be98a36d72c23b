import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FundingActorView } from '../common/funding-actor.view';
import type { MatchWeights } from './domain/match-inputs';
import { CriterionWeightsDto } from './dto/weights.dto';
import type { MatchWeightsVersion } from './schemas/match-weights.schema';

export class WeightsVersionView {
  @ApiProperty()
  version!: number;

  @ApiProperty({ type: CriterionWeightsDto })
  weights!: CriterionWeightsDto;

  @ApiProperty()
  threshold!: number;

  @ApiPropertyOptional()
  note?: string;

  @ApiPropertyOptional({ type: FundingActorView })
  setBy?: FundingActorView;

  @ApiPropertyOptional()
  setAt?: Date;

  @ApiProperty({ description: 'Matches are still being computed with it' })
  matchesStale!: boolean;
}

export class WeightsView {
  @ApiProperty({ type: WeightsVersionView, description: 'The version in force' })
  current!: WeightsVersionView;

  @ApiProperty({ type: [WeightsVersionView], description: 'Every version set on the site, newest first' })
  history!: WeightsVersionView[];
}

export function weightsVersionView(version: MatchWeightsVersion): WeightsVersionView {
  return {
    version: version._id,
    weights: version.weights,
    threshold: version.threshold,
    note: version.note,
    setBy: version.setBy,
    setAt: version.createdAt,
    matchesStale: version.matchesStale,
  };
}

export function defaultsView(weights: MatchWeights): WeightsVersionView {
  return {
    version: weights.version,
    weights: { ...weights.weights },
    threshold: weights.threshold,
    note: 'defaults',
    matchesStale: false,
  };
}
