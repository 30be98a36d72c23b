import { Injectable } from '@nestjs/common';
import { type ActorV1, SpaceRegistered, SpaceRetired, SpaceUpdated } from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import { applyMergePatch, ConflictError, mergePatchUpdate, type Page, type PageQuery } from '@technopark/platform';
import type { QueryFilter } from 'mongoose';
import type { CreateSpaceDto } from './dto/space.dto';
import { UPDATABLE_SPACE_FIELDS, type UpdateSpaceDto } from './dto/update-space.dto';
import { FREE, type Space } from './schemas/space.schema';
import { SpacesRepository } from './spaces.repository';
import {
  cannotShrink,
  roomTypeNotAllowed,
  roomTypeRequired,
  spaceAllocated,
  spaceAlreadyRetired,
  spaceChanged,
  spaceExists,
  spaceNotFound,
  spaceRetired,
} from './spaces.errors';

export interface SpaceFilter {
  readonly kind?: Space['kind'];
  readonly status?: Space['status'];
}

/** The site's inventory: staff add, change and retire spaces; each change is published. */
@Injectable()
export class SpacesService {
  constructor(private readonly repository: SpacesRepository) {}

  async register({ id, ...description }: CreateSpaceDto, actor: ActorV1): Promise<Space> {
    assertRoomTypeFits(description.kind, description.roomType);
    const space = {
      _id: id,
      ...description,
      status: 'active',
      occupant: FREE,
      freePositions: description.kind === 'coworking' ? description.seats : 0,
      holders: {},
      heldSince: {},
      createdBy: actor,
    } as Space;
    try {
      return await this.repository.insert(space, [newEvent(SpaceRegistered, { spaceId: id, ...description, actor })]);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw spaceExists(id);
      throw error;
    }
  }

  /** Inserts a seeded space unless its id exists (staff's later changes are kept); true when inserted. */
  async registerIfMissing(description: CreateSpaceDto, actor: ActorV1): Promise<boolean> {
    if (await this.repository.findById(description.id)) return false;
    try {
      await this.register(description, actor);
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /**
   * Changes a space's description. Coworking seats cannot drop below the positions held; the
   * write is conditional on the seats read, so a concurrent claim makes it read again.
   */
  async update(id: string, changes: UpdateSpaceDto, actor: ActorV1): Promise<{ space: Space; seatsAdded: boolean }> {
    const space = await this.get(id);
    if (space.status === 'retired') throw spaceRetired(id);
    const next = applyMergePatch(space, changes);
    assertRoomTypeFits(space.kind, next.roomType);
    const changedFields = UPDATABLE_SPACE_FIELDS.filter((field) => next[field] !== space[field]);
    if (changedFields.length === 0) return { space, seatsAdded: false };
    const seatsDelta = next.seats - space.seats;
    const held = space.seats - space.freePositions;
    if (space.kind === 'coworking' && seatsDelta < 0 && held > space.seats + seatsDelta) {
      throw cannotShrink(id, held, space.seats + seatsDelta);
    }
    const description = describe(next);
    const guard: QueryFilter<Space> = {
      _id: id,
      status: 'active',
      seats: space.seats,
      ...(space.kind === 'coworking' && seatsDelta < 0 ? { freePositions: { $gte: -seatsDelta } } : {}),
    };
    const increment = space.kind === 'coworking' && seatsDelta !== 0 ? { $inc: { freePositions: seatsDelta } } : {};
    const updated = await this.repository.update(
      guard,
      {
        ...mergePatchUpdate(Object.fromEntries(changedFields.map((field) => [field, next[field] ?? null])), {
          updatedBy: actor,
        }),
        ...increment,
      },
      [newEvent(SpaceUpdated, { ...description, changedFields, actor })],
    );
    if (!updated) throw spaceChanged(id);
    return { space: updated, seatsAdded: seatsDelta > 0 };
  }

  /** Takes a space out of the inventory; only a space nobody holds. */
  async retire(id: string, actor: ActorV1): Promise<Space> {
    const space = await this.get(id);
    if (space.status === 'retired') throw spaceAlreadyRetired(id);
    const unused: QueryFilter<Space> =
      space.kind === 'office' ? { occupant: FREE } : space.kind === 'coworking' ? { freePositions: space.seats } : {};
    const retired = await this.repository.update(
      { _id: id, status: 'active', seats: space.seats, ...unused },
      { $set: { status: 'retired', updatedBy: actor } },
      [newEvent(SpaceRetired, { spaceId: id, kind: space.kind, actor })],
    );
    if (!retired) throw spaceAllocated(id);
    return retired;
  }

  async get(id: string): Promise<Space> {
    const space = await this.repository.findById(id);
    if (!space) throw spaceNotFound(id);
    return space;
  }

  list(filter: SpaceFilter, query: PageQuery): Promise<Page<Space>> {
    return this.repository.list(
      { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.status ? { status: filter.status } : {}) },
      { ...query, sortField: '_id', direction: 1 },
    );
  }
}

function describe({ _id, kind, name, roomType, floor, areaM2, seats }: Space) {
  return {
    spaceId: _id,
    kind,
    name,
    areaM2,
    seats,
    ...(roomType ? { roomType } : {}),
    ...(floor !== undefined && floor !== null ? { floor } : {}),
  };
}

function assertRoomTypeFits(kind: Space['kind'], roomType: Space['roomType']): void {
  if (kind !== 'room' && roomType) throw roomTypeNotAllowed(kind);
  if (kind === 'room' && !roomType) throw roomTypeRequired();
}
