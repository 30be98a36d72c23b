import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter } from 'mongoose';
import { Delivery, type DeliveryAttempt, type DeliveryState } from './schemas/delivery.schema';

export type NewDelivery = Omit<Delivery, 'createdAt' | 'updatedAt' | 'state' | 'attempts' | 'nextAttemptAt'>;

/** The only place that touches the deliveries collection. */
@Injectable()
export class DeliveriesRepository {
  constructor(@InjectModel(Delivery.name) private readonly deliveries: Model<Delivery>) {}

  /** Queues deliveries, in one round trip; those queued already (a redelivered source event) are left as they are. */
  async queue(deliveries: readonly NewDelivery[], now: Date): Promise<void> {
    if (deliveries.length === 0) return;
    const documents = deliveries.map((delivery) => ({
      ...delivery,
      state: 'pending',
      attempts: [],
      nextAttemptAt: now,
    }));
    try {
      await this.deliveries.insertMany(documents, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
      if (!writeErrors?.every(isDuplicateKeyError)) throw error;
    }
  }

  /** A subscription's pending deliveries in queuing order (due or waiting for a retry). */
  pending(subscriptionId: string, limit: number): Promise<Delivery[]> {
    return this.deliveries
      .find({ subscriptionId, state: 'pending' })
      .sort({ sequence: 1 })
      .limit(limit)
      .lean<Delivery[]>();
  }

  /** Every pending delivery of a subscription made due now (a partner that fixed its endpoint); resolves to how many. */
  async dueNow(subscriptionId: string, now: Date): Promise<number> {
    const result = await this.deliveries.updateMany(
      { subscriptionId, state: 'pending' },
      { $set: { nextAttemptAt: now } },
    );
    return result.modifiedCount;
  }

  async delivered(id: string, attempt: DeliveryAttempt): Promise<void> {
    await this.deliveries.updateOne(
      { _id: id, state: 'pending' },
      { $set: { state: 'delivered', deliveredAt: attempt.at }, $push: { attempts: attempt } },
    );
  }

  /** A failed attempt: retried at `retryAt`, or dead when there is none left. */
  async failed(id: string, attempt: DeliveryAttempt, retryAt: Date | undefined, reason: string): Promise<void> {
    await this.deliveries.updateOne(
      { _id: id, state: 'pending' },
      {
        $set: retryAt ? { nextAttemptAt: retryAt } : { state: 'dead', reason },
        $push: { attempts: attempt },
      },
    );
  }

  async settle(id: string, state: Extract<DeliveryState, 'withheld'>, reason: string): Promise<void> {
    await this.deliveries.updateOne({ _id: id, state: 'pending' }, { $set: { state, reason } });
  }

  /** A dead delivery queued again, at its place in the order; false when it is not dead. */
  async requeue(partnerId: string, id: string, now: Date): Promise<Delivery | null> {
    return this.deliveries
      .findOneAndUpdate(
        { _id: id, partnerId, state: 'dead' },
        { $set: { state: 'pending', nextAttemptAt: now }, $unset: { reason: '' } },
        { returnDocument: 'after' },
      )
      .lean<Delivery>();
  }

  findOne(partnerId: string, id: string): Promise<Delivery | null> {
    return this.deliveries.findOne({ _id: id, partnerId }).lean<Delivery>();
  }

  list(filter: QueryFilter<Delivery>, page: PageRequest): Promise<Page<Delivery>> {
    return findPage(this.deliveries, filter, page);
  }

  countIn(subscriptionId: string, state: DeliveryState): Promise<number> {
    return this.deliveries.countDocuments({ subscriptionId, state });
  }

  /** A subscription's latest deliveries, newest first: what its health is read from. */
  latest(subscriptionId: string, limit: number): Promise<Delivery[]> {
    return this.deliveries.find({ subscriptionId }, { body: 0 }).sort({ sequence: -1 }).limit(limit).lean<Delivery[]>();
  }
}
