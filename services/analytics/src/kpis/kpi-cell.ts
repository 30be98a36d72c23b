/** One counter a fact adds to: a KPI, in a site, for a period, split by one dimension (`all` for the total). */
export interface CellIncrement {
  readonly kpi: string;
  readonly site: string;
  /** `YYYY-MM` of the event time, a quarter `YYYY-Qn`, or `latest`. */
  readonly period: string;
  readonly dimension: string;
  readonly by: number;
}

/** One counted figure: a KPI of a site for a period (month, quarter or `latest`) and a dimension (`all` for the total). */
export interface CountedCell {
  readonly site: string;
  readonly kpi: string;
  readonly period: string;
  readonly dimension: string;
  readonly value: number;
}

/** A counted figure's name, `<site>|<kpi>|<period>|<dimension>`: timeline entries list the ones they count in, for drill-down. */
export function cellId(site: string, kpi: string, period: string, dimension: string): string {
  return `${site}|${kpi}|${period}|${dimension}`;
}
