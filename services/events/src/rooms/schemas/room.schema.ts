import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { RoomType } from '@technopark/contracts';

/** An event's hold on a room, buffers included: `[from, to)` in UTC. */
export interface RoomBooking {
  readonly eventId: string;
  readonly from: Date;
  readonly to: Date;
}

/**
 * A room of the site. Residency owns the room itself (name, seats, retirement), kept here from its
 * space events; this service owns the room's booking calendar, kept in the same document so that
 * one conditional write on the version books it: two events never overlap, however many publish at once.
 */
@Schema({ collection: 'rooms', timestamps: true })
export class Room {
  /** The space id at residency. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  seats!: number;

  @Prop({ type: String })
  roomType?: RoomType;

  @Prop({ required: true, default: false })
  retired!: boolean;

  @Prop({ type: [Object], default: [] })
  bookings!: RoomBooking[];

  @Prop({ required: true, default: 0 })
  version!: number;

  /** Ids of the space events applied (applyOnce). */
  @Prop({ type: [String], default: [] })
  _appliedEvents!: string[];

  createdAt!: Date;
  updatedAt!: Date;
}

export const RoomSchema = SchemaFactory.createForClass(Room);
