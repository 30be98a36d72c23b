import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  SpaceRegistered,
  type SpaceRegisteredV1,
  SpaceRetired,
  type SpaceRetiredV1,
  SpaceUpdated,
  type SpaceUpdatedV1,
} from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { SiteEventsService } from '../site-events/site-events.service';
import { RoomsRepository } from './rooms.repository';

/** The site's rooms, kept from residency's space events; offices and coworking areas are not this service's. */
@Controller()
export class RoomEventsConsumer {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly events: SiteEventsService,
  ) {}

  @HandleEvent(SpaceRegistered)
  registered(@Payload() event: ReceivedEvent<SpaceRegisteredV1>) {
    return this.describe(event);
  }

  @HandleEvent(SpaceUpdated)
  updated(@Payload() event: ReceivedEvent<SpaceUpdatedV1>) {
    return this.describe(event);
  }

  @HandleEvent(SpaceRetired)
  async retired(@Payload() event: ReceivedEvent<SpaceRetiredV1>) {
    if (event.data.kind !== 'room') return;
    await this.rooms.applyEvent(event.data.spaceId, { $set: { retired: true } }, event);
    // Flagging is idempotent, so a redelivery after a crash finishes what the first delivery began.
    await this.events.flagRoomRetired(event.data.spaceId);
  }

  private async describe(event: ReceivedEvent<SpaceRegisteredV1>) {
    const { spaceId, kind, name, seats, roomType } = event.data;
    if (kind !== 'room') return;
    await this.rooms.applyEvent(
      spaceId,
      { $set: { name, seats, ...(roomType && { roomType }) }, $setOnInsert: { retired: false, bookings: [] } },
      event,
    );
  }
}
