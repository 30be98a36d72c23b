import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, UpdateQuery } from 'mongoose';
import { Subscription } from './schemas/subscription.schema';

/** The only place that touches the subscriptions collection. */
@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectModel(Subscription.name) private readonly subscriptions: Model<Subscription>) {}

  async insert(subscription: Omit<Subscription, 'createdAt' | 'updatedAt'>): Promise<Subscription> {
    return (await this.subscriptions.create(subscription)).toObject();
  }

  /** Applies a change to the subscription as it was read; null when someone changed it first. */
  change(read: Pick<Subscription, '_id' | 'version'>, update: UpdateQuery<Subscription>): Promise<Subscription | null> {
    const write = versionedWrite(read, update);
    return this.subscriptions
      .findOneAndUpdate(write.filter, write.update, { returnDocument: 'after' })
      .lean<Subscription>();
  }

  find(partnerId: string, subscriptionId: string): Promise<Subscription | null> {
    return this.subscriptions.findOne({ _id: subscriptionId, partnerId }).lean<Subscription>();
  }

  findById(subscriptionId: string): Promise<Subscription | null> {
    return this.subscriptions.findById(subscriptionId).lean<Subscription>();
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

  /** Subscriptions that deliver: routing and the delivery lanes read them. */
  active(): Promise<Subscription[]> {
    return this.subscriptions.find({ status: 'active' }).lean<Subscription[]>();
  }

  /** A delivery went through: the subscription is healthy again. */
  async markSucceeded(id: string, at: Date): Promise<void> {
    await this.subscriptions.updateOne({ _id: id }, { $set: { lastSuccessAt: at }, $unset: { failingSince: '' } });
  }

  /** A delivery failed: resolves to when the subscription started failing (now, if it was healthy). */
  async markFailing(id: string, at: Date): Promise<Date> {
    await this.subscriptions.updateOne({ _id: id, failingSince: { $exists: false } }, { $set: { failingSince: at } });
    const read = await this.subscriptions.findById(id, { failingSince: 1 }).lean<Pick<Subscription, 'failingSince'>>();
    return read?.failingSince ?? at;
  }

  /** Stops an active subscription's deliveries (suspended, or ended by the receiver), with the reason. */
  async stop(id: string, status: 'suspended' | 'ended', reason: string): Promise<void> {
    await this.subscriptions.updateOne(
      { _id: id, status: 'active' },
      { $set: { status, statusReason: reason }, $inc: { version: 1 } },
    );
  }
}
