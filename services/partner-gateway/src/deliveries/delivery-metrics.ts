import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@technopark/platform';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { SUBSCRIPTION_STATUSES } from '../subscriptions/schemas/subscription.schema';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

/** What the gateway tells Prometheus about its deliveries, per partner. */
@Injectable()
export class DeliveryMetrics {
  /** Each turn of a delivery by what came of it: delivered, failed (retried or dead), gone (410), withheld (consent revoked). */
  readonly attempts: Counter<'partner' | 'outcome'>;
  /** From the event at its site to the receiver's 2xx. */
  readonly latency: Histogram<'partner'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry, subscriptions: SubscriptionsRepository) {
    const registers = [registry];
    this.attempts = new Counter({
      name: 'technopark_partner_delivery_attempts_total',
      help: 'Webhook delivery attempts by partner and outcome (delivered, failed, gone, withheld)',
      labelNames: ['partner', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'technopark_partner_delivery_latency_seconds',
      help: "From an event at its site to the partner receiver's 2xx",
      labelNames: ['partner'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
      registers,
    });
    new Gauge({
      name: 'technopark_partner_subscriptions',
      help: 'Subscriptions that are not ended, by status (a suspended one needs its partner)',
      labelNames: ['status'],
      registers,
      async collect() {
        const routed = await subscriptions.routed();
        for (const status of SUBSCRIPTION_STATUSES.filter((each) => each !== 'ended'))
          this.set({ status }, routed.filter((subscription) => subscription.status === status).length);
      },
    });
  }
}
