import { evaluateGates, type GateResult } from './gates';
import type { FunderCriteria, MatchWeights, StartupFacts } from './match-inputs';
import { type Contribution, scoreContributions, totalOf } from './scoring';

/** A startup × funder pair as computed: gates first; the score counts only when every gate passes. */
export interface MatchEvaluation {
  readonly gates: GateResult[];
  readonly eligible: boolean;
  readonly score: number;
  readonly contributions: Contribution[];
  readonly weightsVersion: number;
  readonly threshold: number;
  readonly recheckOn?: string;
}

export function evaluateMatch(
  startup: StartupFacts,
  funder: FunderCriteria,
  weights: MatchWeights,
  context: { site: string; today: string },
): MatchEvaluation {
  const { gates, recheckOn } = evaluateGates(startup, funder, context.site, context.today);
  const eligible = gates.every((gate) => gate.passed);
  const contributions = eligible ? scoreContributions(startup, funder, weights) : [];
  return {
    gates,
    eligible,
    score: eligible ? totalOf(contributions) : 0,
    contributions,
    weightsVersion: weights.version,
    threshold: weights.threshold,
    ...(recheckOn && { recheckOn }),
  };
}

/** Whether a match counts as qualified: eligible, not suppressed, and over the threshold or pinned. */
export function isQualified(
  evaluation: Pick<MatchEvaluation, 'eligible' | 'score' | 'threshold'>,
  curation: { pinned?: unknown; suppressed?: unknown },
): boolean {
  if (!evaluation.eligible || curation.suppressed) return false;
  return Boolean(curation.pinned) || evaluation.score >= evaluation.threshold;
}

/** The order of a startup's matches and of a funder's deal flow: pinned first, then score; suppressed and ineligible last. */
export function rankOf(
  evaluation: Pick<MatchEvaluation, 'eligible' | 'score'>,
  curation: { pinned?: unknown; suppressed?: unknown },
): number {
  if (curation.suppressed) return -2;
  if (!evaluation.eligible) return -1;
  return (curation.pinned ? 1000 : 0) + evaluation.score;
}

/** A revenue band for anonymized teasers: never the figure. */
export function revenueBandOf(quarterRevenueMad: number | undefined): string {
  if (quarterRevenueMad === undefined) return 'not reported';
  const yearly = quarterRevenueMad * 4;
  if (yearly === 0) return 'pre-revenue';
  if (yearly < 500_000) return 'under 0.5M MAD/year';
  if (yearly < 2_000_000) return '0.5M–2M MAD/year';
  if (yearly < 10_000_000) return '2M–10M MAD/year';
  return 'over 10M MAD/year';
}
