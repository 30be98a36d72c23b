import { Injectable } from '@nestjs/common';
import { Clock } from '@technopark/platform';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { PartnersService } from '../partners/partners.service';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { deliveryHealthOf } from './delivery-health';
import type { PartnerStatusView, SubscriptionHealthView } from './partner-status.view';

/** Deliveries of each subscription read for its figures. */
const SAMPLE = 200;

/** A partner's health at a glance: each subscription's state, lag, failures and latency. */
@Injectable()
export class PartnerStatusService {
  constructor(
    private readonly partners: PartnersService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly clock: Clock,
  ) {}

  async statusOf(partnerId: string): Promise<PartnerStatusView> {
    const partner = await this.partners.get(partnerId);
    const subscriptions = await this.subscriptions.current(partnerId);
    const now = this.clock.now();
    const health: SubscriptionHealthView[] = [];
    for (const subscription of subscriptions) health.push(await this.healthOf(subscription, now));
    return { partnerId, name: partner.name, generatedAt: now, sampleSize: SAMPLE, subscriptions: health };
  }

  private async healthOf(subscription: Subscription, now: Date): Promise<SubscriptionHealthView> {
    const [pending, dead, latest] = await Promise.all([
      this.deliveries.countIn(subscription._id, 'pending'),
      this.deliveries.countIn(subscription._id, 'dead'),
      this.deliveries.latest(subscription._id, SAMPLE),
    ]);
    // The oldest pending delivery may be older than the sample: the lag is read from it.
    const oldestPending = pending > 0 ? await this.deliveries.pending(subscription._id, 1) : [];
    const sampled = new Set(latest.map((delivery) => delivery._id));
    const figures = deliveryHealthOf(
      [...latest, ...oldestPending.filter((delivery) => !sampled.has(delivery._id))],
      now,
    );
    return {
      subscriptionId: subscription._id,
      ...(subscription.description && { description: subscription.description }),
      destination: subscription.delivery.kind === 'kafka' ? subscription.delivery.topic : subscription.delivery.url,
      status: subscription.status,
      ...(subscription.statusReason && { statusReason: subscription.statusReason }),
      ...(subscription.lastSuccessAt && { lastSuccessAt: subscription.lastSuccessAt }),
      ...(subscription.failingSince && { failingSince: subscription.failingSince }),
      pending,
      dead,
      ...figures,
    };
  }
}
