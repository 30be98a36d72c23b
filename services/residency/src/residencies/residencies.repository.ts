import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import type { Model, UpdateQuery } from 'mongoose';
import { Residency } from './schemas/residency.schema';

/** The only place that touches the residencies collection. */
@Injectable()
export class ResidenciesRepository {
  constructor(@InjectModel(Residency.name) private readonly residencies: Model<Residency>, private readonly outbox: EventOutbox) {}

  /** The residency of this acceptance, created pending the first time it is seen. */
  async findOrCreate(pending: Omit<Residency, 'createdAt' | 'updatedAt'>): Promise<Residency> {
    await this.residencies.updateOne({ _id: pending._id }, { $setOnInsert: pending }, { upsert: true });
    return (await this.residencies.findById(pending._id).lean<Residency>()) as Residency;
  }

  /** Moves a pending residency on, with its event; null when another delivery already did. */
  settle(id: string, update: UpdateQuery<Residency>, events: NewEvent[]): Promise<Residency | null> {
    return this.outbox.update(this.residencies, { _id: id, status: 'pending' }, update, events);
  }

  findById(id: string): Promise<Residency | null> {
    return this.residencies.findById(id).lean<Residency>();
  }

  count(status: Residency['status']): Promise<number> {
    return this.residencies.countDocuments({ status });
  }
}
