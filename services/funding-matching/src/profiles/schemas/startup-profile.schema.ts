import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FundingActorV1, LegalForm, Sector, Stage } from '@technopark/contracts';
import type { ReportFact, ResidencyFact, Seeking } from '../../matching/domain/match-inputs';

/**
 * What funding matching knows of a startup: its registration and profile, its residencies and its
 * latest quarterly report, all from other services' events; and what it seeks, from the startup
 * itself. A profile exists from the first event about the startup; it is matched once registered.
 */
@Schema({ collection: 'startup_profiles', timestamps: true, minimize: false })
export class StartupProfile {
  @Prop({ type: String })
  _id!: string;

  @Prop()
  name?: string;

  @Prop({ type: String })
  legalForm?: LegalForm;

  @Prop({ type: [String], default: undefined })
  sectors?: Sector[];

  @Prop({ type: String })
  stage?: Stage;

  @Prop()
  teamSize?: number;

  /** Set once registration (or a profile update) was seen: only registered startups are matched. */
  @Prop({ required: true, default: false, index: true })
  registered!: boolean;

  /** residencyId → what residency's events said about it. */
  @Prop({ type: Object })
  residencies?: Record<string, ResidencyFact>;

  @Prop({ type: Object })
  latestReport?: ReportFact;

  @Prop({ type: Object })
  seeking?: Seeking & { updatedBy: FundingActorV1; updatedAt: Date };

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const StartupProfileSchema = SchemaFactory.createForClass(StartupProfile);
