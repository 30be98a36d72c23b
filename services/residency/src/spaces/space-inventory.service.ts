import { Injectable } from '@nestjs/common';
import type { ActorV1 } from '@technopark/contracts';
import { CapacityFollowUp } from '../residencies/capacity-follow-up';
import type { CreateSpaceDto } from './dto/space.dto';
import type { UpdateSpaceDto } from './dto/update-space.dto';
import type { Space } from './schemas/space.schema';
import { SpacesService } from './spaces.service';

/** Staff's changes to the inventory, each followed by what it means for the waitlist and the occupancy figures. */
@Injectable()
export class SpaceInventory {
  constructor(
    private readonly spaces: SpacesService,
    private readonly followUp: CapacityFollowUp,
  ) {}

  /** A new office or coworking area goes to the waitlisted startups that fit; the answer shows what they took. */
  async register(description: CreateSpaceDto, actor: ActorV1): Promise<Space> {
    const space = await this.spaces.register(description, actor);
    await this.followUp.afterChange(space.kind !== 'room');
    return this.spaces.get(space._id);
  }

  async update(id: string, changes: UpdateSpaceDto, actor: ActorV1): Promise<Space> {
    const { space, seatsAdded } = await this.spaces.update(id, changes, actor);
    await this.followUp.afterChange(seatsAdded);
    return seatsAdded ? this.spaces.get(id) : space;
  }

  async retire(id: string, actor: ActorV1): Promise<Space> {
    const space = await this.spaces.retire(id, actor);
    await this.followUp.afterChange(false);
    return space;
  }
}
