import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A change of the jobs total decided by one report and not yet added to the site's jobs cell. */
@Schema({ _id: false })
export class PendingJobsChange {
  @Prop({ required: true })
  eventId!: string;

  @Prop({ required: true })
  delta!: number;
}

/**
 * A startup's latest reported headcount (residents and alumni alike): jobs are the sum over startups.
 * The change a newer report makes is written here first, in the same write as the headcount, and
 * then added to the jobs cell, so a crash in between is finished by the redelivery.
 */
@Schema({ collection: 'startup_headcounts', timestamps: true })
export class StartupHeadcount {
  /** `<site>|<startupId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true })
  period!: string;

  @Prop({ required: true })
  headcount!: number;

  @Prop({ type: SchemaFactory.createForClass(PendingJobsChange) })
  pending?: PendingJobsChange;
}

export const StartupHeadcountSchema = SchemaFactory.createForClass(StartupHeadcount);
