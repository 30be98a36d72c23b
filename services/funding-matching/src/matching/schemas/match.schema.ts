import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FundingActorV1, Sector, Stage } from '@technopark/contracts';
import type { GateResult } from '../domain/gates';
import type { Contribution } from '../domain/scoring';

/** What a funder sees of a startup before it consents to an introduction. */
export interface Teaser {
  readonly sectors: Sector[];
  readonly stage: Stage;
  readonly revenueBand: string;
  /** In residency on the site now (moved in, not gone). */
  readonly resident: boolean;
}

/** A staff decision on a match, with its reason. */
export interface Curation {
  readonly reason: string;
  readonly by: FundingActorV1;
  readonly at: Date;
}

/**
 * One startup × funder pair as last computed: the gates, the score and its contributions, and the
 * weights version that produced them. Reads of a startup's matches and of a funder's deal flow are
 * served from here, never computed. `digest` lets a recomputation skip pairs that did not change.
 */
@Schema({ collection: 'matches', timestamps: true })
export class Match {
  /** `<startupId>:<funderId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  startupId!: string;

  @Prop({ required: true })
  funderId!: string;

  @Prop({ type: [Object], required: true })
  gates!: GateResult[];

  @Prop({ required: true })
  eligible!: boolean;

  @Prop({ required: true })
  score!: number;

  @Prop({ type: [Object], required: true })
  contributions!: Contribution[];

  @Prop({ required: true })
  weightsVersion!: number;

  @Prop({ required: true })
  threshold!: number;

  @Prop({ required: true })
  qualified!: boolean;

  /** Pinned first, then score; ineligible and suppressed last (see rankOf). */
  @Prop({ required: true })
  rank!: number;

  @Prop({ type: Object, required: true })
  teaser!: Teaser;

  @Prop({ index: true, sparse: true })
  recheckOn?: string;

  @Prop({ type: Object })
  pinned?: Curation;

  @Prop({ type: Object })
  suppressed?: Curation;

  /** When it last crossed into qualified. */
  @Prop()
  qualifiedAt?: Date;

  @Prop({ required: true })
  digest!: string;

  @Prop({ required: true, default: 0 })
  version!: number;

  /** `_id` of the crossing that last published it qualified. */
  @Prop()
  crossingId?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const MatchSchema = SchemaFactory.createForClass(Match);
MatchSchema.index({ startupId: 1, rank: -1, _id: -1 });
MatchSchema.index({ funderId: 1, rank: -1, _id: -1 });
