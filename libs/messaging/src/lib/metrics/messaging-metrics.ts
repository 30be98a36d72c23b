import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the backbone exposes to Prometheus; one instance per service registry. */
export class MessagingMetrics {
  readonly produced: Counter<'topic'>;
  readonly consumed: Counter<'topic' | 'type' | 'outcome'>;
  readonly handlerSeconds: Histogram<'type'>;
  readonly retries: Counter<'type'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly outboxPublishSeconds: Histogram;
  readonly pausedPartitions: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    this.produced = new Counter({
      name: 'technopark_events_produced_total',
      help: 'Events acknowledged by the brokers',
      labelNames: ['topic'],
      registers,
    });
    this.consumed = new Counter({
      name: 'technopark_events_consumed_total',
      help: 'Events read, by outcome: handled, duplicate, ignored (no handler) or dead_lettered',
      labelNames: ['topic', 'type', 'outcome'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'technopark_event_handler_duration_seconds',
      help: 'Time a handler took, retries included',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers,
    });
    this.retries = new Counter({
      name: 'technopark_event_handler_retries_total',
      help: 'Handler attempts repeated after a transient failure',
      labelNames: ['type'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'technopark_events_dead_lettered_total',
      help: 'Events sent to a dead-letter topic',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'technopark_consumer_lag',
      help: 'Records behind the partition end after the last batch',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.outboxPublishSeconds = new Histogram({
      name: 'technopark_outbox_publish_delay_seconds',
      help: 'Time from the state change to the broker acknowledgement',
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers,
    });
    this.pausedPartitions = new Gauge({
      name: 'technopark_consumer_paused_partitions',
      help: 'Partitions paused because a dependency is away',
      registers,
    });
  }
}
