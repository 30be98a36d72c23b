import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROOM_TYPES, type RoomType } from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import type { Room } from './schemas/room.schema';

export class RoomBookingView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ description: 'Held from (setup buffer included)', format: 'date-time' })
  from!: string;

  @ApiProperty({ description: 'Held until (teardown buffer included)', format: 'date-time' })
  to!: string;
}

export class RoomView {
  @ApiProperty({ example: 'agora-1' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'People the room holds' })
  seats!: number;

  @ApiPropertyOptional({ enum: ROOM_TYPES })
  roomType?: RoomType;

  @ApiProperty({ description: 'Taken out of the inventory at residency' })
  retired!: boolean;

  @ApiProperty({ type: [RoomBookingView], description: 'Its bookings, earliest first' })
  bookings!: RoomBookingView[];
}

export class RoomPage extends PageOf(RoomView) {}

export function roomView(room: Room): RoomView {
  return {
    id: room._id,
    name: room.name,
    seats: room.seats,
    ...(room.roomType && { roomType: room.roomType }),
    retired: room.retired ?? false,
    bookings: [...(room.bookings ?? [])]
      .sort((a, b) => new Date(a.from).getTime() - new Date(b.from).getTime())
      .map((booking) => ({
        eventId: booking.eventId,
        from: new Date(booking.from).toISOString(),
        to: new Date(booking.to).toISOString(),
      })),
  };
}
