import { ProbeConsumer, ProbeWriter, startProbeApp } from '@technopark/messaging/testing';
import { percentile, until } from './measure';

export interface BackboneFigures {
  readonly eventsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const AGGREGATES = 100;
const PADDING = 900;

/**
 * The whole backbone with every guarantee on: state write + outbox in one document, idempotent
 * producer, batch consumer, idempotent effect (dedupe marker in the effect's write), offsets
 * committed after the effect. `offeredPerSecond` undefined = as fast as it goes (saturation).
 */
export async function backboneRun(
  connection: { mongoUrl: string; brokers: string },
  events: number,
  offeredPerSecond?: number,
): Promise<BackboneFigures> {
  const site = `bench-${Date.now().toString(36)}`;
  const writer = await startProbeApp({ role: 'writer', site, ...connection });
  const reader = await startProbeApp({ role: 'reader', site, ...connection });
  const latencies: number[] = [];
  const writtenAt = new Map<string, number>();
  ProbeConsumer.onApplied = (event) =>
    latencies.push(Date.now() - (writtenAt.get(`${event.data.probeId}/${event.data.sequence}`) ?? Date.now()));
  try {
    const probes = writer.get(ProbeWriter);
    await probes.record('warm-up', 1, undefined, PADDING);
    await until(async () => latencies.length >= 1, 60_000, 'the consumer to join its group');
    latencies.length = 0;
    const started = Date.now();
    await writeEvents(probes, events, writtenAt, offeredPerSecond);
    await until(async () => latencies.length >= events, 600_000, 'every effect');
    const eventsPerSecond = events / ((Date.now() - started) / 1000);
    return { eventsPerSecond, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
  } finally {
    ProbeConsumer.onApplied = undefined;
    await reader.close();
    await writer.close();
  }
}

/** Each aggregate's events in sequence; aggregates in parallel; paced when a rate is offered. */
async function writeEvents(
  probes: ProbeWriter,
  events: number,
  writtenAt: Map<string, number>,
  offeredPerSecond?: number,
): Promise<void> {
  const started = Date.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: AGGREGATES }, async (_, aggregate) => {
      for (let sequence = 1; aggregate + (sequence - 1) * AGGREGATES < events; sequence += 1) {
        if (offeredPerSecond) {
          const due = started + (issued++ / offeredPerSecond) * 1000;
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
        }
        writtenAt.set(`bench-${aggregate}/${sequence}`, Date.now());
        await probes.record(`bench-${aggregate}`, sequence, undefined, PADDING);
      }
    }),
  );
}
