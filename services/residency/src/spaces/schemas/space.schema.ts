import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROOM_TYPES, type RoomType, SPACE_KINDS, type SpaceKind } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';

export const FREE = '';

/**
 * A space of the site and who holds it. An office has one occupant; a coworking area hands out
 * positions. Claims are single-document conditional writes, so nothing is given twice.
 */
@Schema({ collection: 'spaces', timestamps: true })
export class Space {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true, enum: SPACE_KINDS, index: true })
  kind!: SpaceKind;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, enum: ROOM_TYPES })
  roomType?: RoomType;

  @Prop()
  floor?: number;

  @Prop({ required: true })
  areaM2!: number;

  @Prop({ required: true })
  seats!: number;

  @Prop({ type: String, required: true, default: 'active', index: true })
  status!: 'active' | 'retired';

  /** Offices: the residency holding it, or FREE. */
  @Prop({ default: FREE, index: true })
  occupant!: string;

  /** Offices: when the occupant claimed it (a claim its residency never settled is released after a while). */
  @Prop()
  occupiedSince?: Date;

  /** Coworking: positions nobody holds. */
  @Prop({ default: 0 })
  freePositions!: number;

  /** Coworking: positions held, per residency id. */
  @Prop({ type: Object, default: {} })
  holders!: Record<string, number>;

  /** Coworking: when each holder claimed its positions. */
  @Prop({ type: Object, default: {} })
  heldSince!: Record<string, Date>;

  @Prop({ type: ActorRecordSchema, required: true })
  createdBy!: ActorRecord;

  @Prop({ type: ActorRecordSchema })
  updatedBy?: ActorRecord;

  createdAt!: Date;
  updatedAt!: Date;
}

export const SpaceSchema = SchemaFactory.createForClass(Space).plugin(outboxPlugin);
