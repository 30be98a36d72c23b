import { testKafka } from '@technopark/testing';
import type { FaultSite, FaultSiteService } from './fault-site';
import { injectPoison, type Poison } from './poison';

/** What a fault left to check besides the ledger: how long the site took to be whole again, and the poison it injected. */
export interface FaultOutcome {
  /** From the end of the fault until the part it hit was ready again, ms (the longest when it hit several times). */
  readonly recoveryMs: number;
  readonly poisons?: readonly Poison[];
  /** When the fault held fully, if narrower than the whole injection (which may include stopping and starting servers). */
  readonly outage?: { readonly from: number; readonly to: number };
}

export interface Scenario {
  readonly id: string;
  readonly fault: string;
  readonly mustHold: string;
  /** Client answers a scenario tolerates besides 2xx (0: no answer); none for a fault the writer does not see. */
  readonly toleratedStatuses: readonly number[];
  /** The scenario strikes HQ or the link to it: the suite then runs an HQ cell too. */
  readonly needsHq?: boolean;
  inject(site: FaultSite, progress: (line: string) => void): Promise<FaultOutcome>;
  /** What else the scenario promises of the site's latencies: each promise broken, or none. */
  latencyPromise?(p99: { beforeMs: number; duringMs: number }): string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** F1: consumers killed with `kill -9` while events flow, each restarted at once. */
export function consumerKills(times: number): Scenario {
  const services: FaultSiteService[] = ['residency', 'analytics'];
  return {
    id: 'F1',
    fault: `kill -9 a consuming service mid-batch (${services.join(', then ')}), ${times} times each, restarted`,
    mustHold: '0 lost, 0 duplicate effects',
    toleratedStatuses: [],
    async inject(site, progress) {
      let recoveryMs = 0;
      for (const service of services)
        for (let kill = 1; kill <= times; kill += 1) {
          // A moment inside a batch: events are flowing all the time the clients run.
          await sleep(1_500 + Math.random() * 2_500);
          await site.kill(service);
          const killedAt = Date.now();
          progress(`F1: ${service} killed (${kill}/${times}); restarting it`);
          await site.restart(service);
          recoveryMs = Math.max(recoveryMs, Date.now() - killedAt);
        }
      return { recoveryMs };
    },
  };
}

/** F2: the writing service killed with `kill -9` while it answers 2xx, then restarted: its outbox publishes what it accepted. */
export function writerKills(times: number): Scenario {
  return {
    id: 'F2',
    fault: `kill -9 the writing service (applications) under load, ${times} times, restarted`,
    mustHold: "every 2xx write's events published (outbox relay); requests meanwhile get no answer, never a 500",
    toleratedStatuses: [0],
    async inject(site, progress) {
      let recoveryMs = 0;
      for (let kill = 1; kill <= times; kill += 1) {
        await sleep(1_000 + Math.random() * 2_000);
        await site.kill('applications');
        const killedAt = Date.now();
        progress(`F2: applications killed (${kill}/${times}); restarting it`);
        await site.restart('applications');
        recoveryMs = Math.max(recoveryMs, Date.now() - killedAt);
      }
      return { recoveryMs };
    },
  };
}

/** F6: the site's replication to HQ killed with `kill -9` and restarted, then the link cut for a while. */
export function replicationFaults(cutSeconds: number): Scenario {
  return {
    id: 'F6',
    fault: `replication (site → HQ) killed with kill -9 and restarted; then the link cut ${cutSeconds} s`,
    mustHold: 'national figures exact after catch-up',
    toleratedStatuses: [],
    needsHq: true,
    async inject(site, progress) {
      await site.stopReplication({ kill: true });
      progress('F6: MirrorMaker 2 killed; restarting it');
      await site.startReplication();
      await sleep(3_000 + Math.random() * 2_000);
      await site.stopReplication();
      progress(`F6: the link cut for ${cutSeconds} s`);
      await sleep(cutSeconds * 1_000);
      const restoredAt = Date.now();
      await site.startReplication();
      progress('F6: the link restored');
      return { recoveryMs: Date.now() - restoredAt };
    },
  };
}

/** F7: the whole HQ cell down (its analytics, broker and database) while the site works. */
export function hqOutage(seconds: number): Scenario {
  return {
    id: 'F7',
    fault: `the HQ cell down ${seconds} s (national analytics, broker, database)`,
    mustHold: "the site unaffected (its HTTP p99 within 2× the baseline's); HQ exact after",
    toleratedStatuses: [],
    needsHq: true,
    async inject(site, progress) {
      await site.stopHq();
      const downAt = Date.now();
      progress(`F7: HQ down for ${seconds} s`);
      await sleep(seconds * 1_000);
      const backAt = Date.now();
      await site.startHq();
      progress('F7: HQ back');
      // The site's latency is judged while HQ is down, not while its servers stop and start on the same two cores.
      return { recoveryMs: Date.now() - backAt, outage: { from: downAt, to: backAt } };
    },
    latencyPromise: ({ beforeMs, duringMs }) =>
      duringMs > 2 * beforeMs ? [`the site's p99 during the outage ${duringMs} ms, over 2 × ${beforeMs} ms`] : [],
  };
}

/** F9: a rebalance storm: the consumers of one group stopped and started again in a loop. */
export function rebalanceStorm(restarts: number): Scenario {
  return {
    id: 'F9',
    fault: `rebalance storm: analytics (one consumer group) stopped and started ${restarts} times in a row`,
    mustHold: '0 lost, 0 duplicate effects, the lag bounded (the ledger agrees within the catch-up)',
    toleratedStatuses: [],
    async inject(site, progress) {
      let recoveryMs = 0;
      for (let restart = 1; restart <= restarts; restart += 1) {
        const stoppedAt = Date.now();
        await site.restart('analytics', { graceful: true });
        recoveryMs = Math.max(recoveryMs, Date.now() - stoppedAt);
        progress(`F9: analytics restarted (${restart}/${restarts})`);
      }
      return { recoveryMs };
    },
  };
}

/** F3: the site's broker stopped under load, then started again. */
export function brokerOutage(seconds: number): Scenario {
  const id = seconds === 5 ? 'F3' : `F3-${seconds}s`;
  return {
    id,
    fault: `the site's Kafka broker stopped ${seconds} s under load`,
    mustHold: 'writes keep answering 2xx (outbox); every event delivered after; 0 good events dead-lettered',
    toleratedStatuses: [],
    async inject(site, progress) {
      await site.stopBroker();
      progress(`${id}: broker stopped for ${seconds} s`);
      await sleep(seconds * 1_000);
      const restartedAt = Date.now();
      await site.startBroker();
      progress(`${id}: broker started again`);
      return { recoveryMs: Date.now() - restartedAt };
    },
  };
}

/** F4: the database paused (SIGSTOP): it keeps its connections and answers nothing. */
export function databasePause(seconds: number): Scenario {
  return {
    id: 'F4',
    fault: `the site's database paused (SIGSTOP) ${seconds} s`,
    mustHold: 'requests fail cleanly (503 or no answer, never a 500); nothing half-written; recovery without restart',
    toleratedStatuses: [0, 503],
    async inject(site, progress) {
      site.pauseDatabase(true);
      progress(`F4: database paused for ${seconds} s`);
      await sleep(seconds * 1_000);
      site.pauseDatabase(false);
      const resumedAt = Date.now();
      progress('F4: database resumed');
      return { recoveryMs: await untilReady(site, resumedAt) };
    },
  };
}

/** F5: poison records on every topic the site's services consume. */
export function poisonRecords(): Scenario {
  return {
    id: 'F5',
    fault: 'poison records (no envelope; not JSON; a payload breaking its contract) on every consumed topic',
    mustHold: 'the dead-letter topics hold exactly them, with reason codes; their neighbours processed',
    toleratedStatuses: [],
    async inject(site, progress) {
      const poisons = await injectPoison(testKafka(site.brokers), site.site);
      progress(`F5: ${poisons.length} poison records injected on ${new Set(poisons.map((p) => p.topic)).size} topics`);
      return { recoveryMs: 0, poisons };
    },
  };
}

/** Milliseconds from `since` until every service answers ready; fails after five minutes. */
async function untilReady(site: FaultSite, since: number): Promise<number> {
  while (Date.now() - since < 300_000) {
    const answers = await Promise.all(
      (['applications', 'residency', 'analytics'] as const).map((service) =>
        fetch(`${site.url(service)}/health/ready`, { signal: AbortSignal.timeout(2_000) })
          .then((response) => response.status)
          .catch(() => 0),
      ),
    );
    if (answers.every((status) => status === 200)) return Date.now() - since;
    await sleep(500);
  }
  throw new Error(`the services of ${site.site} were not ready 5 minutes after the fault`);
}

/** Every scenario by id; `quick`: the set `npm test` runs (F1 twice per service, F3 at 5 s, F5). */
export function scenarioSet(quick: boolean): Scenario[] {
  if (quick) return [consumerKills(2), brokerOutage(5), poisonRecords()];
  return [
    consumerKills(5),
    writerKills(3),
    brokerOutage(5),
    brokerOutage(30),
    brokerOutage(120),
    databasePause(60),
    poisonRecords(),
    replicationFaults(120),
    hqOutage(180),
    rebalanceStorm(5),
  ];
}
