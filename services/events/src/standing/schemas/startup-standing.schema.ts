import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * What eligibility needs to know of a startup, kept from applications' and residency's events: that
 * it is registered, whether it is in residency now, and the programs that accepted it.
 */
@Schema({ collection: 'startup_standings', timestamps: true })
export class StartupStanding {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, default: false })
  registered!: boolean;

  @Prop({ required: true, default: false })
  resident!: boolean;

  @Prop({ type: [String], default: [] })
  programs!: string[];

  @Prop({ type: [String], default: [] })
  _appliedEvents!: string[];
}

export const StartupStandingSchema = SchemaFactory.createForClass(StartupStanding);
