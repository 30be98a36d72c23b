import { brokersOf, down, ensureAll, cellServers, processRss, ScratchCells, type Server } from '@technopark/infra';
import { connectTestProducer, testKafka } from '@technopark/testing';
import { percentile, progress, until } from '../backbone/measure';

const RATE = 50;
const STEADY_SECONDS = Number(process.env['BENCH_LAG_SECONDS'] ?? 60);
const CUT_SECONDS = Number(process.env['BENCH_CUT_SECONDS'] ?? 300);
const SITE = 'casablanca';
const TOPIC = `technopark.${SITE}.bench-replication`;

/**
 * `npm run bench -- replication`: one site cell and HQ on scratch ports, and the site's
 * MirrorMaker 2. Measures the cells' start (cold, then warm), the replication lag HQ − site at a
 * steady 50 events/s, the catch-up after the link is cut for BENCH_CUT_SECONDS, and each process's RSS.
 */
export async function benchReplication(): Promise<void> {
  const cells = new ScratchCells();
  try {
    // The services get ports (a cell file must name what it runs), but only the servers start here.
    await cells.configureSite(SITE, ['applications']);
    await cells.configureHq(['analytics']);
    const servers = () => [
      ...cellServers(cells.cell(SITE)),
      ...cellServers(cells.cell('hq')),
      cells.replicationOf(SITE),
    ];
    const cold = await timed(() => cells.startInfrastructure([SITE]));
    progress(`cold start (fresh data folders): ${seconds(cold)}`);
    await down(servers());
    const warm = await timed(() => ensureAll(servers()));
    progress(`warm start (existing data): ${seconds(warm)}`);

    const site = testKafka(brokersOf(cells.cell(SITE)));
    const producer = await connectTestProducer(site);
    const arrivals = new Map<number, number>();
    const consumer = testKafka(brokersOf(cells.cell('hq'))).consumer({ groupId: `bench-${Date.now()}` });
    let sent = 0;
    const send = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        const sequence = sent++;
        await producer.send(TOPIC, [{ key: `k${sequence % 20}`, value: `${sequence}:${Date.now()}`, headers: {} }]);
      }
    };
    await send(1);
    await until(async () => (await hqTopics(cells)).includes(TOPIC), 60_000, 'the topic at HQ');
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    const lags: number[] = [];
    let measuringLag = true;
    await consumer.run({
      eachMessage: async ({ message }) => {
        const [sequence, sentAt] = String(message.value).split(':').map(Number) as [number, number];
        if (arrivals.has(sequence)) return;
        const now = Date.now();
        arrivals.set(sequence, now);
        if (measuringLag && sequence > 0) lags.push(now - sentAt);
      },
    });

    progress(`steady: ${RATE} events/s for ${STEADY_SECONDS} s…`);
    await atRate(RATE, STEADY_SECONDS, () => send(1));
    await until(async () => arrivals.size >= sent, 60_000, 'the steady records at HQ');
    const steady = { p50: percentile(lags, 50), p99: percentile(lags, 99), events: lags.length };
    progress(`steady lag HQ − site: p50 ${steady.p50} ms, p99 ${steady.p99} ms over ${steady.events} events`);
    const rss = rssOf(servers());
    progress(
      `RSS: ${Object.entries(rss)
        .map(([name, mb]) => `${name} ${mb} MB`)
        .join(', ')}`,
    );

    const replication = cells.replicationOf(SITE);
    measuringLag = false;
    await down([replication]);
    const beforeCut = sent;
    progress(`link cut for ${CUT_SECONDS} s at ${RATE} events/s…`);
    await atRate(RATE, CUT_SECONDS, () => send(1));
    const during = sent - beforeCut;
    const restoredAt = Date.now();
    await ensureAll([replication]);
    await until(async () => arrivals.size >= sent, 30 * 60_000, 'the records sent during the cut');
    const caughtUpAt = Math.max(...[...arrivals.values()]);
    progress(
      `catch-up: ${during} events sent during the cut reached HQ ${seconds(caughtUpAt - restoredAt)} after the link was restored (MirrorMaker start included)`,
    );

    await consumer.disconnect();
    await producer.disconnect();
    console.log(
      JSON.stringify(
        {
          coldStartMs: cold,
          warmStartMs: warm,
          steadyLagMs: steady,
          rssMb: rss,
          cut: { seconds: CUT_SECONDS, events: during, catchUpMs: caughtUpAt - restoredAt },
        },
        null,
        2,
      ),
    );
  } finally {
    await cells.dispose();
  }
}

async function hqTopics(cells: ScratchCells): Promise<string[]> {
  const admin = testKafka(brokersOf(cells.cell('hq'))).admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

async function atRate(perSecond: number, durationSeconds: number, act: () => Promise<void>): Promise<void> {
  const start = Date.now();
  for (let index = 0; index < perSecond * durationSeconds; index += 1) {
    const due = start + (index * 1000) / perSecond;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    await act();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = Date.now();
  await work();
  return Date.now() - start;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function rssOf(servers: readonly Server[]): Record<string, number | undefined> {
  return Object.fromEntries(servers.map((server) => [server.name, processRss(server.pid() ?? 0)]));
}
