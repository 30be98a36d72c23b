import { Injectable } from '@nestjs/common';
import { Clock } from '@technopark/platform';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryLanes } from './delivery-lanes';

/** A subscription's pending deliveries sent at once rather than at their next retry: on resume, or on request. */
@Injectable()
export class BacklogService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly deliveries: DeliveriesRepository,
    private readonly lanes: DeliveryLanes,
    private readonly clock: Clock,
  ) {}

  /** A suspended subscription active again, starting where it stopped. */
  async resume(partnerId: string, subscriptionId: string): Promise<Subscription> {
    const resumed = await this.subscriptions.resume(partnerId, subscriptionId);
    await this.dueNow(subscriptionId);
    return resumed;
  }

  /** What a partner asks once its endpoint is fixed; resolves to how many deliveries are due now. */
  async retryNow(partnerId: string, subscriptionId: string): Promise<number> {
    await this.subscriptions.inState(partnerId, subscriptionId, ['active', 'suspended'], 'retried now');
    return this.dueNow(subscriptionId);
  }

  private async dueNow(subscriptionId: string): Promise<number> {
    const due = await this.deliveries.dueNow(subscriptionId, this.clock.now());
    this.lanes.wake([subscriptionId]);
    return due;
  }
}
