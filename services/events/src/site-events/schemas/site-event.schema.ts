import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AttendanceSummaryV1, Eligibility, EventActorV1, EventKind } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import { EVENT_STATUSES, type EventStatus } from '../domain/event-lifecycle';

export interface LocalizedText {
  readonly fr?: string;
  readonly en?: string;
  readonly ar?: string;
}

export interface Speaker {
  readonly name: string;
  readonly affiliation?: string;
}

/**
 * An event of the site. Its seats are kept here too, so that one conditional write on this
 * document decides each registration: `seatsLeft` goes down only while seats are left, `claims`
 * names the registrations holding seats and `queue` the waiting list in order. A registration
 * whose write was interrupted is settled again from these.
 */
@Schema({ collection: 'site_events', timestamps: true })
export class SiteEvent {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true })
  kind!: EventKind;

  @Prop({ type: Object, required: true })
  title!: LocalizedText;

  @Prop({ type: Object })
  description?: LocalizedText;

  @Prop({ required: true })
  startsAt!: Date;

  @Prop({ required: true })
  endsAt!: Date;

  @Prop({ required: true })
  timezone!: string;

  @Prop()
  roomId?: string;

  /** Residency retired the room after the event was booked in it: staff must move it. */
  @Prop()
  roomRetired?: boolean;

  @Prop()
  onlineUrl?: string;

  @Prop({ required: true })
  capacity!: number;

  @Prop({ required: true })
  seatsLeft!: number;

  @Prop({ required: true })
  registrationOpensAt!: Date;

  @Prop({ required: true })
  registrationClosesAt!: Date;

  @Prop({ type: String, required: true })
  eligibility!: Eligibility;

  @Prop()
  programId?: string;

  /** Startups (ids) and people (token subjects) invited, for an invited-only event. */
  @Prop({ type: [String], default: [] })
  invitees!: string[];

  /** Token subjects of the staff running it. */
  @Prop({ type: [String], default: [] })
  organizers!: string[];

  @Prop({ type: [Object], default: [] })
  speakers!: Speaker[];

  @Prop({ type: [String], default: [] })
  partnerIds!: string[];

  @Prop({ type: String, required: true, enum: EVENT_STATUSES, index: true })
  status!: EventStatus;

  @Prop({ type: [String], default: [] })
  claims!: string[];

  @Prop({ type: [String], default: [] })
  queue!: string[];

  @Prop()
  cancelReason?: string;

  /** Set once every registration of a cancelled event was cancelled with it. */
  @Prop()
  registrationsClosed?: boolean;

  @Prop({ type: Object })
  attendance?: AttendanceSummaryV1;

  @Prop({ type: Object, required: true })
  createdBy!: EventActorV1;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const SiteEventSchema = SchemaFactory.createForClass(SiteEvent).plugin(outboxPlugin);
SiteEventSchema.index({ roomId: 1 });
