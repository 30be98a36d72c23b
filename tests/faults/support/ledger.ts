import type { HistoryEntry, JourneyStep, Outcome } from './workload';

/** What the analytics funnel must show for what the clients did; `maybe`: writes with no answer, which may have landed. */
export interface FunnelExpectation {
  readonly definite: Record<FunnelCount, number>;
  readonly maybe: Record<FunnelCount, number>;
}

export const FUNNEL_COUNTS = ['submitted', 'accepted', 'rejected'] as const;
export type FunnelCount = (typeof FUNNEL_COUNTS)[number];

/** What a scenario's ledger found once the platform was quiet. */
export interface LedgerFindings {
  /** Effects of 2xx writes missing downstream: funnel counts short, accepted startups with no residency. */
  readonly lost: number;
  /** Effects applied more than once: funnel counts over, residencies allocated or waitlisted twice. */
  readonly duplicated: number;
  /** The sum over the funnel's counts of |shown − recomputed from the ledger|. */
  readonly kpiDrift: number;
  readonly details: string[];
}

const isOk = (entry: HistoryEntry) => entry.status >= 200 && entry.status < 300;
const unanswered = (entry: HistoryEntry) => entry.status === 0;

/** The funnel recomputed from the clients' histories. */
export function funnelExpectation(history: readonly HistoryEntry[]): FunnelExpectation {
  const count = (step: JourneyStep, outcome: Outcome | undefined, matches: (entry: HistoryEntry) => boolean) =>
    history.filter((entry) => entry.step === step && entry.outcome === outcome && matches(entry)).length;
  const of = (matches: (entry: HistoryEntry) => boolean): Record<FunnelCount, number> => ({
    submitted: count('submit', undefined, matches),
    accepted: count('decide', 'accepted', matches),
    rejected: count('decide', 'rejected', matches),
  });
  return { definite: of(isOk), maybe: of(unanswered) };
}

/** The applications accepted with a 2xx: each must have exactly one residency, allocated or waitlisted once. */
export function acceptedApplications(history: readonly HistoryEntry[]): string[] {
  return history
    .filter((entry) => entry.step === 'decide' && entry.outcome === 'accepted' && isOk(entry))
    .map((entry) => entry.applicationId as string);
}

/** Compares the funnel shown with the one recomputed; an unanswered write may or may not have landed. */
export function funnelFindings(
  expected: FunnelExpectation,
  shown: Partial<Record<FunnelCount, number>>,
): LedgerFindings {
  let lost = 0;
  let duplicated = 0;
  let kpiDrift = 0;
  const details: string[] = [];
  for (const count of FUNNEL_COUNTS) {
    const value = shown[count] ?? 0;
    const low = expected.definite[count];
    const high = low + expected.maybe[count];
    if (value < low) lost += low - value;
    if (value > high) duplicated += value - high;
    const drift = value < low ? low - value : value > high ? value - high : 0;
    kpiDrift += drift;
    if (drift) details.push(`${count}: shown ${value}, the ledger says ${low === high ? low : `${low}–${high}`}`);
  }
  return { lost, duplicated, kpiDrift, details };
}

/** The residency history entries that place a startup: exactly one per accepted application. */
export function placementsOf(residency: { history?: { action: string }[] }): number {
  return (residency.history ?? []).filter((entry) => entry.action === 'allocate' || entry.action === 'waitlist').length;
}

/** Client errors by status (0: no answer), e.g. `{ '0': 2, '503': 1 }`. */
export function errorsByStatus(history: readonly HistoryEntry[]): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const entry of history.filter((each) => !isOk(each)))
    errors[String(entry.status)] = (errors[String(entry.status)] ?? 0) + 1;
  return errors;
}

/** The 99th percentile of the latencies of the requests sent within [from, to), ms; 0 when none was. */
export function p99Ms(history: readonly HistoryEntry[], from: number, to: number): number {
  const latencies = history
    .filter((entry) => entry.at >= from && entry.at < to)
    .map((entry) => entry.ms)
    .sort((a, b) => a - b);
  if (latencies.length === 0) return 0;
  return latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] as number;
}
