import { Injectable } from '@nestjs/common';
import { FIRST_VERSION, versionedWrite } from '@technopark/persistence';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import type { ApplicationStatus } from './domain/application-lifecycle';
import { Application, type StartupSnapshot } from './schemas/application.schema';

/** The only place that touches the applications collection. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectModel(Application.name) private readonly applications: Model<Application>,
    private readonly outbox: EventOutbox,
  ) {}

  /** Rejects with a duplicate-key error when the startup already holds a live application to the call, or the idempotency key is taken. */
  insert(application: Application): Promise<Application> {
    return this.outbox.insert(this.applications, { ...application, version: FIRST_VERSION }, []);
  }

  /**
   * Applies a change only if the application is still as it was read (same `version`), with its
   * events in the same write; null when someone got there first.
   */
  updateIfUnchanged(
    read: Pick<Application, '_id' | 'version'>,
    update: UpdateQuery<Application>,
    events: NewEvent[],
  ): Promise<Application | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.applications, write.filter, write.update, events);
  }

  findById(id: string): Promise<Application | null> {
    return this.applications.findById(id).lean<Application>();
  }

  findByIdempotencyKey(key: string): Promise<Application | null> {
    return this.applications.findOne({ idempotencyKey: key }).lean<Application>();
  }

  findLive(liveKey: string): Promise<Application | null> {
    return this.applications.findOne({ liveKey }).lean<Application>();
  }

  countInCall(callId: string, status: ApplicationStatus): Promise<number> {
    return this.applications.countDocuments({ callId, status });
  }

  list(filter: QueryFilter<Application>, page: PageRequest): Promise<Page<Application>> {
    return findPage(this.applications, filter, page);
  }

  /** Keeps every application's copy of the startup in step with its profile. */
  async refreshStartup(startupId: string, snapshot: StartupSnapshot): Promise<void> {
    await this.applications.updateMany({ startupId }, { $set: { startup: snapshot } }, { timestamps: false });
  }
}
