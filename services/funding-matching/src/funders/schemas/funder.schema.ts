import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  FUNDER_KINDS,
  type FunderKind,
  type FunderRequirementsV1,
  type FundingActorV1,
  type Instrument,
  type Sector,
  type Stage,
} from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import type { FundingWindow } from '../../matching/domain/match-inputs';

/** Who to write to at the funder: shown to site staff and admins, never published. */
@Schema({ _id: false })
export class FunderContact {
  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  email!: string;
}

/**
 * A funder covering this site. Funders are national, and each site keeps the ones that cover it:
 * matching reads only its own database, so a site matches with HQ down. `version` guards every change.
 */
@Schema({ collection: 'funders', timestamps: true })
export class Funder {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: FUNDER_KINDS })
  kind!: FunderKind;

  @Prop({ type: [String], required: true })
  sectors!: Sector[];

  @Prop({ type: [String], required: true })
  stages!: Stage[];

  @Prop({ required: true })
  ticketMinMad!: number;

  @Prop({ required: true })
  ticketMaxMad!: number;

  @Prop({ type: [String], required: true })
  instruments!: Instrument[];

  @Prop({ type: [String], required: true })
  sites!: string[];

  @Prop({ type: Object, required: true })
  requirements!: FunderRequirementsV1;

  @Prop({ type: [Object], default: [] })
  windows!: FundingWindow[];

  @Prop()
  partnerId?: string;

  @Prop({ type: SchemaFactory.createForClass(FunderContact) })
  contact?: FunderContact;

  /** The window the last sweep saw open (`rolling` without windows, absent when none): a change is an opening or a closing. */
  @Prop({ type: String, default: null })
  openWindowId!: string | null;

  @Prop({ required: true, default: 0 })
  version!: number;

  /** Set with every change of its criteria, cleared once its matches are computed from them: a sweep finishes what a crash interrupted. */
  @Prop({ required: true, default: true, index: true })
  matchesStale!: boolean;

  @Prop({ type: Object, required: true })
  registeredBy!: FundingActorV1;

  @Prop({ type: Object })
  updatedBy?: FundingActorV1;

  createdAt!: Date;
  updatedAt!: Date;
}

export const FunderSchema = SchemaFactory.createForClass(Funder).plugin(outboxPlugin);
