import { ResidencyStarted, ResidentReportSubmitted, StartupRegistered } from '@technopark/contracts';
import { up } from '@technopark/infra';
import { percentile, progress } from '../backbone/measure';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';
import { type SyntheticStartup, syntheticFunders, syntheticStartups } from './synthetic-network';

/** startups × funders: the issue's target last, two smaller networks before it to show the growth. */
const SIZES: readonly (readonly [number, number])[] = (
  process.env['BENCH_MATCHING_SIZES'] ?? '500x50,1500x150,5000x500'
)
  .split(',')
  .map((size) => size.split('x').map(Number) as [number, number]);
/** Reads timed per size. */
const READS = Number(process.env['BENCH_MATCHING_READS'] ?? 30);

/** `npm run bench -- matching`: matches computed from scratch, the update after one change, read latencies. */
export async function benchMatching(): Promise<void> {
  const rows: string[] = [];
  const servers = await up();
  for (const [startups, funders] of SIZES) {
    const service = await startServiceProcess('funding-matching', servers);
    try {
      rows.push(await measure(service, startups, funders));
      progress(rows.at(-1) as string);
    } finally {
      await service.close();
    }
  }
  progress(
    [
      '',
      'startups × funders | matches | from scratch | one profile change | one new funder | my matches p50/p99 | deal flow p50/p99 | RSS',
      ...rows,
    ].join('\n'),
  );
  process.exit(0);
}

async function measure(service: ServiceProcess, startupCount: number, funderCount: number): Promise<string> {
  const startups = syntheticStartups(startupCount);
  await loadStartups(service, startups);
  const fromScratch = await timed(async () => {
    for (const funder of syntheticFunders(funderCount, service.site))
      await expectStatus(service.call('POST', '/v1/funders', funder), 201);
    await allMatched(service, funderCount, startupCount * funderCount);
  });
  progress(`${startupCount} × ${funderCount}: every match computed from scratch in ${seconds(fromScratch)}`);
  await service.idle();
  const changed = startups[Math.floor(startupCount / 2)] as SyntheticStartup;
  const profileChange = await timed(() =>
    expectStatus(
      service.call('PUT', `/v1/startups/${changed.startupId}/funding-profile/seeking`, {
        amountMad: 777_000,
        instrument: 'equity',
        useOfFunds: 'bench',
      }),
      200,
    ),
  );
  await service.idle();
  const [newFunder] = syntheticFunders(1, service.site, 99) as [Record<string, unknown>];
  const newColumn = await timed(async () => {
    await expectStatus(service.call('POST', '/v1/funders', { ...newFunder, funderId: 'bench-new-funder' }), 201);
    await until(
      async () =>
        ((await service.call('GET', '/v1/funders/bench-new-funder')).body as { matchesStale: boolean }).matchesStale ===
        false,
      'the new column',
    );
  });
  progress(`one profile change: ${profileChange.toFixed(0)} ms; one new funder's column: ${seconds(newColumn)}`);
  await service.idle();
  const mine = await latencies(
    READS,
    (read) =>
      `/v1/startups/${(startups[(read * 7919) % startupCount] as SyntheticStartup).startupId}/matches?qualified=true`,
    service,
  );
  const flow = await latencies(
    READS,
    (read) => `/v1/funders/bench-funder-${(read * 31) % funderCount}/deal-flow`,
    service,
  );
  return [
    `${startupCount} × ${funderCount}`,
    String(startupCount * funderCount),
    seconds(fromScratch),
    `${profileChange.toFixed(0)} ms`,
    seconds(newColumn),
    `${percentile(mine, 50).toFixed(0)} / ${percentile(mine, 99).toFixed(0)} ms`,
    `${percentile(flow, 50).toFixed(0)} / ${percentile(flow, 99).toFixed(0)} ms`,
    `${service.rssMb()} MB`,
  ].join(' | ');
}

/** The startups as applications and residency would publish them, then what half of them seek. */
async function loadStartups(service: ServiceProcess, startups: readonly SyntheticStartup[]): Promise<void> {
  const started = Date.now();
  await service.publish(
    StartupRegistered,
    startups.map((startup) => startup.registered),
  );
  await service.publish(
    ResidencyStarted,
    startups.flatMap((startup) => (startup.started ? [startup.started] : [])),
  );
  await service.publish(
    ResidentReportSubmitted,
    startups.flatMap((startup) => (startup.report ? [startup.report] : [])),
  );
  for (const [index, startup] of startups.entries()) {
    await until(
      async () => (await service.call('GET', `/v1/startups/${startup.startupId}/funding-profile`)).status === 200,
      'a profile',
    );
    if (startup.seeking)
      await expectStatus(
        service.call('PUT', `/v1/startups/${startup.startupId}/funding-profile/seeking`, startup.seeking),
        200,
      );
    if ((index + 1) % 1000 === 0) progress(`${index + 1} of ${startups.length} startups known`);
  }
  progress(`${startups.length} startups known to funding matching in ${seconds(Date.now() - started)}`);
}

async function allMatched(service: ServiceProcess, funders: number, matches: number): Promise<void> {
  let reported = Date.now();
  await until(async () => {
    const stale = await staleFunders(service);
    if (Date.now() - reported > 30_000) {
      reported = Date.now();
      progress(
        `computing: ${funders - stale} of ${funders} funders' columns done (${matches} matches in all), RSS ${service.rssMb()} MB`,
      );
    }
    return stale === 0;
  }, 'every column');
}

async function staleFunders(service: ServiceProcess): Promise<number> {
  let stale = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = (await service.call('GET', `/v1/funders?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).body as {
      items: { matchesStale: boolean }[];
      nextCursor: string | null;
    };
    stale += page.items.filter((funder) => funder.matchesStale).length;
    cursor = page.nextCursor;
  }
  return stale;
}

async function latencies(count: number, pathOf: (read: number) => string, service: ServiceProcess): Promise<number[]> {
  const took: number[] = [];
  for (let read = 0; read < count; read++) {
    const begun = performance.now();
    await expectStatus(service.call('GET', pathOf(read)), 200);
    took.push(performance.now() - begun);
  }
  return took;
}

async function expectStatus(call: Promise<{ status: number; body: unknown }>, status: number): Promise<void> {
  const answer = await call;
  if (answer.status !== status)
    throw new Error(`bench: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 3 * 60 * 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return Date.now() - started;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
