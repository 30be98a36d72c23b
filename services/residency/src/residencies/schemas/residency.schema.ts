import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROGRAM_KINDS, type ProgramKind, RESIDENCY_OUTCOMES, type ResidencyOutcome } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';
import {
  RESIDENCY_ACTIONS,
  RESIDENCY_STATUSES,
  type ResidencyAction,
  type ResidencyStatus,
} from '../domain/residency-lifecycle';

@Schema({ _id: false })
export class AllocatedSpace {
  @Prop({ required: true })
  spaceId!: string;

  @Prop({ type: String, required: true })
  kind!: 'office' | 'coworking';

  @Prop({ required: true })
  seats!: number;
}

/** One change of the residency, for its audit trail. */
@Schema({ _id: false })
export class ResidencyHistoryEntry {
  @Prop({ type: String, required: true, enum: [...RESIDENCY_ACTIONS, 'waitlist'] })
  action!: ResidencyAction | 'waitlist';

  @Prop({ type: String, required: true })
  status!: ResidencyStatus;

  @Prop({ required: true })
  at!: Date;

  @Prop({ type: ActorRecordSchema, required: true })
  actor!: ActorRecord;

  @Prop()
  note?: string;
}

/**
 * A startup's stay on the site, identified by the accepted application it comes from, so a
 * redelivered acceptance finds it instead of creating a second one. `version` guards every change:
 * each write names the version it read.
 */
@Schema({ collection: 'residencies', timestamps: true })
export class Residency {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true, index: true })
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

  @Prop({ required: true, default: 0 })
  version!: number;

  @Prop({ type: SchemaFactory.createForClass(AllocatedSpace) })
  space?: AllocatedSpace;

  /** Calendar date after which an allocation not moved into is released (a no-show). */
  @Prop({ index: true })
  moveInBy?: string;

  /** Waitlist order: smaller first (program priority, then acceptance time; staff may reorder). */
  @Prop({ index: true })
  waitlistRank?: number;

  @Prop()
  startedOn?: string;

  @Prop()
  plannedEndOn?: string;

  @Prop()
  endedOn?: string;

  @Prop({ type: String, enum: RESIDENCY_OUTCOMES })
  outcome?: ResidencyOutcome;

  @Prop({ required: true })
  acceptedAt!: Date;

  @Prop({ type: [SchemaFactory.createForClass(ResidencyHistoryEntry)], default: [] })
  history!: ResidencyHistoryEntry[];

  createdAt!: Date;
  updatedAt!: Date;
}

export const ResidencySchema = SchemaFactory.createForClass(Residency).plugin(outboxPlugin);
