import type { CellIncrement } from './kpi-cell';

export const YEAR = /^\d{4}/;
const BUCKET = /^(?:(.+):)?days:(\d+)$/;

/** One write to a year document: every increment an event makes to it, as one `$inc`. */
export interface YearDocumentUpdate {
  /** `<site>|<kpi>|<dimension>|<year>` */
  readonly id: string;
  readonly site: string;
  readonly kpi: string;
  readonly dimension: string;
  readonly year: string;
  /** `values.<period>` (or `values.<period>|<bucket>`) → amount. */
  readonly inc: Record<string, number>;
}

export function yearOf(period: string): string {
  return YEAR.test(period) ? period.slice(0, 4) : period;
}

/**
 * Where increments are stored: the document of their site, KPI, dimension (a histogram's bucket
 * is a key inside it) and year. Increments of one event to the same document become one update:
 * the event id is recorded once per document, so a second update for the same event would be
 * taken for a redelivery.
 */
export function yearDocumentUpdates(increments: readonly CellIncrement[]): YearDocumentUpdate[] {
  const updates = new Map<string, YearDocumentUpdate>();
  for (const { site, kpi, period, dimension, by } of increments) {
    const bucket = BUCKET.exec(dimension);
    const base = bucket ? (bucket[1] ?? 'all') : dimension;
    const year = yearOf(period);
    const id = `${site}|${kpi}|${base}|${year}`;
    const update = updates.get(id) ?? { id, site, kpi, dimension: base, year, inc: {} };
    const key = `values.${bucket ? `${period}|${bucket[2]}` : period}`;
    update.inc[key] = (update.inc[key] ?? 0) + by;
    updates.set(id, update);
  }
  return [...updates.values()];
}

/** The years from `from` to `to`, not before the site's first; a period with no year (`latest`) is its own. */
export function yearsOf(from: string, to: string, firstYear = '9999'): string[] {
  if (!YEAR.test(from) || !YEAR.test(to)) return [yearOf(from)];
  const years: string[] = [];
  for (let year = Math.max(Number(yearOf(from)), Number(firstYear)); year <= Number(yearOf(to)); year += 1)
    years.push(String(year));
  return years;
}
