import { Injectable, Logger } from '@nestjs/common';
import { contractViolations, type EventContract } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import { scopesHeld } from '../consents/consent-rules';
import { ConsentsRepository } from '../consents/consents.repository';
import { type NewDelivery, DeliveriesRepository } from '../deliveries/deliveries.repository';
import { StartupDirectoryRepository } from '../directory/startup-directory.repository';
import { PartnersRepository } from '../partners/partners.repository';
import type { Partner } from '../partners/schemas/partner.schema';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { isWithinPartnerReach, passesFilters } from '../subscriptions/subscription-filter';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import type { FeedItem } from './feed-item';
import { feedItemsOf } from './partner-feed-items';

/**
 * Turns one site event into the deliveries it owes: each partner-facing item goes to every active
 * subscription whose partner the startup consented to for that scope, and whose filters it passes.
 */
@Injectable()
export class FeedRouter {
  private readonly logger = new Logger('feed-router');
  private lastSequence = 0;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly partners: PartnersRepository,
    private readonly consents: ConsentsRepository,
    private readonly directory: StartupDirectoryRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly clock: Clock,
  ) {}

  /** Queues what the event owes; resolves to how many deliveries that is. */
  async route(contract: EventContract, event: ReceivedEvent<object>): Promise<number> {
    const items = feedItemsOf(contract, event.data, event.site).filter((item) => this.keepsContract(item));
    if (items.length === 0) return 0;
    const subscriptions = await this.subscriptions.active();
    if (subscriptions.length === 0) return 0;
    const partners = new Map(
      (await this.partners.findByIds([...new Set(subscriptions.map((each) => each.partnerId))])).map((partner) => [
        partner._id,
        partner,
      ]),
    );
    const queued: NewDelivery[] = [];
    for (const [index, item] of items.entries())
      queued.push(...(await this.deliveriesOf(item, `${event.id}:${index}`, event, subscriptions, partners)));
    await this.deliveries.queue(queued, this.clock.now());
    return queued.length;
  }

  private async deliveriesOf(
    item: FeedItem,
    messageId: string,
    event: ReceivedEvent<object>,
    subscriptions: readonly Subscription[],
    partners: ReadonlyMap<string, Partner>,
  ): Promise<NewDelivery[]> {
    const startup = await this.directory.findById(item.payload.startupId);
    const queued: NewDelivery[] = [];
    for (const subscription of subscriptions) {
      const partner = partners.get(subscription.partnerId);
      if (
        !partner ||
        !isWithinPartnerReach(item, partner) ||
        !passesFilters(subscription.filters, item, startup ?? undefined)
      )
        continue;
      const consent = await this.consents.find(item.payload.startupId, partner._id);
      if (!scopesHeld(consent, startup?.sharingFlag).includes(item.scope)) continue;
      queued.push(this.deliveryOf(item, `${subscription._id}:${messageId}`, subscription, event));
    }
    return queued;
  }

  private deliveryOf(
    item: FeedItem,
    id: string,
    subscription: Subscription,
    event: ReceivedEvent<object>,
  ): NewDelivery {
    const body = JSON.stringify({ id, type: item.contract.type, timestamp: event.time, data: item.payload });
    return {
      _id: id,
      subscriptionId: subscription._id,
      partnerId: subscription.partnerId,
      startupId: item.payload.startupId,
      scope: item.scope,
      type: item.contract.type,
      site: item.payload.site,
      sourceEventId: event.id,
      occurredAt: new Date(event.time),
      body,
      sequence: this.nextSequence(),
    };
  }

  /** A partner never receives what breaks its contract: such an item is left out and logged, the others go. */
  private keepsContract(item: FeedItem): boolean {
    const violations = contractViolations(item.contract, item.payload);
    if (violations.length > 0)
      this.logger.error({
        msg: 'partner-facing item breaks its contract; not delivered',
        type: item.contract.type,
        violations,
      });
    return violations.length === 0;
  }

  /** Increasing within the process and across restarts (it starts from the clock). */
  private nextSequence(): number {
    this.lastSequence = Math.max(this.lastSequence + 1, this.clock.now().getTime() * 1000);
    return this.lastSequence;
  }
}
