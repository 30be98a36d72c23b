import { createKafkaClient } from '@technopark/messaging';
import { up } from '@technopark/infra';
import { backboneRun, type BackboneFigures } from './backbone-run';
import { kafkaCeiling } from './kafka-ceiling';
import { median, progress } from './measure';
import { mongoCeiling } from './mongo-ceiling';
import { stockTransportRun } from './stock-transport-run';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const SIZE = { kafkaMessages: 20_000, mongoWrites: 2_000, backboneEvents: 1_000, stockEvents: 1_000 };
/** State write, outbox clear, effect with its dedupe marker. */
const BACKBONE_WRITES_PER_EVENT = 3;

/** `npm run bench -- backbone`: ceilings, the backbone, the stock transport; medians of RUNS runs. */
export async function benchBackbone(): Promise<void> {
  const { kafkaBrokers: brokers, mongoUrl } = await up();
  const kafka = createKafkaClient({ brokers: brokers.split(','), clientId: 'bench' });
  const connection = { brokers, mongoUrl };
  const repeat = async <T>(name: string, run: () => Promise<T>): Promise<T[]> => {
    const results: T[] = [];
    for (let index = 1; index <= RUNS; index += 1) {
      results.push(await run());
      progress(
        `${name} run ${index}/${RUNS}: ${JSON.stringify(results.at(-1), (_key, value) => (typeof value === 'number' ? Math.round(value) : value))}`,
      );
    }
    return results;
  };
  const kafkaPerSecond = median(
    await repeat('kafka ceiling (1 KB records/s)', () => kafkaCeiling(kafka, SIZE.kafkaMessages)),
  );
  const mongoPerSecond = median(
    await repeat('mongo ceiling (1 KB writes/s)', () => mongoCeiling(mongoUrl, SIZE.mongoWrites)),
  );
  const saturated = median(
    (await repeat('backbone at saturation (events/s)', () => backboneRun(connection, SIZE.backboneEvents))).map(
      (run) => run.eventsPerSecond,
    ),
  );
  const offered = Math.max(1, Math.floor(saturated * 0.5));
  const paced = await repeat(`backbone at ${offered} events/s offered`, () =>
    backboneRun(connection, Math.min(SIZE.backboneEvents, offered * 20), offered),
  );
  const stockPerSecond = median(
    await repeat('stock Nest Kafka transport (events/s)', () => stockTransportRun(kafka, connection, SIZE.stockEvents)),
  );
  report({ kafkaPerSecond, mongoPerSecond, saturated, offered, paced, stockPerSecond });
  process.exit(0);
}

function report(figures: {
  kafkaPerSecond: number;
  mongoPerSecond: number;
  saturated: number;
  offered: number;
  paced: BackboneFigures[];
  stockPerSecond: number;
}): void {
  const { kafkaPerSecond, mongoPerSecond, saturated, offered, paced, stockPerSecond } = figures;
  const lowerCeiling = Math.min(kafkaPerSecond, mongoPerSecond);
  const backboneWrites = saturated * BACKBONE_WRITES_PER_EVENT;
  const lines = [
    '',
    `raw Kafka produce→consume (1 KB, batched, eachBatch):  ${kafkaPerSecond.toFixed(0)} records/s`,
    `raw MongoDB-protocol writes (1 KB, unique index):       ${mongoPerSecond.toFixed(0)} writes/s`,
    `backbone at saturation:                                 ${saturated.toFixed(0)} events/s = ${backboneWrites.toFixed(0)} writes/s (${BACKBONE_WRITES_PER_EVENT} per event)`,
    `backbone at ${offered} events/s offered:                  ${median(paced.map((run) => run.eventsPerSecond)).toFixed(0)} events/s, p50 ${median(paced.map((run) => run.p50Ms)).toFixed(0)} ms, p99 ${median(paced.map((run) => run.p99Ms)).toFixed(0)} ms`,
    `stock @nestjs/microservices Kafka transport:            ${stockPerSecond.toFixed(0)} events/s`,
    '',
    `backbone writes / lower ceiling:  ${((backboneWrites / lowerCeiling) * 100).toFixed(0)}% (aim ≥ 50%)`,
    `backbone / stock transport:       ${(saturated / stockPerSecond).toFixed(2)}× (aim ≥ 3×)`,
    `(medians of ${RUNS} runs)`,
  ];
  progress(lines.join('\n'));
}
