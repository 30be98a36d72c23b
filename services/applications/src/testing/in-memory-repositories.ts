import type { NewEvent } from '@technopark/messaging';
import type { Page, PageRequest } from '@technopark/platform';
import type { QueryFilter, UpdateQuery } from 'mongoose';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { ApplicationStatus } from '../applications/domain/application-lifecycle';
import type { Application, StartupSnapshot } from '../applications/schemas/application.schema';
import type { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { Call } from '../catalogue/schemas/call.schema';
import type { Program } from '../catalogue/schemas/program.schema';
import type { Startup } from '../startups/schemas/startup.schema';
import type { StartupsRepository } from '../startups/startups.repository';

/** The public surface of a repository: what an in-memory one implements, checked by the compiler. */
type SameInterface<T> = { [K in keyof T]: T[K] };

/** What a unique index answers to a second claim (see `isDuplicateKeyError`). */
const duplicateKey = (field: string) => Object.assign(new Error(`E11000 duplicate key: ${field}`), { code: 11000 });

/** `$set`, `$push` and `$inc`: the updates the repositories' callers write. */
function applyUpdate<T extends object>(document: T, update: UpdateQuery<T>): T {
  const next = { ...document } as Record<string, unknown>;
  for (const [field, value] of Object.entries((update.$set as object | undefined) ?? {})) next[field] = value;
  for (const [field, value] of Object.entries((update.$push as object | undefined) ?? {})) {
    next[field] = [...((next[field] as unknown[] | undefined) ?? []), value];
  }
  for (const [field, by] of Object.entries((update.$inc as object | undefined) ?? {})) {
    next[field] = ((next[field] as number | undefined) ?? 0) + (by as number);
  }
  return next as T;
}

/** Documents by `_id`, refusing a second holder of a unique key, as the collection's indexes do. */
class InMemoryCollection<T extends { _id: string }> {
  readonly documents = new Map<string, T>();

  constructor(private readonly uniqueFields: readonly (keyof T & string)[]) {}

  put(document: T, replacing?: string): T {
    for (const field of this.uniqueFields) {
      const holder = [...this.documents.values()].find(
        (other) => other._id !== replacing && other[field] === document[field],
      );
      if (document[field] !== undefined && holder) throw duplicateKey(field);
    }
    if (!replacing && this.documents.has(document._id)) throw duplicateKey('_id');
    this.documents.set(document._id, document);
    return document;
  }

  find(keep: (document: T) => boolean): T[] {
    return [...this.documents.values()].filter(keep);
  }
}

export class InMemoryApplications implements SameInterface<ApplicationsRepository> {
  private readonly collection = new InMemoryCollection<Application>(['liveKey', 'cohortSeat', 'idempotencyKey']);
  /** Every event written with the applications, in writing order: what the outbox would publish. */
  readonly published: NewEvent[] = [];
  /** Run once before the next conditional write: a test's concurrent change. */
  beforeNextWrite?: () => void;

  async insert(application: Application): Promise<Application> {
    return this.collection.put({ ...application, version: 0 });
  }

  async updateIfUnchanged(
    read: Pick<Application, '_id' | 'version'>,
    update: UpdateQuery<Application>,
    events: NewEvent[],
  ): Promise<Application | null> {
    const concurrent = this.beforeNextWrite;
    this.beforeNextWrite = undefined;
    concurrent?.();
    const current = this.collection.documents.get(read._id);
    if (!current || current.version !== read.version) return null;
    const next = this.collection.put(
      applyUpdate(current, { ...update, $inc: { ...(update.$inc as object), version: 1 } }),
      read._id,
    );
    this.published.push(...events);
    return next;
  }

  /** A change made by someone else: the version moves on. */
  touch(id: string): void {
    const current = this.collection.documents.get(id) as Application;
    this.collection.put({ ...current, version: current.version + 1 }, id);
  }

  async findById(id: string): Promise<Application | null> {
    return this.collection.documents.get(id) ?? null;
  }

  async findByIdempotencyKey(key: string): Promise<Application | null> {
    return this.collection.find((application) => application.idempotencyKey === key)[0] ?? null;
  }

  async findLive(liveKey: string): Promise<Application | null> {
    return this.collection.find((application) => application.liveKey === liveKey)[0] ?? null;
  }

  async countInCall(callId: string, status: ApplicationStatus): Promise<number> {
    return this.collection.find((application) => application.callId === callId && application.status === status).length;
  }

  async list(_filter: QueryFilter<Application>, page: PageRequest): Promise<Page<Application>> {
    return { items: [...this.collection.documents.values()].slice(0, page.limit), nextCursor: null };
  }

  async refreshStartup(startupId: string, snapshot: StartupSnapshot): Promise<void> {
    for (const application of this.collection.find((each) => each.startupId === startupId)) {
      this.collection.put({ ...application, startup: snapshot }, application._id);
    }
  }
}

export class InMemoryCatalogue implements SameInterface<CatalogueRepository> {
  private readonly programs = new InMemoryCollection<Program>([]);
  private readonly calls = new InMemoryCollection<Call>([]);

  async createProgram(program: Program): Promise<Program> {
    return this.programs.put(program);
  }

  async createCall(call: Call): Promise<Call> {
    return this.calls.put(call);
  }

  async findProgram(id: string): Promise<Program | null> {
    return this.programs.documents.get(id) ?? null;
  }

  async findCall(id: string): Promise<Call | null> {
    return this.calls.documents.get(id) ?? null;
  }

  async updateProgram(id: string, update: UpdateQuery<Program>): Promise<Program | null> {
    const current = this.programs.documents.get(id);
    return current ? this.programs.put(applyUpdate(current, update), id) : null;
  }

  async updateCall(id: string, update: UpdateQuery<Call>): Promise<Call | null> {
    const current = this.calls.documents.get(id);
    return current ? this.calls.put(applyUpdate(current, update), id) : null;
  }

  async listPrograms(_filter: QueryFilter<Program>, page: PageRequest): Promise<Page<Program>> {
    return { items: [...this.programs.documents.values()].slice(0, page.limit), nextCursor: null };
  }

  async listCalls(_filter: QueryFilter<Call>, page: PageRequest): Promise<Page<Call>> {
    return { items: [...this.calls.documents.values()].slice(0, page.limit), nextCursor: null };
  }

  async insertIfMissing(kind: 'program' | 'call', document: Program | Call): Promise<boolean> {
    const collection = (kind === 'program' ? this.programs : this.calls) as InMemoryCollection<Program | Call>;
    if (collection.documents.has(document._id)) return false;
    collection.put(document);
    return true;
  }
}

export class InMemoryStartups implements SameInterface<StartupsRepository> {
  private readonly collection = new InMemoryCollection<Startup>(['idempotencyKey']);

  async insert(startup: Startup): Promise<Startup> {
    return this.collection.put({ ...startup, version: 0 });
  }

  async updateIfUnchanged(
    read: Pick<Startup, '_id' | 'version'>,
    update: UpdateQuery<Startup>,
  ): Promise<Startup | null> {
    const current = this.collection.documents.get(read._id);
    if (!current || current.version !== read.version) return null;
    return this.collection.put(applyUpdate(current, { ...update, $inc: { version: 1 } }), read._id);
  }

  async findById(id: string): Promise<Startup | null> {
    return this.collection.documents.get(id) ?? null;
  }

  async findByIdempotencyKey(key: string): Promise<Startup | null> {
    return this.collection.find((startup) => startup.idempotencyKey === key)[0] ?? null;
  }

  async list(_filter: QueryFilter<Startup>, page: PageRequest): Promise<Page<Startup>> {
    return { items: [...this.collection.documents.values()].slice(0, page.limit), nextCursor: null };
  }
}
