import { eventually, testKafka } from '@technopark/testing';
import type { FaultSite } from './fault-site';
import { errorsByStatus, p99Ms } from './ledger';
import { deadLetterFindings, deadLetters, type Poison } from './poison';
import type { Scenario } from './scenarios';
import { settleLedger } from './site-ledger';
import { Workload } from './workload';

/** How hard and how long the clients drive the site around a fault. */
export interface Load {
  readonly clients: number;
  /** Each client begins a journey (7 writes) this often. */
  readonly paceMs: number;
  /** Load before the fault, and after it, before the clients stop. */
  readonly beforeMs: number;
  readonly afterMs: number;
  /** How long the ledger may wait for the platform to catch up once the clients stopped. */
  readonly catchUpMs: number;
}

export const QUICK_LOAD: Load = { clients: 2, paceMs: 1_000, beforeMs: 5_000, afterMs: 5_000, catchUpMs: 240_000 };
export const FULL_LOAD: Load = { clients: 3, paceMs: 1_000, beforeMs: 15_000, afterMs: 15_000, catchUpMs: 300_000 };

export interface ScenarioReport {
  readonly id: string;
  readonly fault: string;
  readonly mustHold: string;
  readonly attempted: number;
  readonly accepted: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly kpiDrift: number;
  readonly unexpectedDeadLetters: number;
  readonly missingDeadLetters: number;
  readonly errorsByStatus: Record<string, number>;
  readonly p99BeforeMs: number;
  readonly p99DuringMs: number;
  readonly p99AfterMs: number;
  readonly recoveryMs: number;
  readonly catchUpMs: number;
  /** Each service's resident memory when the clients started and once the ledger agreed, MB (a restarted service: its new process). */
  readonly rssMb: Record<string, { readonly start: number; readonly end?: number }>;
  /** Each promise the scenario broke; empty when it held. */
  readonly broken: readonly string[];
}

/**
 * One scenario on a running site: clients drive it, the fault strikes, the clients go on and stop,
 * then the ledger is checked against every service's answers and the dead-letter topics.
 * `poisonSoFar`: what earlier scenarios injected (still on the dead-letter topics, expected there).
 */
export async function runScenario(
  site: FaultSite,
  scenario: Scenario,
  load: Load,
  poisonSoFar: Poison[],
  progress: (line: string) => void,
): Promise<ScenarioReport> {
  const workload = new Workload(site.site, site.url('applications'), site.tokens);
  const rssAtStart = site.rssMb();
  await workload.start(load.clients, load.paceMs);
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, load.beforeMs));
  const faultAt = Date.now();
  // A fault that could not be injected or recovered from ends the scenario; the clients stop with it.
  const outcome = await scenario.inject(site, progress).catch(async (error: Error) => {
    await workload.stop();
    throw error;
  });
  const faultEndedAt = Date.now();
  poisonSoFar.push(...(outcome.poisons ?? []));
  await new Promise((resolve) => setTimeout(resolve, load.afterMs));
  await workload.stop();
  const stoppedAt = Date.now();
  progress(`${scenario.id}: clients stopped; waiting for the ledger to agree (at most ${load.catchUpMs / 1000} s)`);
  const ledger = await settleLedger(site, workload, load.catchUpMs);
  const rssAtEnd = site.rssMb();
  const letters = await deadLettersOnceIn(site, outcome.poisons ?? []);
  const { unexpected } = deadLetterFindings(letters, poisonSoFar);
  const { missing } = deadLetterFindings(letters, outcome.poisons ?? []);
  const history = workload.history;
  const errors = errorsByStatus(history);
  const intolerable = Object.keys(errors).filter((status) => !scenario.toleratedStatuses.includes(Number(status)));
  const p99BeforeMs = p99Ms(history, startedAt, faultAt);
  const p99DuringMs = p99Ms(history, outcome.outage?.from ?? faultAt, outcome.outage?.to ?? faultEndedAt);
  const broken = [
    ...(ledger.lost ? [`${ledger.lost} effects lost`] : []),
    ...(ledger.duplicated ? [`${ledger.duplicated} effects applied twice`] : []),
    ...ledger.details,
    ...(unexpected.length ? [`unexpected dead letters: ${JSON.stringify(unexpected.slice(0, 3))}`] : []),
    ...missing,
    ...intolerable.map((status) => `${errors[status]} answers ${status === '0' ? 'missing' : status}`),
    ...(scenario.latencyPromise?.({ beforeMs: p99BeforeMs, duringMs: p99DuringMs }) ?? []),
  ];
  return {
    id: scenario.id,
    fault: scenario.fault,
    mustHold: scenario.mustHold,
    attempted: history.length,
    accepted: history.filter((entry) => entry.status >= 200 && entry.status < 300).length,
    lost: ledger.lost,
    duplicated: ledger.duplicated,
    kpiDrift: ledger.kpiDrift,
    unexpectedDeadLetters: unexpected.length,
    missingDeadLetters: missing.length,
    errorsByStatus: errors,
    p99BeforeMs,
    p99DuringMs,
    p99AfterMs: p99Ms(history, faultEndedAt, stoppedAt),
    recoveryMs: outcome.recoveryMs,
    catchUpMs: ledger.catchUpMs,
    rssMb: Object.fromEntries(
      Object.entries(rssAtStart).map(([service, start]) => [
        service,
        { start, ...(rssAtEnd[service] !== undefined && { end: rssAtEnd[service] }) },
      ]),
    ),
    broken,
  };
}

/** The site's dead letters, once this scenario's poison is among them (or after a minute: the check then says what is missing). */
async function deadLettersOnceIn(site: FaultSite, poisons: readonly Poison[]) {
  const kafka = testKafka(site.brokers);
  let letters = await deadLetters(kafka, site.site);
  await eventually(
    async () => {
      letters = await deadLetters(kafka, site.site);
      return deadLetterFindings(letters, poisons).missing.length === 0;
    },
    'the poison dead-lettered',
    60_000,
  ).catch(() => undefined);
  return letters;
}

/** The report as a table a person reads, one row per figure. */
export function reportTable(report: ScenarioReport): string {
  const errors = Object.entries(report.errorsByStatus)
    .map(([status, count]) => `${status === '0' ? 'no answer' : status}: ${count}`)
    .join(', ');
  const rows: [string, string | number][] = [
    ['operations attempted', report.attempted],
    ['accepted (2xx)', report.accepted],
    ['effects lost', report.lost],
    ['effects applied twice', report.duplicated],
    ['KPI drift', report.kpiDrift],
    ['unexpected dead letters', report.unexpectedDeadLetters],
    ['poison not dead-lettered', report.missingDeadLetters],
    ['client errors by status', errors || 'none'],
    [
      'p99 before / during / after the fault',
      `${report.p99BeforeMs} / ${report.p99DuringMs} / ${report.p99AfterMs} ms`,
    ],
    ['recovery to ready', `${(report.recoveryMs / 1000).toFixed(1)} s`],
    ['ledger agreed after', `${(report.catchUpMs / 1000).toFixed(1)} s`],
    [
      'RSS at start → end, MB',
      Object.entries(report.rssMb)
        .map(([service, { start, end }]) => `${service} ${start} → ${end ?? 'gone'}`)
        .join(', '),
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `${report.id}  ${report.fault}`,
    `    must hold: ${report.mustHold}`,
    ...rows.map(([name, value]) => `    ${name.padEnd(width)}  ${value}`),
    `    ${report.broken.length ? `BROKEN: ${report.broken.join('; ')}` : 'held'}`,
  ].join('\n');
}
