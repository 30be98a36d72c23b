import { randomUUID } from 'node:crypto';
import { StartupProfileUpdated, StartupRegistered } from '@technopark/contracts';
import { up } from '@technopark/infra';
import { uniqueSiteId } from '@technopark/testing';
import { percentile, progress, until } from '../backbone/measure';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { BenchReceiver } from './bench-receiver';

const RATE = Number(process.env['BENCH_PARTNERS_RATE'] ?? 50);
const SUBSCRIPTIONS = Number(process.env['BENCH_PARTNERS_SUBSCRIPTIONS'] ?? 20);
const SECONDS = Number(process.env['BENCH_PARTNERS_SECONDS'] ?? 60);
const OUTAGE_SECONDS = Number(process.env['BENCH_PARTNERS_OUTAGE_SECONDS'] ?? 600);
const OUTAGE_RATE = Number(process.env['BENCH_PARTNERS_OUTAGE_RATE'] ?? 5);
const STARTUPS = 200;
const ALL = Array.from({ length: SUBSCRIPTIONS }, (_, index) => index);

/** `npm run bench -- partners`: delivery latency at a rate, a slow partner beside the others, catch-up after an outage, cost. */
export async function benchPartners(): Promise<void> {
  const servers = await up();
  const tag = uniqueSiteId('bench');
  const site = `${tag}-casa`;
  const receiver = new BenchReceiver();
  await receiver.start();
  const gateway = await startServiceProcess('partner-gateway', servers, {
    SITE_ID: `${tag}-hq`,
    PARTNER_SITES: site,
    PARTNER_SECRETS_KEY: 'a-key-that-seals-webhook-secrets-in-the-bench',
    WEBHOOK_ALLOW_LOCAL_TARGETS: 'true',
    KAFKA_NEW_TOPICS_CHECK_SECONDS: '2',
    // e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles` to see where the gateway spends its time.
    ...(process.env['BENCH_NODE_OPTIONS'] && { NODE_OPTIONS: process.env['BENCH_NODE_OPTIONS'] }),
  });
  try {
    const startups = await setUp(gateway, receiver, site);
    // Warm up (compiled code, caches, connections) before anything is measured.
    const warm = await drive(gateway, site, startups, RATE, 10);
    await until(async () => receiver.received(ALL) >= warm, 300_000, 'the warm-up');
    const rows = [
      await steady(gateway, receiver, site, startups),
      await slowPartner(gateway, receiver, site, startups),
      await catchUp(gateway, receiver, site, startups),
    ];
    progress(['', 'scenario | events/s × subscriptions | deliveries | latency p50 / p99 | note', ...rows].join('\n'));
  } finally {
    await gateway.close();
    await receiver.close();
  }
  process.exit(0);
}

/**
 * 20 partner programs with one subscription each, and startups that each consented to share their
 * profile with one of them: every event is owed to one subscription, so the rate is spread across them.
 */
async function setUp(gateway: ServiceProcess, receiver: BenchReceiver, site: string): Promise<string[]> {
  for (const endpoint of ALL) {
    const partnerId = `bench-partner-${endpoint}`;
    await gateway.call('POST', '/v1/partners', {
      partnerId,
      name: `Partner ${endpoint}`,
      programIds: [],
      contactEmail: 'ops@partner.example',
    });
    await gateway.call('POST', `/v1/partners/${partnerId}/subscriptions`, {
      filters: { eventTypes: ['ma.technopark.partner.startup-profile.v1'] },
      delivery: { kind: 'webhook', url: receiver.urlOf(endpoint) },
    });
  }
  const startups = Array.from({ length: STARTUPS }, () => randomUUID());
  await gateway.publish(
    StartupRegistered,
    startups.map((startupId) => ({ ...StartupRegistered.example, startupId, partnerSharingConsent: false })),
    site,
  );
  for (const [index, startupId] of startups.entries()) {
    const grant = `/v1/startups/${startupId}/partner-consents/bench-partner-${index % SUBSCRIPTIONS}/grant`;
    await until(
      async () => (await gateway.call('POST', grant, { scopes: ['profile'] })).status === 200,
      120_000,
      'a consent',
    );
  }
  progress(`${SUBSCRIPTIONS} subscriptions, ${STARTUPS} startups known, each consenting to one partner`);
  return startups;
}

/** Profile changes of random startups at `rate` per second for `seconds`; resolves once all are published. */
async function drive(
  gateway: ServiceProcess,
  site: string,
  startups: readonly string[],
  rate: number,
  seconds: number,
): Promise<number> {
  const started = Date.now();
  let sent = 0;
  for (let second = 0; second < seconds; second++) {
    const batch = Array.from({ length: rate }, (_, index) => ({
      ...StartupProfileUpdated.example,
      partnerSharingConsent: false,
      startupId: startups[(second * rate + index) % startups.length] as string,
      teamSize: 1 + ((second + index) % 50),
    }));
    await gateway.publish(StartupProfileUpdated, batch, site);
    sent += batch.length;
    const wait = started + (second + 1) * 1000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return sent;
}

async function steady(
  gateway: ServiceProcess,
  receiver: BenchReceiver,
  site: string,
  startups: readonly string[],
): Promise<string> {
  receiver.reset();
  const cpuBefore = gateway.cpuSeconds();
  const started = Date.now();
  const sent = await drive(gateway, site, startups, RATE, SECONDS);
  // Each event is owed to one subscription.
  const expected = sent;
  await until(async () => receiver.received(ALL) >= expected, 30 * 60_000, 'every delivery');
  const took = (Date.now() - started) / 1000;
  const cpu = gateway.cpuSeconds() - cpuBefore;
  const latencies = receiver.latencies(ALL);
  const split = await lagSplit(gateway);
  progress(
    `steady: ${expected} deliveries in ${took.toFixed(1)} s; gateway CPU ${((cpu / expected) * 1000).toFixed(2)} ms per delivery`,
  );
  return row(
    'steady',
    RATE,
    expected,
    latencies,
    `${(expected / took).toFixed(0)} deliveries/s; gateway CPU ${((cpu / expected) * 1000).toFixed(2)} ms/delivery, RSS ${gateway.rssMb()} MB; ${split}`,
  );
}

async function slowPartner(
  gateway: ServiceProcess,
  receiver: BenchReceiver,
  site: string,
  startups: readonly string[],
): Promise<string> {
  receiver.reset();
  receiver.behaviours.set(0, { kind: 'slow', delayMs: 5_000 });
  const others = ALL.slice(1);
  const sent = await drive(gateway, site, startups, RATE, SECONDS);
  const owedToSlow = Math.ceil(sent / SUBSCRIPTIONS);
  await until(async () => receiver.received(others) >= sent - owedToSlow, 30 * 60_000, "the others' deliveries");
  progress(`slow partner: the others got theirs; the slow one has ${receiver.received([0])} of ${owedToSlow} so far`);
  await until(async () => receiver.received([0]) >= owedToSlow, 30 * 60_000, "the slow one's deliveries");
  receiver.behaviours.delete(0);
  const slow = receiver.latencies([0]);
  const split = await lagSplit(gateway, 1);
  return row(
    'one partner answers in 5 s',
    RATE,
    sent,
    receiver.latencies(others),
    `the other ${others.length} (${split}); the slow one's own p50 ${fmt(percentile(slow, 50))}, p99 ${fmt(percentile(slow, 99))}`,
  );
}

async function catchUp(
  gateway: ServiceProcess,
  receiver: BenchReceiver,
  site: string,
  startups: readonly string[],
): Promise<string> {
  receiver.reset();
  receiver.behaviours.set(1, { kind: 'down' });
  progress(`catch-up: endpoint 1 down for ${OUTAGE_SECONDS} s at ${OUTAGE_RATE} events/s`);
  const sent = await drive(gateway, site, startups, OUTAGE_RATE, OUTAGE_SECONDS);
  const backlog = Math.ceil(sent / SUBSCRIPTIONS);
  receiver.behaviours.delete(1);
  const back = Date.now();
  await until(async () => receiver.received([1]) >= backlog, 60 * 60_000, 'the backlog after the outage');
  const drained = (Date.now() - back) / 1000;
  progress(`catch-up: ${backlog} deliveries drained ${drained.toFixed(1)} s after the receiver came back`);
  return row(
    `a receiver down ${OUTAGE_SECONDS} s`,
    OUTAGE_RATE,
    sent,
    receiver.latencies(ALL.filter((each) => each !== 1)),
    `the others' latency; its backlog of ${backlog} drained ${drained.toFixed(0)} s after it came back ` +
      `(retry backoff: the last wait before it could reach ${fmt(backoffBefore(OUTAGE_SECONDS) * 1000)})`,
  );
}

/** The longest wait a delivery failing since the start of an outage may be in when it ends (default schedule). */
function backoffBefore(outageSeconds: number): number {
  let waited = 0;
  let delay = 10;
  while (waited + delay < outageSeconds) {
    waited += delay;
    delay = Math.min(delay * 2, 6 * 3600);
  }
  return delay * 1.2;
}

/** Where the time went, from one partner's delivery log: event → queued (consuming, routing), queued → delivered (the lane). */
async function lagSplit(gateway: ServiceProcess, partner = 0): Promise<string> {
  const log = (await gateway.call('GET', `/v1/partners/bench-partner-${partner}/deliveries?limit=100`)).body as {
    items: { occurredAt: string; queuedAt: string; deliveredAt?: string }[];
  };
  const routed = log.items.map((each) => Date.parse(each.queuedAt) - Date.parse(each.occurredAt));
  const sent = log.items.flatMap((each) =>
    each.deliveredAt ? [Date.parse(each.deliveredAt) - Date.parse(each.queuedAt)] : [],
  );
  return `event→queued p50 ${fmt(percentile(routed, 50))}, queued→delivered p50 ${fmt(percentile(sent, 50))}`;
}

function row(scenario: string, rate: number, deliveries: number, latencies: number[], note: string): string {
  return [
    scenario,
    `${rate} × ${SUBSCRIPTIONS}`,
    String(deliveries),
    `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))}`,
    note,
  ].join(' | ');
}

const fmt = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
