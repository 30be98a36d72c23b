import type { FaultSite } from './fault-site';
import { errorsByStatus, p99Ms } from './ledger';
import { settleLedger } from './site-ledger';
import { Workload } from './workload';

/** The promises a rate must keep to be held. */
const MAX_P99_MS = 500;
const MAX_LAG_MS = 5_000;

export interface LoadOptions {
  /** Journeys begun per second at the first step, and how much each next step adds. */
  readonly startRate: number;
  readonly rateStep: number;
  readonly stepSeconds: number;
  readonly maxSteps: number;
}

export interface LoadStep {
  readonly journeysPerSecond: number;
  /** Requests per second the site answered during the step (7 per journey). */
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** From the end of the step until the site's analytics showed every write of it: the end-to-end lag then. */
  readonly lagMs: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly broken: readonly string[];
}

export interface LoadReport {
  readonly steps: readonly LoadStep[];
  /** The highest rate every promise held at for a whole step; 0 when even the first step broke one. */
  readonly heldJourneysPerSecond: number;
  readonly rssMb: { readonly start: Record<string, number>; readonly end: Record<string, number> };
}

/**
 * An open-loop load on a running site: journeys begin at a fixed rate whether or not the earlier
 * ones have ended, for `stepSeconds`, then the rate rises, until a step breaks a promise (HTTP p99
 * over 500 ms, the end-to-end lag over 5 s, any error, anything lost or doubled) or `maxSteps` ran.
 * One long step at one rate is a soak: compare the services' memory at its start and end.
 */
export async function runLoad(
  site: FaultSite,
  options: LoadOptions,
  progress: (line: string) => void,
): Promise<LoadReport> {
  const start = site.rssMb();
  const steps: LoadStep[] = [];
  for (let step = 0; step < options.maxSteps; step += 1) {
    const rate = options.startRate + step * options.rateStep;
    progress(`load: ${rate} journeys/s for ${options.stepSeconds} s`);
    const measured = await loadStep(site, rate, options.stepSeconds);
    steps.push(measured);
    progress(
      `load: ${rate} journeys/s: p99 ${measured.p99Ms} ms, lag ${(measured.lagMs / 1000).toFixed(1)} s, ` +
        `${measured.errors} errors${measured.broken.length ? ` — broken: ${measured.broken.join('; ')}` : ''}`,
    );
    if (measured.broken.length) break;
  }
  const held = steps.filter((step) => step.broken.length === 0);
  return {
    steps,
    heldJourneysPerSecond: held.at(-1)?.journeysPerSecond ?? 0,
    rssMb: { start, end: site.rssMb() },
  };
}

async function loadStep(site: FaultSite, journeysPerSecond: number, seconds: number): Promise<LoadStep> {
  const workload = new Workload(site.site, site.url('applications'), site.tokens);
  await workload.startArrivals(journeysPerSecond);
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  await workload.stop();
  const endedAt = Date.now();
  // Waiting longer than the promise only tells how far behind it is.
  const ledger = await settleLedger(site, workload, 60_000);
  const history = workload.history;
  const errors = Object.values(errorsByStatus(history)).reduce((sum, count) => sum + count, 0);
  const p99 = p99Ms(history, startedAt, endedAt);
  const broken = [
    ...(p99 > MAX_P99_MS ? [`p99 ${p99} ms over ${MAX_P99_MS} ms`] : []),
    ...(ledger.catchUpMs > MAX_LAG_MS ? [`lag ${ledger.catchUpMs} ms over ${MAX_LAG_MS} ms`] : []),
    ...(errors ? [`${errors} errors: ${JSON.stringify(errorsByStatus(history))}`] : []),
    ...(ledger.lost || ledger.duplicated ? [`${ledger.lost} lost, ${ledger.duplicated} doubled`] : []),
  ];
  return {
    journeysPerSecond,
    requestsPerSecond: Math.round((history.length / ((endedAt - startedAt) / 1000)) * 10) / 10,
    p99Ms: p99,
    errors,
    lagMs: ledger.catchUpMs,
    lost: ledger.lost,
    duplicated: ledger.duplicated,
    broken,
  };
}

/** The steps as a table a person reads, and the rate held. */
export function loadTable(report: LoadReport, site: string): string {
  const rows = report.steps.map(
    (step) =>
      `    ${String(step.journeysPerSecond).padStart(5)}  ${String(step.requestsPerSecond).padStart(8)}  ` +
      `${String(step.p99Ms).padStart(7)}  ${(step.lagMs / 1000).toFixed(1).padStart(7)}  ` +
      `${String(step.errors).padStart(6)}  ${step.broken.length ? step.broken.join('; ') : 'held'}`,
  );
  const memory = Object.entries(report.rssMb.start)
    .map(([service, start]) => `${service} ${start} → ${report.rssMb.end[service] ?? 'gone'}`)
    .join(', ');
  return [
    `load on ${site}: open-loop journeys (7 writes each), promises: p99 ≤ ${MAX_P99_MS} ms, lag ≤ ${MAX_LAG_MS / 1000} s, no error`,
    '    rate/s  requests/s  p99 ms   lag s  errors  verdict',
    ...rows,
    `    highest rate held: ${report.heldJourneysPerSecond} journeys/s`,
    `    RSS at start → end, MB: ${memory}`,
  ].join('\n');
}
