import { Injectable } from '@nestjs/common';
import type { ActorV1 } from '@technopark/contracts';
import { mergePatchUpdate, type Page, type PageQuery } from '@technopark/platform';
import { found } from '../common/views';
import { callNotFound, invalidWindow, programNotFound } from './catalogue.errors';
import { CatalogueRepository } from './catalogue.repository';
import type { CreateCallDto, UpdateCallDto } from './dto/call.dto';
import type { CreateProgramDto, UpdateProgramDto } from './dto/program.dto';
import type { CallQuery } from './dto/call-query.dto';
import type { Call } from './schemas/call.schema';
import type { Program } from './schemas/program.schema';

/** Programs and their calls: what startups can apply to. */
@Injectable()
export class CatalogueService {
  constructor(private readonly repository: CatalogueRepository) {}

  createProgram({ id, ...fields }: CreateProgramDto, actor: ActorV1): Promise<Program> {
    return this.repository.createProgram({ _id: id, description: '', ...fields, createdBy: actor } as Program);
  }

  async updateProgram(id: string, changes: UpdateProgramDto, actor: ActorV1): Promise<Program> {
    return found(await this.repository.updateProgram(id, mergePatchUpdate(changes, { updatedBy: actor })), () =>
      programNotFound(id),
    );
  }

  async program(id: string): Promise<Program> {
    return found(await this.repository.findProgram(id), () => programNotFound(id));
  }

  programs(query: PageQuery): Promise<Page<Program>> {
    return this.repository.listPrograms({}, { ...query, sortField: '_id', direction: 1 });
  }

  async createCall(programId: string, { id, ...fields }: CreateCallDto, actor: ActorV1): Promise<Call> {
    await this.program(programId);
    return this.repository.createCall({ _id: id, programId, ...fields, createdBy: actor } as Call);
  }

  async updateCall(id: string, changes: UpdateCallDto, actor: ActorV1): Promise<Call> {
    const current = await this.call(id);
    if ((changes.closesAt ?? current.closesAt) <= (changes.opensAt ?? current.opensAt)) throw invalidWindow();
    return found(await this.repository.updateCall(id, mergePatchUpdate(changes, { updatedBy: actor })), () =>
      callNotFound(id),
    );
  }

  async call(id: string): Promise<Call> {
    return found(await this.repository.findCall(id), () => callNotFound(id));
  }

  calls({ programId, openAt, ...page }: CallQuery): Promise<Page<Call>> {
    const filter = {
      ...(programId && { programId }),
      ...(openAt && { opensAt: { $lte: openAt }, closesAt: { $gt: openAt } }),
    };
    return this.repository.listCalls(filter, { ...page, sortField: 'closesAt', direction: 1 });
  }
}
