import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { applyOnce, type EffectOutcome, type ReceivedEvent } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { Room, type RoomBooking } from './schemas/room.schema';

/** The only place that touches the rooms collection. */
@Injectable()
export class RoomsRepository {
  constructor(@InjectModel(Room.name) private readonly rooms: Model<Room>) {}

  applyEvent(roomId: string, update: UpdateQuery<Room>, event: Pick<ReceivedEvent, 'id'>): Promise<EffectOutcome> {
    return applyOnce(this.rooms, roomId, { ...update, $inc: { version: 1 } } as UpdateQuery<Room>, event);
  }

  findById(id: string): Promise<Room | null> {
    return this.rooms.findById(id, { _appliedEvents: 0 }).lean<Room>();
  }

  list(filter: QueryFilter<Room>, page: PageRequest): Promise<Page<Room>> {
    return findPage(this.rooms, filter, page, { _appliedEvents: 0 });
  }

  /** Writes the calendar as it was read with one booking replaced or removed; false when someone booked meanwhile. */
  async replaceBooking(read: Pick<Room, '_id' | 'version'>, bookings: RoomBooking[]): Promise<boolean> {
    const result = await this.rooms.updateOne(
      { _id: read._id, version: read.version },
      { $set: { bookings }, $inc: { version: 1 } },
    );
    return result.modifiedCount === 1;
  }
}
