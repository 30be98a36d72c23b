import { Injectable } from '@nestjs/common';
import { FIRST_VERSION, versionedWrite } from '@technopark/persistence';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { Startup } from './schemas/startup.schema';

/** The only place that touches the startups collection. */
@Injectable()
export class StartupsRepository {
  constructor(
    @InjectModel(Startup.name) private readonly startups: Model<Startup>,
    private readonly outbox: EventOutbox,
  ) {}

  /** Rejects with a duplicate-key error when the id or the idempotency key is taken. */
  insert(startup: Startup, events: NewEvent[]): Promise<Startup> {
    return this.outbox.insert(this.startups, { ...startup, version: FIRST_VERSION }, events);
  }

  /** Applies the change only if nobody changed the startup since it was read (same `version`); null otherwise. */
  updateIfUnchanged(
    read: Pick<Startup, '_id' | 'version'>,
    update: UpdateQuery<Startup>,
    events: NewEvent[],
  ): Promise<Startup | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.startups, write.filter, write.update, events);
  }

  findById(id: string): Promise<Startup | null> {
    return this.startups.findById(id).lean<Startup>();
  }

  findByIdempotencyKey(key: string): Promise<Startup | null> {
    return this.startups.findOne({ idempotencyKey: key }).lean<Startup>();
  }

  list(filter: QueryFilter<Startup>, page: PageRequest): Promise<Page<Startup>> {
    return findPage(this.startups, filter, page);
  }
}
