import { Injectable } from '@nestjs/common';
import { FIRST_VERSION, versionedWrite } from '@technopark/persistence';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { ResidencyStatus } from './domain/residency-lifecycle';
import { Residency } from './schemas/residency.schema';

/** The waitlist is read whole to order and allocate it; a site's waitlist is tens long, this bounds a pathological one. */
const WAITLIST_READ_LIMIT = 1_000;

/** The only place that touches the residencies collection. */
@Injectable()
export class ResidenciesRepository {
  constructor(
    @InjectModel(Residency.name) private readonly residencies: Model<Residency>,
    private readonly outbox: EventOutbox,
  ) {}

  /** The residency of this acceptance, created pending the first time it is seen. */
  async findOrCreate(pending: Omit<Residency, 'createdAt' | 'updatedAt' | 'version' | 'history'>): Promise<Residency> {
    await this.residencies.updateOne(
      { _id: pending._id },
      { $setOnInsert: { ...pending, version: FIRST_VERSION, history: [] } },
      { upsert: true },
    );
    return (await this.residencies.findById(pending._id).lean<Residency>()) as Residency;
  }

  /**
   * Applies a change to the residency as it was read (same `version`), with its events, in one
   * write; null when someone else changed it first.
   */
  transition(
    read: Pick<Residency, '_id' | 'version'>,
    update: UpdateQuery<Residency>,
    events: NewEvent[],
  ): Promise<Residency | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.residencies, write.filter, write.update, events);
  }

  findById(id: string): Promise<Residency | null> {
    return this.residencies.findById(id).lean<Residency>();
  }

  findByIds(ids: string[]): Promise<Residency[]> {
    return this.residencies.find({ _id: { $in: ids } }).lean<Residency[]>();
  }

  list(filter: QueryFilter<Residency>, page: PageRequest): Promise<Page<Residency>> {
    return findPage(this.residencies, filter, page);
  }

  /** The waitlist in order: rank, then acceptance. */
  waitlist(): Promise<Residency[]> {
    return this.residencies
      .find({ status: 'waitlisted' })
      .sort({ waitlistRank: 1, _id: 1 })
      .limit(WAITLIST_READ_LIMIT)
      .lean<Residency[]>();
  }

  /** Allocations whose move-in deadline has passed. */
  overdueMoveIns(today: string): Promise<Residency[]> {
    return this.residencies
      .find({ status: 'allocated', moveInBy: { $lt: today } })
      .limit(WAITLIST_READ_LIMIT)
      .lean<Residency[]>();
  }

  count(status: ResidencyStatus): Promise<number> {
    return this.residencies.countDocuments({ status });
  }
}
