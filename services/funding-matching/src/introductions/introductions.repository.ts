import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { Introduction } from './schemas/introduction.schema';

/** The only place that touches the introductions collection. */
@Injectable()
export class IntroductionsRepository {
  constructor(
    @InjectModel(Introduction.name) private readonly introductions: Model<Introduction>,
    private readonly outbox: EventOutbox,
  ) {}

  insert(introduction: Omit<Introduction, 'createdAt' | 'updatedAt'>, events: NewEvent[]): Promise<Introduction> {
    return this.outbox.insert(this.introductions, introduction, events);
  }

  transition(
    read: Pick<Introduction, '_id' | 'version'>,
    update: UpdateQuery<Introduction>,
    events: NewEvent[],
  ): Promise<Introduction | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.introductions, write.filter, write.update, events);
  }

  findById(id: string): Promise<Introduction | null> {
    return this.introductions.findById(id).lean<Introduction>();
  }

  findByIdempotencyKey(key: string): Promise<Introduction | null> {
    return this.introductions.findOne({ idempotencyKey: key }).lean<Introduction>();
  }

  findOpen(liveKey: string): Promise<Introduction | null> {
    return this.introductions.findOne({ liveKey }).lean<Introduction>();
  }

  list(
    filter: QueryFilter<Introduction>,
    page: Omit<PageRequest, 'sortField' | 'direction'>,
  ): Promise<Page<Introduction>> {
    return findPage(this.introductions, filter, { ...page, sortField: 'requestedAt', direction: -1 });
  }

  /** The consented introductions of a funder to these startups: what lifts the teaser of its deal flow. */
  consentedTo(funderId: string, startupIds: readonly string[]): Promise<Introduction[]> {
    return this.introductions
      .find({ funderId, startupId: { $in: startupIds }, consentedAt: { $exists: true } })
      .sort({ requestedAt: -1 })
      .lean<Introduction[]>();
  }
}
