import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicFor } from '@technopark/contracts';
import { up } from '@technopark/infra';
import { createKafkaClient, encodeEvent } from '@technopark/messaging';
import { connectTestProducer, uniqueSiteId } from '@technopark/testing';
import { backboneRun } from '../backbone/backbone-run';
import { median, percentile, progress } from '../backbone/measure';
import { mongoCeiling } from '../backbone/mongo-ceiling';
import { stockTransportRun } from '../backbone/stock-transport-run';
import { type ScriptedEvent, startAnalyticsProcess } from '../kpis/analytics-process';
import { projected, READINGS } from '../kpis/index';
import { syntheticHistory } from '../kpis/synthetic-history';
import { startServiceProcess } from '../support/service-process';
import { type Figure, isMet, tableOf } from './figures';

/** What each mode runs: `--quick` fits in about 3 minutes, the full run in under 20. */
const SIZES = {
  quick: { mongoWrites: 1_000, backboneEvents: 500, stockEvents: 500, historyStartups: 300, reads: 30 },
  full: { mongoWrites: 2_000, backboneEvents: 1_000, stockEvents: 1_000, historyStartups: 1_600, reads: 100 },
} as const;
type Sizes = (typeof SIZES)[keyof typeof SIZES];

/** Every service a site runs, and the national gateway, measured idle as `npm start` runs them. */
const SERVICES: readonly { name: string; environment?: (tag: string) => Record<string, string> }[] = [
  { name: 'applications' },
  { name: 'residency' },
  { name: 'funding-matching' },
  { name: 'events', environment: () => ({ CHECK_IN_SECRET: 'bench-check-in-secret-0123456789abcdefgh' }) },
  { name: 'analytics' },
  {
    name: 'partner-gateway',
    environment: (tag) => ({
      SITE_ID: `${tag}-hq`,
      PARTNER_SITES: `${tag}-casa`,
      PARTNER_SECRETS_KEY: 'a-key-that-seals-webhook-secrets-in-the-bench',
    }),
  },
];

const README = join(__dirname, '../README.md');
const HISTORY_HEADING = '## History of `npm run bench`';

/**
 * `npm run bench [-- --quick]`: the performance goals of the platform in one table, each figure
 * beside the ceiling or peer it is held against, measured in the same run; the table is added to
 * the history in bench/README.md with the date and the commit.
 */
export async function benchSummary(quick: boolean): Promise<void> {
  const sizes = quick ? SIZES.quick : SIZES.full;
  const servers = await up();
  const connection = { brokers: servers.kafkaBrokers, mongoUrl: servers.mongoUrl };
  const kafka = createKafkaClient({ brokers: servers.kafkaBrokers.split(','), clientId: 'bench' });
  const started = Date.now();
  buildServices();

  const database = await mongoCeiling(servers.mongoUrl, sizes.mongoWrites);
  progress(`database ceiling: ${database.toFixed(0)} single 1 KB writes/s`);
  const backbone = await backboneRun(connection, sizes.backboneEvents);
  progress(`backbone at saturation: ${backbone.eventsPerSecond.toFixed(0)} events/s`);
  const stock = await stockTransportRun(kafka, connection, sizes.stockEvents);
  progress(`stock Nest Kafka transport: ${stock.toFixed(0)} events/s`);
  const rebuild = await analyticsRebuild(servers, sizes);
  const rss = await idleRss(servers);

  const figures: Figure[] = [
    {
      name: 'backbone at saturation',
      measured: backbone.eventsPerSecond,
      unit: 'events/s',
      against: { name: 'database, single 1 KB writes/s', value: database },
      goal: { kind: 'ratio at least', value: 0.8 },
    },
    {
      name: 'backbone, same effect work',
      measured: backbone.eventsPerSecond,
      unit: 'events/s',
      against: { name: 'stock Nest Kafka transport, events/s', value: stock },
      goal: { kind: 'ratio at least', value: 3 },
    },
    {
      name: `analytics rebuild, ${rebuild.events} events from a rewound log`,
      measured: rebuild.eventsPerSecond,
      unit: 'events/s',
      goal: { kind: 'at least', value: 1_000 },
    },
    {
      name: `KPI answer p99, worst of ${Object.keys(READINGS).length} queries, ${rebuild.events} events`,
      measured: rebuild.worstP99Ms,
      unit: 'ms',
      goal: { kind: 'at most', value: 50 },
    },
    {
      name: `idle RSS, largest service (${rss.largest})`,
      measured: rss.mb,
      unit: 'MB',
      goal: { kind: 'at most', value: 120 },
    },
  ];
  const table = tableOf(figures);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  progress(`\n${table}\n\n${figures.filter(isMet).length} of ${figures.length} goals met; ${minutes} min`);
  progress(
    `not measured here yet: end-to-end HTTP p99 at 50% of saturation, national lag, KPI p99 at 1,000,000 events`,
  );
  keepInHistory(table, quick, minutes, rss.all);
  process.exit(0);
}

/**
 * `npm run bench -- rebuild [--full]`: only the rebuild and the KPI answers after it, with the
 * summary's sizes: the loop to run while working on analytics' projections or reads.
 */
export async function benchRebuild(): Promise<void> {
  const sizes = process.argv.includes('--full') ? SIZES.full : SIZES.quick;
  buildServices(['analytics']);
  const rebuild = await analyticsRebuild(await up(), sizes);
  progress(
    `rebuild of ${rebuild.events} events: ${rebuild.eventsPerSecond.toFixed(1)} events/s; worst KPI p99 ${rebuild.worstP99Ms.toFixed(0)} ms`,
  );
  process.exit(0);
}

/** A site's history published first, then analytics started on it: its consumers read the log from the start. */
async function analyticsRebuild(
  servers: { kafkaBrokers: string; mongoUrl: string },
  sizes: Sizes,
): Promise<{ events: number; eventsPerSecond: number; worstP99Ms: number }> {
  const site = uniqueSiteId('bench');
  const history = syntheticHistory(0, sizes.historyStartups);
  await publishHistory(servers.kafkaBrokers, site, history.events);
  progress(`analytics: ${history.totals.events} events of ${sizes.historyStartups} startups in the log; rebuilding`);
  const launched = Date.now();
  const analytics = await startAnalyticsProcess(servers, { SITE_ID: site }, { built: true });
  try {
    await projected(analytics, history.totals.submitted, history.totals.reports, history.totals.events);
    const eventsPerSecond = history.totals.events / ((Date.now() - launched) / 1000);
    progress(`analytics rebuild: ${eventsPerSecond.toFixed(0)} events/s (from the process's launch)`);
    await analytics.service.idle();
    const p99s: number[] = [];
    for (const [name, pathOf] of Object.entries(READINGS)) {
      const took: number[] = [];
      for (let read = 0; read < sizes.reads; read += 1) {
        const begun = performance.now();
        await analytics.get(pathOf(read));
        took.push(performance.now() - begun);
      }
      p99s.push(percentile(took, 99));
      progress(`${name}: p50 ${median(took).toFixed(0)} ms, p99 ${percentile(took, 99).toFixed(0)} ms`);
    }
    return { events: history.totals.events, eventsPerSecond, worstP99Ms: Math.max(...p99s) };
  } finally {
    await analytics.close();
  }
}

async function publishHistory(brokers: string, site: string, events: readonly ScriptedEvent[]): Promise<void> {
  const producer = await connectTestProducer(createKafkaClient({ brokers: brokers.split(','), clientId: 'bench' }));
  try {
    const byTopic = new Map<string, ReturnType<typeof encodeEvent>[]>();
    for (const { contract, payload, time } of events) {
      const topic = topicFor(site, contract.stream);
      const message = encodeEvent(contract, payload, { site, service: contract.producer }, { time: new Date(time) });
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
    for (const [topic, messages] of byTopic)
      for (let start = 0; start < messages.length; start += 500)
        await producer.send(topic, messages.slice(start, start + 500));
  } finally {
    await producer.disconnect();
  }
}

/** The services measured are run from their build, as `npm start` runs them: built from the working tree first. */
function buildServices(projects?: readonly string[]): void {
  progress('building the services');
  const selection = projects ? `--projects=${projects.join(',')}` : '--projects=tag:type:app';
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', selection, '--output-style=static'], { stdio: 'ignore' });
}

/** Each service built and started as `npm start` runs it, on a fresh site, measured once idle. */
async function idleRss(servers: {
  kafkaBrokers: string;
  mongoUrl: string;
}): Promise<{ largest: string; mb: number; all: string }> {
  const measured: { name: string; mb: number }[] = [];
  const tag = uniqueSiteId('bench');
  for (const { name, environment } of SERVICES) {
    const service = await startServiceProcess(name, servers, environment?.(tag) ?? {}, { built: true });
    try {
      await service.idle();
      const firstQuiet = service.rssMb();
      const settled = await service.settledRssMb();
      measured.push({ name, mb: settled });
      progress(`${name} idle: ${settled} MB RSS once settled (${firstQuiet} MB in its first quiet second)`);
    } finally {
      await service.close();
    }
  }
  const largest = measured.reduce((top, each) => (each.mb > top.mb ? each : top));
  return { largest: largest.name, mb: largest.mb, all: measured.map(({ name, mb }) => `${name} ${mb}`).join(', ') };
}

/** Adds the run's table under the history heading of bench/README.md, newest first. */
function keepInHistory(table: string, quick: boolean, minutes: string, rss: string): void {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  // The history itself (this README) is not a change to what was measured.
  const dirty =
    execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/README.md'])
      .toString()
      .trim() !== '';
  const entry = [
    `### ${new Date().toISOString().slice(0, 10)}, ${commit}${dirty ? ' with uncommitted changes' : ''}, ${quick ? '`--quick`' : 'full run'} (${minutes} min)`,
    '',
    table,
    '',
    `Idle RSS per service (MB): ${rss}.`,
    '',
  ].join('\n');
  const readme = readFileSync(README, 'utf8');
  const at = readme.indexOf(HISTORY_HEADING);
  const updated =
    at === -1
      ? `${readme.trimEnd()}\n\n${HISTORY_HEADING}\n\n${entry}`
      : readme.replace(HISTORY_HEADING, `${HISTORY_HEADING}\n\n${entry.trimEnd()}`);
  writeFileSync(README, updated.endsWith('\n') ? updated : `${updated}\n`);
  progress(`kept in ${README}`);
}
