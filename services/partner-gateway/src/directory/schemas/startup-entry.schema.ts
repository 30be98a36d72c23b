import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorV1, Sector, Stage } from '@technopark/contracts';

/** The former partner-sharing flag as the startup last set it: consent to every partner's `profile` scope. */
export interface SharingFlag {
  readonly shared: boolean;
  readonly by: ActorV1;
  readonly at: Date;
}

/**
 * What the gateway knows of a startup from the sites' events: its site, for staff rules and
 * site filters, and its sectors and stage, for subscription filters. Nothing personal.
 */
@Schema({ collection: 'startup_directory', timestamps: true })
export class StartupEntry {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: [String], required: true })
  sectors!: Sector[];

  @Prop({ type: String, required: true })
  stage!: Stage;

  @Prop({ type: Object, required: true })
  sharingFlag!: SharingFlag;

  /** Time of the profile event this entry reflects: an older one arriving late changes nothing. */
  @Prop({ required: true })
  profileAt!: Date;
}

export const StartupEntrySchema = SchemaFactory.createForClass(StartupEntry);
