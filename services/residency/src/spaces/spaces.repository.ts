import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { FREE, Space } from './schemas/space.schema';

export interface SpaceTotals {
  readonly offices: { used: number; total: number };
  readonly coworkingPositions: { used: number; total: number };
  readonly areaM2: { used: number; total: number };
}

/** The inventory side of the spaces collection (claims are in SpaceClaimsRepository). */
@Injectable()
export class SpacesRepository {
  constructor(
    @InjectModel(Space.name) private readonly spaces: Model<Space>,
    private readonly outbox: EventOutbox,
  ) {}

  insert(space: Space, events: NewEvent[]): Promise<Space> {
    return this.outbox.insert(this.spaces, space, events);
  }

  update(filter: QueryFilter<Space>, update: UpdateQuery<Space>, events: NewEvent[]): Promise<Space | null> {
    return this.outbox.update(this.spaces, filter, update, events);
  }

  findById(id: string): Promise<Space | null> {
    return this.spaces.findById(id).lean<Space>();
  }

  list(filter: QueryFilter<Space>, page: PageRequest): Promise<Page<Space>> {
    return findPage(this.spaces, filter, page, { holders: 0, heldSince: 0 });
  }

  /** Offices and coworking areas in use; counted from the spaces themselves, so always exact. */
  async totals(): Promise<SpaceTotals> {
    const workspace = await this.spaces
      .find(
        { status: 'active', kind: { $in: ['office', 'coworking'] } },
        { kind: 1, seats: 1, areaM2: 1, occupant: 1, freePositions: 1 },
      )
      .lean<Space[]>();
    const offices = workspace.filter((space) => space.kind === 'office');
    const areas = workspace.filter((space) => space.kind === 'coworking');
    const usedOffices = offices.filter((office) => office.occupant !== FREE);
    const positions = areas.reduce((sum, area) => sum + area.seats, 0);
    const usedPositions = areas.reduce((sum, area) => sum + area.seats - area.freePositions, 0);
    const usedArea =
      usedOffices.reduce((sum, office) => sum + office.areaM2, 0) +
      areas.reduce((sum, area) => sum + (area.areaM2 * (area.seats - area.freePositions)) / area.seats, 0);
    return {
      offices: { used: usedOffices.length, total: offices.length },
      coworkingPositions: { used: usedPositions, total: positions },
      areaM2: {
        used: Math.round(usedArea * 100) / 100,
        total: workspace.reduce((sum, space) => sum + space.areaM2, 0),
      },
    };
  }
}
