import { up } from '@technopark/infra';
import { type AnalyticsProcess, startAnalyticsProcess } from './analytics-process';
import { median, percentile, progress } from '../backbone/measure';
import { syntheticHistory } from './synthetic-history';

/** Startups added at each step: the history grows 1×, 4×, 8× while the answers are timed. */
const STEPS = [100, 300, 400];
const READS = 30;
/** `read` → the path of that read: a different range each time defeats the answer cache, the same path hits it. */
export const READINGS: Record<string, (read: number) => string> = {
  '/v1/kpis (computed)': (read) =>
    `/v1/kpis?from=20${10 + Math.floor(read / 12)}-${String((read % 12) + 1).padStart(2, '0')}`,
  '/v1/kpis (repeated)': () => '/v1/kpis',
  '/v1/kpis/funnel?sector=ai': () => '/v1/kpis/funnel?sector=ai',
  '/v1/kpis/series': () => '/v1/kpis/series',
};

/** `npm run bench -- kpis`: projection throughput, and KPI answer times as the event history grows. */
export async function benchKpis(): Promise<void> {
  const analytics = await startAnalyticsProcess(await up());
  const rows: string[] = [];
  let startups = 0;
  let events = 0;
  let submitted = 0;
  let reports = 0;
  try {
    for (const step of STEPS) {
      const history = syntheticHistory(startups, startups + step);
      startups += step;
      events += history.totals.events;
      submitted += history.totals.submitted;
      reports += history.totals.reports;
      const started = Date.now();
      await analytics.publish(history.events);
      await projected(analytics, submitted, reports, events);
      const perSecond = history.totals.events / ((Date.now() - started) / 1000);
      progress(
        `${events} events in the history (${startups} startups): projected ${history.totals.events} at ${perSecond.toFixed(0)} events/s`,
      );
      const timings: string[] = [];
      for (const [name, pathOf] of Object.entries(READINGS)) {
        const took: number[] = [];
        for (let read = 0; read < READS; read += 1) {
          const begun = performance.now();
          await analytics.get(pathOf(read));
          took.push(performance.now() - begun);
        }
        timings.push(`${name} p50 ${median(took).toFixed(0)} ms, p90 ${percentile(took, 90).toFixed(0)} ms`);
      }
      rows.push(
        `${String(events).padStart(6)} events | ${perSecond.toFixed(0).padStart(4)} events/s projected | ${timings.join(' | ')}`,
      );
      progress(rows.at(-1) as string);
    }
  } finally {
    await analytics.close();
  }
  progress(['', 'history | projection | answer times (sequential reads)', ...rows].join('\n'));
  process.exit(0);
}

/** Checks once a second (not faster: a check is a KPI read, and reads share the database with the projection). */
export async function projected(
  analytics: AnalyticsProcess,
  submitted: number,
  reports: number,
  events: number,
): Promise<void> {
  const deadline = Date.now() + 1_800_000;
  for (;;) {
    const { funnel, economy } = (await analytics.get('/v1/kpis')) as {
      funnel: { counts: { submitted: number } };
      economy: { reports: number };
    };
    if (funnel.counts.submitted === submitted && economy.reports === reports) return;
    if (Date.now() > deadline) throw new Error(`bench: ${events} events not projected within 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
