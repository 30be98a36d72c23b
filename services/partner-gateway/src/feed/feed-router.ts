import { Injectable, Logger } from '@nestjs/common';
import { contractViolations, type EventContract } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import { HeldScopes } from '../consents/held-scopes';
import { DeliveriesRepository, type NewDelivery } from '../deliveries/deliveries.repository';
import { DeliveryLanes } from '../deliveries/delivery-lanes';
import { StartupDirectoryRepository } from '../directory/startup-directory.repository';
import { PartnersRepository } from '../partners/partners.repository';
import type { Partner } from '../partners/schemas/partner.schema';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { isWithinPartnerReach, passesFilters } from '../subscriptions/subscription-filter';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import type { FeedItem } from './feed-item';
import { FeedLogRepository } from './feed-log.repository';
import { feedItemsOf } from './partner-feed-items';
import type { FeedRecord } from './schemas/feed-record.schema';

/** A replay's deliveries are new ones, marked as such. */
export interface ReplayMark {
  readonly replayId: string;
}

/**
 * Turns one site event into the deliveries it owes: each partner-facing item is kept in the feed log
 * (for replays), then goes to every active subscription whose partner the startup consented to for
 * that scope, and whose filters it passes.
 */
@Injectable()
export class FeedRouter {
  private readonly logger = new Logger('feed-router');
  private lastSequence = 0;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly partners: PartnersRepository,
    private readonly heldScopes: HeldScopes,
    private readonly directory: StartupDirectoryRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly feedLog: FeedLogRepository,
    private readonly lanes: DeliveryLanes,
    private readonly clock: Clock,
  ) {}

  /** Logs what the event becomes and queues what it owes; resolves to how many deliveries that is. */
  async route(contract: EventContract, event: ReceivedEvent<object>): Promise<number> {
    const items = feedItemsOf(contract, event.data, event.site).filter((item) => this.keepsContract(item));
    const records = items.map((item, index) => this.recordOf(item, index, event));
    await this.feedLog.keep(records);
    return this.queue(records, await this.subscriptions.routed());
  }

  /** Queues the records each subscription is owed today (consent and filters as they stand now). */
  async queue(
    records: readonly FeedRecord[],
    subscriptions: readonly Subscription[],
    replay?: ReplayMark,
  ): Promise<number> {
    if (records.length === 0 || subscriptions.length === 0) return 0;
    const partners = new Map(
      (await this.partners.routing([...new Set(subscriptions.map((each) => each.partnerId))])).map((partner) => [
        partner._id,
        partner,
      ]),
    );
    const queued: NewDelivery[] = [];
    for (const record of records) queued.push(...(await this.deliveriesOf(record, subscriptions, partners, replay)));
    await this.deliveries.queue(queued, this.clock.now());
    this.lanes.wake(new Set(queued.map((delivery) => delivery.subscriptionId)));
    return queued.length;
  }

  private async deliveriesOf(
    record: FeedRecord,
    subscriptions: readonly Subscription[],
    partners: ReadonlyMap<string, Partner>,
    replay: ReplayMark | undefined,
  ): Promise<NewDelivery[]> {
    const startup = await this.directory.findById(record.payload.startupId);
    const queued: NewDelivery[] = [];
    for (const subscription of subscriptions) {
      const partner = partners.get(subscription.partnerId);
      if (!partner || !isWithinPartnerReach(record, partner)) continue;
      if (!passesFilters(subscription.filters, record, startup ?? undefined)) continue;
      if (!(await this.heldScopes.of(record.payload.startupId, partner._id)).includes(record.scope)) continue;
      queued.push(this.deliveryOf(record, subscription, replay));
    }
    return queued;
  }

  private deliveryOf(record: FeedRecord, subscription: Subscription, replay: ReplayMark | undefined): NewDelivery {
    const id = replay ? `${subscription._id}:${replay.replayId}:${record._id}` : `${subscription._id}:${record._id}`;
    const body = JSON.stringify({ id, type: record.type, timestamp: record.occurredAt, data: record.payload });
    return {
      _id: id,
      subscriptionId: subscription._id,
      partnerId: subscription.partnerId,
      startupId: record.payload.startupId,
      scope: record.scope,
      type: record.type,
      site: record.payload.site,
      sourceEventId: record.sourceEventId,
      occurredAt: record.occurredAt,
      body,
      sequence: this.nextSequence(),
      ...(replay && { replayId: replay.replayId }),
    };
  }

  private recordOf(item: FeedItem, index: number, event: ReceivedEvent<object>): FeedRecord {
    return {
      _id: `${event.id}:${index}`,
      sourceEventId: event.id,
      sequence: this.nextSequence(),
      type: item.contract.type,
      scope: item.scope,
      payload: item.payload,
      ...(item.programId && { programId: item.programId }),
      ...(item.programPartnerId && { programPartnerId: item.programPartnerId }),
      occurredAt: new Date(event.time),
      createdAt: this.clock.now(),
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
