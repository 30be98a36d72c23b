import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorV1, PartnerScope } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';

/** One grant or revocation, kept on the consent it changed: the startup's audit trail. */
export interface ConsentChange {
  readonly change: 'granted' | 'revoked';
  readonly scopes: PartnerScope[];
  readonly by: ActorV1;
  readonly at: Date;
}

/**
 * What one startup shares with one partner program, once the startup (or staff for it) decided
 * for that partner. Until then the former partner-sharing flag stands for every partner's
 * `profile` scope; the first decision starts from it, so nothing the startup said is lost.
 */
@Schema({ collection: 'partner_consents', timestamps: true })
export class PartnerConsent {
  /** `<startupId>:<partnerId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true, index: true })
  partnerId!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ type: [String], required: true })
  scopes!: PartnerScope[];

  @Prop({ type: [Object], required: true })
  history!: ConsentChange[];

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const PartnerConsentSchema = SchemaFactory.createForClass(PartnerConsent).plugin(outboxPlugin);
