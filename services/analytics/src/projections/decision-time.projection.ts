import type { CellIncrement } from './funnel.projection';

/** Days are counted up to this; longer waits share the last bucket. */
export const MAX_DECISION_DAYS = 365;

const DECISIONS = new Set(['ma.technopark.application.accepted.v1', 'ma.technopark.application.rejected.v1', 'ma.technopark.application.waitlisted.v1']);

export function isDecision(type: string): boolean {
  return DECISIONS.has(type);
}

/** Whole days from submission to decision, into a histogram cell of the decision's month (all programs, and the program). */
export function decisionTimeIncrements(site: string, decidedAt: string, submittedAt: string, programId: string): CellIncrement[] {
  const days = Math.min(MAX_DECISION_DAYS, Math.max(0, Math.floor((Date.parse(decidedAt) - Date.parse(submittedAt)) / 86_400_000)));
  const period = decidedAt.slice(0, 7);
  return [
    { kpi: 'funnel.decision-days', site, period, dimension: `days:${days}`, by: 1 },
    { kpi: 'funnel.decision-days', site, period, dimension: `program:${programId}:days:${days}`, by: 1 },
  ];
}

/** The q-quantile (0–1) of a histogram of whole days: the smallest value with at least q of the counts at or below it. */
export function quantileOfHistogram(counts: ReadonlyMap<number, number>, q: number): number | null {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const days of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(days) ?? 0;
    if (seen >= q * total) return days;
  }
  return null;
}
