import { Injectable } from '@nestjs/common';
import { type ActorV1, SpaceRegistered } from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import { ConflictError, NotFoundError, type Page, type PageQuery } from '@technopark/platform';
import type { CreateSpaceDto } from './dto/space.dto';
import { FREE, type Space } from './schemas/space.schema';
import { SpacesRepository } from './spaces.repository';

@Injectable()
export class SpacesService {
  constructor(private readonly repository: SpacesRepository) {}

  async register({ id, ...description }: CreateSpaceDto, actor: ActorV1): Promise<Space> {
    const space = { _id: id, ...description, status: 'active', occupant: FREE, freePositions: description.kind === 'coworking' ? description.seats : 0, holders: {}, createdBy: actor } as Space;
    try {
      return await this.repository.insert(space, [newEvent(SpaceRegistered, { spaceId: id, ...description, actor })]);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError('SPACE.EXISTS', `a space with id '${id}' already exists`);
      throw error;
    }
  }

  async get(id: string): Promise<Space> {
    const space = await this.repository.findById(id);
    if (!space) throw new NotFoundError('SPACE.NOT_FOUND', `no space '${id}' on this site`);
    return space;
  }

  list(query: PageQuery): Promise<Page<Space>> {
    return this.repository.list({}, { ...query, sortField: '_id', direction: 1 });
  }
}
