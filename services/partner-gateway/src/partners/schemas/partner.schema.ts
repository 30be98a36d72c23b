import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorV1 } from '@technopark/contracts';

/** A partner program (Plug and Play…): who may subscribe, and which programs are its own. */
@Schema({ collection: 'partners', timestamps: true })
export class Partner {
  /** The partner id, as in its tokens' `partner_id` claim. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  /** Programs the partner runs on the sites: applications to these are its own. */
  @Prop({ type: [String], required: true })
  programIds!: string[];

  @Prop({ required: true })
  contactEmail!: string;

  @Prop({ type: Object, required: true })
  createdBy!: ActorV1;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const PartnerSchema = SchemaFactory.createForClass(Partner);
