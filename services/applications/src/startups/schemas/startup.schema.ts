import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LEGAL_FORMS, type LegalForm, type Sector, STAGES, type Stage } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';

/** Personal data: never published in events, shown only to staff, the committee and the startup. */
@Schema({ _id: false })
export class Founder {
  @Prop({ required: true })
  fullName!: string;

  @Prop({ required: true })
  email!: string;

  @Prop()
  phone?: string;
}

@Schema({ collection: 'startups', timestamps: true })
export class Startup {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  /** Lowercase name: what the name search matches against. */
  @Prop({ required: true, index: true })
  nameKey!: string;

  @Prop({ type: String, required: true, enum: LEGAL_FORMS })
  legalForm!: LegalForm;

  @Prop({ required: true })
  foundedOn!: string;

  @Prop({ type: [String], required: true })
  sectors!: Sector[];

  @Prop({ type: String, required: true, enum: STAGES })
  stage!: Stage;

  @Prop({ required: true })
  teamSize!: number;

  @Prop({ type: [SchemaFactory.createForClass(Founder)], default: [] })
  founders!: Founder[];

  @Prop({ default: '' })
  description!: string;

  @Prop({ required: true, index: true })
  partnerSharingConsent!: boolean;

  @Prop({ type: ActorRecordSchema, required: true })
  createdBy!: ActorRecord;

  @Prop({ type: ActorRecordSchema })
  updatedBy?: ActorRecord;

  /** `<subject>:<Idempotency-Key>`, or `none:<id>`: a retried registration finds the first one. */
  @Prop({ required: true, unique: true })
  idempotencyKey!: string;

  @Prop({ required: true })
  requestHash!: string;

  /** Moves on with every write; a write names the version it read (`versionedWrite`). */
  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const StartupSchema = SchemaFactory.createForClass(Startup).plugin(outboxPlugin);
