import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A change of the jobs total decided by one report, until its batch is stored. */
@Schema({ _id: false })
export class JobsChange {
  @Prop({ required: true })
  eventId!: string;

  /** The quarter of the report: the jobs cell it moves. */
  @Prop({ required: true })
  period!: string;

  @Prop({ required: true })
  delta!: number;
}

/**
 * A startup's latest reported headcount (residents and alumni alike): jobs are the sum over startups.
 * The change a newer report makes is written here first, in the same write as the headcount (on
 * `version`), and the report's record then adds it to the jobs cell with its batch, guarded by its
 * offset; a crash in between leaves it for that record, read again.
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

  @Prop({ type: [SchemaFactory.createForClass(JobsChange)], default: [] })
  changes!: JobsChange[];

  @Prop()
  version?: number;
}

export const StartupHeadcountSchema = SchemaFactory.createForClass(StartupHeadcount);
