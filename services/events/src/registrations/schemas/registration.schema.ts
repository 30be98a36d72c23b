import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventActorV1, RegistrantKind, RegistrationCancelReason } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'walk-in'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface Registrant {
  readonly kind: RegistrantKind;
  readonly startupId?: string;
  readonly personId?: string;
}

/**
 * One registrant's place at one event. Its id derives from the event and the registrant, so a
 * person or startup has one registration per event however many requests race; registering again
 * after a cancellation reopens it in a new `round`, which voids the check-in codes of earlier rounds.
 * `pending` is the moment between its write and the event's seat decision, settled again by the sweeper.
 */
@Schema({ collection: 'registrations', timestamps: true })
export class Registration {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  eventId!: string;

  @Prop({ type: Object, required: true })
  registrant!: Registrant;

  /** `startup:<id>` or `person:<subject>`: how a registrant's registrations are found (indexed). */
  @Prop({ required: true, index: true })
  registrantKey!: string;

  @Prop({ required: true })
  seats!: number;

  @Prop({ type: String, required: true, enum: REGISTRATION_STATUSES })
  status!: RegistrationStatus;

  @Prop({ required: true, default: 1 })
  round!: number;

  @Prop()
  checkedInAt?: Date;

  @Prop({ type: Object })
  checkedInBy?: EventActorV1;

  @Prop({ type: String })
  cancelReason?: RegistrationCancelReason;

  /** The caller's Idempotency-Key (scoped to them) and the hash of the request it answered. */
  @Prop()
  idempotencyKey?: string;

  @Prop()
  requestHash?: string;

  /** The competition team a person's place is in: claimed with one conditional write, so a person is in one team. */
  @Prop()
  teamId?: string;

  @Prop()
  teamClaimedAt?: Date;

  @Prop({ type: Object, required: true })
  registeredBy!: EventActorV1;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const RegistrationSchema = SchemaFactory.createForClass(Registration).plugin(outboxPlugin);
