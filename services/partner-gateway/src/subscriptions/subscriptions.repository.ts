import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, UpdateQuery } from 'mongoose';
import { Subscription } from './schemas/subscription.schema';

/**
 * The only place that touches the subscriptions collection. The subscriptions events are routed to
 * are read for every event: they are kept in memory, and every status change made here forgets them
 * (this process is their only writer: the gateway runs as one replica).
 */
@Injectable()
export class SubscriptionsRepository {
  private routable?: Promise<Subscription[]>;

  constructor(@InjectModel(Subscription.name) private readonly subscriptions: Model<Subscription>) {}

  async insert(subscription: Omit<Subscription, 'createdAt' | 'updatedAt'>): Promise<Subscription> {
    const created = (await this.subscriptions.create(subscription)).toObject();
    this.routable = undefined;
    return created;
  }

  /** Applies a change to the subscription as it was read; null when someone changed it first. */
  async change(
    read: Pick<Subscription, '_id' | 'version'>,
    update: UpdateQuery<Subscription>,
  ): Promise<Subscription | null> {
    const write = versionedWrite(read, update);
    const changed = await this.subscriptions
      .findOneAndUpdate(write.filter, write.update, { returnDocument: 'after' })
      .lean<Subscription>();
    this.routable = undefined;
    return changed;
  }

  /** Subscriptions events are queued for: active ones, and suspended ones (they resume where they stopped). */
  routed(): Promise<Subscription[]> {
    this.routable ??= this.subscriptions
      .find({ status: { $in: ['active', 'suspended'] } })
      .lean<Subscription[]>()
      .catch((error: unknown) => {
        this.routable = undefined;
        throw error;
      });
    return this.routable;
  }

  find(partnerId: string, subscriptionId: string): Promise<Subscription | null> {
    return this.subscriptions.findOne({ _id: subscriptionId, partnerId }).lean<Subscription>();
  }

  ofPartner(partnerId: string, page: PageRequest): Promise<Page<Subscription>> {
    return findPage(this.subscriptions, { partnerId }, page);
  }

  /** A partner's subscriptions that are not ended, oldest first: what its AsyncAPI document describes. */
  current(partnerId: string): Promise<Subscription[]> {
    return this.subscriptions
      .find({ partnerId, status: { $in: ['active', 'suspended'] } })
      .sort({ createdAt: 1 })
      .lean<Subscription[]>();
  }

  /** The partner's Kafka subscription that still writes to its topic, if any. */
  liveOnKafka(partnerId: string): Promise<Subscription | null> {
    return this.subscriptions
      .findOne({ partnerId, 'delivery.kind': 'kafka', status: { $in: ['active', 'suspended'] } })
      .lean<Subscription>();
  }

  /** A delivery went through: the subscription is healthy again. */
  async markSucceeded(id: string, at: Date): Promise<void> {
    await this.subscriptions.updateOne(
      { _id: id },
      { $set: { lastSuccessAt: at }, $unset: { failingSince: '', lastFailure: '' } },
    );
  }

  /** A delivery failed for `reason`: resolves to when the subscription started failing (now, if it was healthy). */
  async markFailing(id: string, at: Date, reason: string): Promise<Date> {
    await this.subscriptions.updateOne({ _id: id, failingSince: { $exists: false } }, { $set: { failingSince: at } });
    // The whole document comes back: FerretDB has no projection on findAndModify.
    const read = await this.subscriptions
      .findOneAndUpdate({ _id: id }, { $set: { lastFailure: reason } }, { returnDocument: 'after' })
      .lean<Subscription>();
    return read?.failingSince ?? at;
  }

  /** Active subscriptions failing since `cutoff` or earlier, with no success since. */
  failingSince(cutoff: Date): Promise<Subscription[]> {
    return this.subscriptions.find({ status: 'active', failingSince: { $lte: cutoff } }).lean<Subscription[]>();
  }

  /** Suspends an active subscription unless a delivery went through since it was read failing since `failingSince`. */
  async suspendStillFailing(id: string, failingSince: Date, reason: string): Promise<boolean> {
    const result = await this.subscriptions.updateOne(
      { _id: id, status: 'active', failingSince },
      { $set: { status: 'suspended', statusReason: reason }, $inc: { version: 1 } },
    );
    this.routable = undefined;
    return result.modifiedCount === 1;
  }

  /** Ends an active subscription (its receiver said it is gone), with the reason. */
  async end(id: string, reason: string): Promise<void> {
    await this.subscriptions.updateOne(
      { _id: id, status: 'active' },
      { $set: { status: 'ended', statusReason: reason }, $inc: { version: 1 } },
    );
    this.routable = undefined;
  }
}
