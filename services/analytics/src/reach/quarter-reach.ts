import { type Quarter, quarterDays } from './quarter';

/** Who a site's events reached in a quarter, and which of them were residents then. */
export interface QuarterReach {
  readonly quarter: Quarter;
  /** Startups with someone checked in at an event in the quarter. */
  readonly startupsReached: number;
  /** Startups in residency at some time in the quarter. */
  readonly residents: number;
  /** Those residents that were also reached. */
  readonly residentsReached: number;
}

export interface ReachedStartup {
  readonly site: string;
  readonly startupId: string;
}

export interface ResidencySpanFacts extends ReachedStartup {
  readonly startedOn?: string;
  readonly endedOn?: string;
}

/** A quarter's reach: the startups reached in it, against the residencies that overlap it (a startup counted once per site). */
export function quarterReachOf(
  quarter: Quarter,
  reached: readonly ReachedStartup[],
  spans: readonly ResidencySpanFacts[],
): QuarterReach {
  const { first, last } = quarterDays(quarter);
  const key = ({ site, startupId }: ReachedStartup) => `${site}|${startupId}`;
  const residents = new Set(
    spans
      .filter(
        (span) => span.startedOn !== undefined && span.startedOn <= last && (!span.endedOn || span.endedOn >= first),
      )
      .map(key),
  );
  const reachedKeys = new Set(reached.map(key));
  return {
    quarter,
    startupsReached: reachedKeys.size,
    residents: residents.size,
    residentsReached: [...reachedKeys].filter((each) => residents.has(each)).length,
  };
}
