import { up } from '@technopark/infra';
import { bearer } from '@technopark/security/testing';
import { percentile, progress } from '../backbone/measure';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';

const SEATS = Number(process.env['BENCH_STORM_SEATS'] ?? 300);
const REGISTRANTS = Number(process.env['BENCH_STORM_REGISTRANTS'] ?? 2_000);
/** Requests in flight at once: a crowd of phones on the opening minute. */
const IN_FLIGHT = Number(process.env['BENCH_STORM_IN_FLIGHT'] ?? 50);
/** Door scanners working at once. */
const SCANNERS = 4;
const HOUR = 3_600_000;

interface Registered {
  readonly id: string;
  readonly status: string;
  readonly position?: number;
  readonly checkInCode?: string;
}

/**
 * `npm run bench -- registrations`: a registration storm on one event over HTTP (exactly the seats
 * confirmed, the rest waitlisted, nobody twice), cancellations promoting the waiting list, and
 * check-in at the door (each code admitted once).
 */
export async function benchRegistrations(): Promise<void> {
  const service = await startServiceProcess('events', await up(), {
    CHECK_IN_SECRET: 'bench-check-in-secret-0123456789abcdefgh',
  });
  try {
    const eventId = await publishedEvent(service);
    const people = await Promise.all(
      Array.from({ length: REGISTRANTS }, async (_, index) =>
        bearer(await service.tokens.forRole('individual', service.site, { subject: `bench-person-${index}` })),
      ),
    );
    progress(`storm: ${REGISTRANTS} registrations for ${SEATS} seats, ${IN_FLIGHT} in flight`);
    const started = performance.now();
    const took: number[] = [];
    const answers = await inFlight(people, IN_FLIGHT, async (person) => {
      const begun = performance.now();
      const answer = await service.call('POST', `/v1/events/${eventId}/registrations`, {}, person);
      took.push(performance.now() - begun);
      if (answer.status !== 201)
        throw new Error(`bench: registration answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body as Registered;
    });
    const stormSeconds = (performance.now() - started) / 1000;
    const confirmed = answers.filter((answer) => answer.status === 'confirmed');
    const waitlisted = answers.filter((answer) => answer.status === 'waitlisted');
    const positions = new Set(waitlisted.map((answer) => answer.position));
    const distinct = new Set(answers.map((answer) => answer.id)).size;
    assert(confirmed.length === SEATS, `${confirmed.length} confirmed, not ${SEATS}`);
    assert(waitlisted.length === REGISTRANTS - SEATS, `${waitlisted.length} waitlisted`);
    assert(distinct === REGISTRANTS, `${distinct} distinct registrations`);
    assert(positions.size === waitlisted.length, 'waiting-list positions repeat');
    // Each answer is the registration's settled state; none may be left pending behind it.
    assert((await pendingCount(service, eventId)) === 0, 'registrations left pending after their answer');
    progress(
      `storm: ${confirmed.length} confirmed, ${waitlisted.length} waitlisted, none twice, every one settled when answered, ` +
        `in ${stormSeconds.toFixed(1)} s (${(REGISTRANTS / stormSeconds).toFixed(0)}/s); latency p50 ${percentile(took, 50).toFixed(0)} ms, p99 ${percentile(took, 99).toFixed(0)} ms`,
    );

    const leaving = confirmed.slice(0, 50);
    const cancelStarted = performance.now();
    await inFlight(leaving, 10, async (registration) => {
      const index = answers.indexOf(registration);
      const answer = await service.call(
        'POST',
        `/v1/events/${eventId}/registrations/${registration.id}/cancel`,
        undefined,
        people[index],
      );
      if (answer.status !== 200) throw new Error(`bench: cancel answered ${answer.status}`);
    });
    const event = (await service.call('GET', `/v1/public/events/${eventId}`)).body as {
      seatsLeft: number;
      waitlisted: number;
    };
    assert(
      event.seatsLeft === 0 && event.waitlisted === REGISTRANTS - SEATS - 50,
      `after 50 cancellations: ${JSON.stringify(event)}`,
    );
    progress(
      `cancellations: 50, each promoting the next in line, in ${((performance.now() - cancelStarted) / 1000).toFixed(1)} s`,
    );

    const codes = confirmed.slice(50).map((registration) => registration.checkInCode as string);
    const scanStarted = performance.now();
    await inFlight(codes, SCANNERS, async (code) => {
      const answer = await service.call('POST', `/v1/events/${eventId}/check-ins`, { code });
      if (answer.status !== 201)
        throw new Error(`bench: check-in answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    });
    const scansPerSecond = codes.length / ((performance.now() - scanStarted) / 1000);
    const again = await inFlight(
      codes.slice(0, 50),
      SCANNERS,
      async (code) => (await service.call('POST', `/v1/events/${eventId}/check-ins`, { code })).status,
    );
    assert(
      again.every((status) => status === 409),
      'a code was admitted twice',
    );
    progress(
      `check-in: ${codes.length} codes by ${SCANNERS} scanners at ${scansPerSecond.toFixed(1)} scans/s; 50 second scans, all refused (409); RSS ${service.rssMb()} MB`,
    );
  } finally {
    await service.close();
  }
  process.exit(0);
}

async function publishedEvent(service: ServiceProcess): Promise<string> {
  const now = Date.now();
  const created = await service.call('POST', '/v1/events', {
    kind: 'demo-day',
    title: { fr: 'Demo day', en: 'Demo day' },
    startsAt: new Date(now + 48 * HOUR).toISOString(),
    endsAt: new Date(now + 52 * HOUR).toISOString(),
    capacity: SEATS,
    registrationOpensAt: new Date(now - HOUR).toISOString(),
    registrationClosesAt: new Date(now + 47 * HOUR).toISOString(),
    eligibility: 'public',
    onlineUrl: 'https://meet.example.ma/demo-day',
  });
  const id = (created.body as { id: string }).id;
  const published = await service.call('POST', `/v1/events/${id}/publish`);
  assert(published.status === 200, `publish answered ${published.status}`);
  return id;
}

/** Registrations of the event still pending (written, their seats not yet decided). */
async function pendingCount(service: ServiceProcess, eventId: string): Promise<number> {
  let pending = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = (
      await service.call('GET', `/v1/events/${eventId}/registrations?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    ).body as { items: Registered[]; nextCursor: string | null };
    pending += page.items.filter((registration) => registration.status === 'pending').length;
    cursor = page.nextCursor;
  }
  return pending;
}

/** Runs `work` over the items with at most `limit` at once, answers in the items' order. */
async function inFlight<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

function assert(condition: boolean, problem: string): void {
  if (!condition) throw new Error(`bench: ${problem}`);
}
