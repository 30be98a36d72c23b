import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROGRAM_KINDS, type ProgramKind } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';

@Schema({ _id: false })
export class AllocatedSpace {
  @Prop({ required: true })
  spaceId!: string;

  @Prop({ type: String, required: true })
  kind!: 'office' | 'coworking';

  @Prop({ required: true })
  seats!: number;
}

export const RESIDENCY_STATUSES = ['pending', 'allocated', 'waitlisted'] as const;
export type ResidencyStatus = (typeof RESIDENCY_STATUSES)[number];

/**
 * A startup's stay on the site, identified by the accepted application it comes from, so a
 * redelivered acceptance finds it instead of creating a second one.
 */
@Schema({ collection: 'residencies', timestamps: true })
export class Residency {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true })
  programId!: string;

  @Prop({ type: String, required: true, enum: PROGRAM_KINDS })
  programKind!: ProgramKind;

  @Prop({ required: true })
  durationMonths!: number;

  @Prop({ required: true })
  desks!: number;

  @Prop({ required: true })
  wantsOffice!: boolean;

  @Prop({ type: String, required: true, enum: RESIDENCY_STATUSES, index: true })
  status!: ResidencyStatus;

  @Prop({ type: SchemaFactory.createForClass(AllocatedSpace) })
  space?: AllocatedSpace;

  @Prop()
  moveInBy?: string;

  /** Waitlist order: smaller first (program priority, then acceptance time). */
  @Prop({ index: true })
  waitlistRank?: number;

  @Prop({ required: true })
  acceptedAt!: Date;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ResidencySchema = SchemaFactory.createForClass(Residency).plugin(outboxPlugin);
