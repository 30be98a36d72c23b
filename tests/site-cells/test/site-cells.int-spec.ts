import { bearer } from '@technopark/security/testing';
import { brokersOf } from '@technopark/infra';
import { connectTestProducer, eventually, readTopicPartitions, testKafka } from '@technopark/testing';
import { SiteCellsRun } from '../support/site-cells-run';
import { funnelCounts, SiteClient } from '../support/site-client';

/** How long the faults last: the 60 s for HQ down; a cut of a minute keeps the suite bounded (bench: 5 minutes). */
const HQ_DOWN_MS = 60_000;
const LINK_CUT_MS = Number(process.env['CELLS_LINK_CUT_SECONDS'] ?? 60) * 1000;
const CATCH_UP_MS = 240_000;
const COUNTED = ['submitted', 'accepted', 'rejected'] as const;

interface SiteFreshness {
  site: string;
  lastEventAt: string;
  lastReadAt: string;
}

describe('site cells: casablanca and rabat on their own Kafka and database, HQ fed by MirrorMaker 2', () => {
  const run = new SiteCellsRun();
  const clients = new Map<string, SiteClient>();
  let reader = '';

  const client = (site: string): SiteClient => {
    const found = clients.get(site);
    if (!found) throw new Error(`no client for ${site}`);
    return found;
  };
  const siteFigures = (site: string) => funnelCounts(run.url(`${site}/analytics`), '/v1/kpis', reader);
  const nationalFigures = () => funnelCounts(run.url('hq/analytics'), '/v1/kpis', reader);
  const hqFiguresOf = (site: string) => funnelCounts(run.url('hq/analytics'), `/v1/sites/${site}/kpis`, reader);
  const sitesAtHq = async (): Promise<{ sites: string[]; freshness: SiteFreshness[] }> => {
    const response = await fetch(`${run.url('hq/analytics')}/v1/sites`, { headers: bearer(reader) });
    return (await response.json()) as { sites: string[]; freshness: SiteFreshness[] };
  };

  /** Waits until HQ has caught up, then checks exactly: each national count is the sum of the sites' own. */
  async function expectNationalEqualsSites(sites: readonly string[]): Promise<void> {
    const figures = async () => {
      const own = await Promise.all(sites.map(siteFigures));
      const atHq = await Promise.all(sites.map(hqFiguresOf));
      return { own, atHq, national: await nationalFigures() };
    };
    const matches = ({ own, atHq, national }: Awaited<ReturnType<typeof figures>>) =>
      COUNTED.every(
        (kpi) =>
          national[kpi] === own.reduce((sum, counts) => sum + (counts[kpi] ?? 0), 0) &&
          own.every((counts, index) => atHq[index]?.[kpi] === counts[kpi]),
      );
    // A site HQ has not read yet answers 404: not caught up yet.
    const caughtUp = async () => {
      const found = await figures().catch(() => undefined);
      return found !== undefined && matches(found);
    };
    await eventually(caughtUp, `national figures equal to ${sites.join(' + ')}`, CATCH_UP_MS).catch(
      async (error: Error) => {
        throw new Error(
          `${error.message}: ${JSON.stringify(await figures().catch((reason: Error) => reason.message))}${run.diagnosis(sites)}`,
        );
      },
    );
    const settled = await figures();
    for (const kpi of COUNTED) {
      expect(settled.national[kpi]).toBe(settled.own.reduce((sum, counts) => sum + (counts[kpi] ?? 0), 0));
      settled.own.forEach((counts, index) => expect(settled.atHq[index]?.[kpi]).toBe(counts[kpi]));
    }
  }

  /**
   * Journeys at a site for a while, one a second (7 writes: under the 600 requests a minute one
   * client may make): every write must be answered 2xx.
   */
  async function journeysFor(site: string, durationMs: number): Promise<number> {
    let count = 0;
    for (const end = Date.now() + durationMs; Date.now() < end; count += 1) {
      const next = Date.now() + 1_000;
      await client(site).journey(count % 3 === 0 ? 'rejected' : 'accepted');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    return count;
  }

  beforeAll(async () => {
    await run.configureSite('casablanca');
    await run.configureSite('rabat');
    await run.configureHq();
    await run.startInfrastructure(['casablanca', 'rabat']);
    await Promise.all(['casablanca', 'rabat', 'hq'].map((cell) => run.startServices(cell)));
    reader = await run.tokens.forRole('partner', 'national');
    for (const site of ['casablanca', 'rabat']) {
      const siteClient = new SiteClient(site, run.url(`${site}/applications`), run.tokens);
      await siteClient.openCall();
      // Every scenario then starts with both sites known at HQ.
      await siteClient.journey('accepted');
      clients.set(site, siteClient);
    }
  }, 900_000);

  afterAll(() => run.close(), 180_000);

  it("brings both sites' events to HQ: each national count is the sum of the sites' counts", async () => {
    for (const site of ['casablanca', 'rabat']) {
      await client(site).journey('accepted');
      await client(site).journey('rejected');
    }

    await expectNationalEqualsSites(['casablanca', 'rabat']);
    expect((await nationalFigures())['submitted']).toBeGreaterThanOrEqual(6);
    expect((await sitesAtHq()).sites).toEqual(['casablanca', 'rabat']);
  });

  it('keeps each key on its partition and in its order at HQ', async () => {
    const topic = 'technopark.casablanca.cells-order-probe';
    const site = testKafka(brokersOf(run.cells.cell('casablanca')));
    const producer = await connectTestProducer(site);
    const keys = ['startup-a', 'startup-b', 'startup-c', 'startup-d'];
    for (let sequence = 0; sequence < 250; sequence += 1) {
      await producer.send(
        topic,
        keys.map((key) => ({ key, value: String(sequence), headers: {} })),
      );
    }
    await producer.disconnect();
    const partitionsAtSite = new Map(
      (await readTopicPartitions(site, topic)).map(({ partition, message }) => [String(message.key), partition]),
    );

    const hq = testKafka(brokersOf(run.cells.cell('hq')));
    await eventually(
      async () => (await readTopicPartitions(hq, topic).catch(() => [])).length >= keys.length * 250,
      'the probe records at HQ',
      60_000,
    );
    const atHq = await readTopicPartitions(hq, topic);
    for (const key of keys) {
      const records = atHq.filter(({ message }) => String(message.key) === key);
      expect(new Set(records.map(({ partition }) => partition))).toEqual(new Set([partitionsAtSite.get(key)]));
      expect(records.map(({ message }) => Number(message.value))).toEqual([...Array(250).keys()]);
    }
  });

  it('loses nothing when MirrorMaker is killed mid-stream (kill -9), and its duplicates change no figure', async () => {
    const topic = 'technopark.casablanca.cells-kill-probe';
    const site = testKafka(brokersOf(run.cells.cell('casablanca')));
    const producer = await connectTestProducer(site);
    const replication = run.replicationOf('casablanca');
    const streaming = (async () => {
      for (let batch = 0; batch < 40; batch += 1) {
        await producer.send(
          topic,
          Array.from({ length: 50 }, (_, index) => ({
            key: `k${index % 7}`,
            value: String(batch * 50 + index),
            headers: {},
          })),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const journeys = Promise.all([0, 1, 2].map(() => client('casablanca').journey('accepted')));
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const pid = replication.pid();
    expect(pid).toBeDefined();
    process.kill(pid as number, 'SIGKILL');
    await eventually(async () => replication.pid() === undefined, 'MirrorMaker gone', 10_000);
    await Promise.all([streaming, journeys]);
    await producer.disconnect();
    await run.start(replication);

    const hq = testKafka(brokersOf(run.cells.cell('hq')));
    await eventually(
      async () =>
        new Set((await readTopicPartitions(hq, topic).catch(() => [])).map(({ message }) => String(message.value)))
          .size >= 2_000,
      'every probe record at HQ',
      CATCH_UP_MS,
    );
    const values = (await readTopicPartitions(hq, topic)).map(({ message }) => Number(message.value));
    expect(new Set(values)).toEqual(new Set(Array.from({ length: 2_000 }, (_, index) => index)));
    await expectNationalEqualsSites(['casablanca', 'rabat']);
  });

  it("keeps casablanca serving while HQ's broker is down for 60 s, then HQ catches up exactly", async () => {
    const before = await siteFigures('casablanca');
    const hqKafka = run.kafkaOf('hq');
    await run.stop(hqKafka);

    const journeys = await journeysFor('casablanca', HQ_DOWN_MS);
    await eventually(
      async () => ((await siteFigures('casablanca'))['submitted'] ?? 0) >= (before['submitted'] ?? 0) + journeys,
      "casablanca's own analytics counting its new applications while HQ is down",
      60_000,
    );
    await run.start(hqKafka);

    expect(journeys).toBeGreaterThan(0);
    await expectNationalEqualsSites(['casablanca', 'rabat']);
  });

  it('catches up exactly after the replication link is cut under load', async () => {
    const replication = run.replicationOf('rabat');
    const hqViewBefore = await hqFiguresOf('rabat');
    await run.stop(replication);
    let journeys: number;
    try {
      journeys = await journeysFor('rabat', LINK_CUT_MS);
      expect(await hqFiguresOf('rabat')).toEqual(hqViewBefore);
    } finally {
      // Restored whatever happened, so a failure here is not also the next tests' failure.
      await run.start(replication);
    }

    expect(journeys).toBeGreaterThan(0);
    await expectNationalEqualsSites(['casablanca', 'rabat']);
  });

  it("serves the other sites and a down site's last figures, with each site's freshness", async () => {
    const rabatKafka = run.kafkaOf('rabat');
    const rabatAtHq = await hqFiguresOf('rabat');
    const casablancaBefore = await siteFigures('casablanca');
    await run.stop(rabatKafka);
    const cutAt = Date.now();
    try {
      await client('casablanca').journey('accepted');
      await expectNationalEqualsSitesWhileDown();

      const { freshness } = await sitesAtHq();
      const of = (site: string) => freshness.find((entry) => entry.site === site);
      expect(Date.parse(of('casablanca')?.lastEventAt ?? '')).toBeGreaterThan(cutAt);
      expect(Date.parse(of('rabat')?.lastEventAt ?? '')).toBeLessThan(cutAt);
      expect(await hqFiguresOf('rabat')).toEqual(rabatAtHq);
    } finally {
      await run.start(rabatKafka);
    }

    // Casablanca's own figures are read again at each try: its analytics may count the journey after
    // HQ's does, and a count read once, too early, would never be equalled.
    async function expectNationalEqualsSitesWhileDown(): Promise<void> {
      const figures = async () => ({
        own: await siteFigures('casablanca'),
        atHq: await hqFiguresOf('casablanca'),
        national: await nationalFigures(),
      });
      const matches = ({ own, atHq, national }: Awaited<ReturnType<typeof figures>>) =>
        (own['accepted'] ?? 0) > (casablancaBefore['accepted'] ?? 0) &&
        COUNTED.every((kpi) => atHq[kpi] === own[kpi] && national[kpi] === (own[kpi] ?? 0) + (rabatAtHq[kpi] ?? 0));
      await eventually(
        async () => {
          const found = await figures().catch(() => undefined);
          return found !== undefined && matches(found);
        },
        "casablanca's new figures at HQ, and national ones, while rabat is down",
        CATCH_UP_MS,
      ).catch(async (error: Error) => {
        throw new Error(
          `${error.message}: ${JSON.stringify(await figures().catch((reason: Error) => reason.message))}${run.diagnosis(['casablanca', 'rabat'])}`,
        );
      });
    }
  });

  it('takes fes in from configuration only: its cell starts, its topics reach HQ, national analytics shows it unrestarted', async () => {
    const nationalPid = run.pid('hq/analytics');
    await run.configureSite('fes');
    await run.startInfrastructure(['fes']);
    await run.startServices('fes');
    const fes = new SiteClient('fes', run.url('fes/applications'), run.tokens);
    clients.set('fes', fes);
    await fes.openCall();
    await fes.journey('accepted');

    await eventually(async () => (await sitesAtHq()).sites.includes('fes'), 'fes listed at HQ', CATCH_UP_MS);
    await expectNationalEqualsSites(['casablanca', 'rabat', 'fes']);
    expect(run.pid('hq/analytics')).toBe(nationalPid);
    expect(clients.get('casablanca')?.answers.every(({ status }) => status < 300)).toBe(true);
  });
});
