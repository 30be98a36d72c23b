import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError, findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import { Call } from './schemas/call.schema';
import { Program } from './schemas/program.schema';

/** The only place that touches the catalogue's collections. */
@Injectable()
export class CatalogueRepository {
  constructor(
    @InjectModel(Program.name) private readonly programs: Model<Program>,
    @InjectModel(Call.name) private readonly calls: Model<Call>,
  ) {}

  createProgram(program: Program): Promise<Program> {
    return this.insert(
      this.programs,
      program,
      'CATALOGUE.PROGRAM_EXISTS',
      `a program with id '${program._id}' already exists`,
    );
  }

  createCall(call: Call): Promise<Call> {
    return this.insert(this.calls, call, 'CATALOGUE.CALL_EXISTS', `a call with id '${call._id}' already exists`);
  }

  findProgram(id: string): Promise<Program | null> {
    return this.programs.findById(id).lean<Program>();
  }

  findCall(id: string): Promise<Call | null> {
    return this.calls.findById(id).lean<Call>();
  }

  updateProgram(id: string, update: UpdateQuery<Program>): Promise<Program | null> {
    return this.programs.findByIdAndUpdate(id, update, { returnDocument: 'after' }).lean<Program>();
  }

  updateCall(id: string, update: UpdateQuery<Call>): Promise<Call | null> {
    return this.calls.findByIdAndUpdate(id, update, { returnDocument: 'after' }).lean<Call>();
  }

  listPrograms(filter: QueryFilter<Program>, page: PageRequest): Promise<Page<Program>> {
    return findPage(this.programs, filter, page);
  }

  listCalls(filter: QueryFilter<Call>, page: PageRequest): Promise<Page<Call>> {
    return findPage(this.calls, filter, page);
  }

  /** Seeding: creates the document unless one with its id exists; true when created. */
  async insertIfMissing(kind: 'program' | 'call', document: Program | Call): Promise<boolean> {
    const model = (kind === 'program' ? this.programs : this.calls) as Model<Program | Call>;
    const result = await model.updateOne({ _id: document._id }, { $setOnInsert: document }, { upsert: true });
    return result.upsertedCount > 0;
  }

  private async insert<T>(model: Model<T>, document: T, code: string, message: string): Promise<T> {
    try {
      return (await model.create(document)).toObject() as T;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(code, message);
      throw error;
    }
  }
}
