import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A startup someone of which checked in at an event of the site in a quarter (id `<site>|<quarter>|<startupId>`). */
@Schema({ collection: 'startup_reach' })
export class StartupReach {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true, index: true })
  quarter!: string;

  @Prop({ required: true })
  startupId!: string;
}

export const StartupReachSchema = SchemaFactory.createForClass(StartupReach);

/** A residency's span at a site, from its start and end events in whichever order they arrive (id `<site>|<residencyId>`). */
@Schema({ collection: 'residency_spans' })
export class ResidencySpan {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  site!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  /** `YYYY-MM-DD`; absent while only the end is known. */
  @Prop()
  startedOn?: string;

  @Prop()
  endedOn?: string;
}

export const ResidencySpanSchema = SchemaFactory.createForClass(ResidencySpan);
