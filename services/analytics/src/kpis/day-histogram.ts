import type { CellIncrement } from './kpi-cell';

/** The waits counted as day histograms: submission to decision, and waitlist to allocation. */
export const DECISION_DAYS_KPI = 'funnel.decision-days';
export const WAITLIST_WAIT_DAYS_KPI = 'waitlist.wait-days';

/** Days are counted up to this; longer waits share the last bucket. */
export const MAX_DECISION_DAYS = 365;

/** Whole days from `since` to `at`, into a histogram cell of `at`'s month: in total, and under each of `groups` (e.g. `program:incubation`). */
export function dayHistogramIncrements(
  kpi: string,
  site: string,
  since: string,
  at: string,
  groups: readonly string[] = [],
): CellIncrement[] {
  const days = Math.min(MAX_DECISION_DAYS, Math.max(0, Math.floor((Date.parse(at) - Date.parse(since)) / 86_400_000)));
  const period = at.slice(0, 7);
  return ['', ...groups.map((group) => `${group}:`)].map((prefix) => ({
    kpi,
    site,
    period,
    dimension: `${prefix}days:${days}`,
    by: 1,
  }));
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
