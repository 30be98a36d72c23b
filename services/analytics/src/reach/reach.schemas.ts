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

  /**
   * `open` once started, `closed` once ended (`$min`: an end read before the start stays closed):
   * a read finds the open spans by this equality, without the history's ended ones.
   */
  @Prop({ type: String, enum: ['open', 'closed'], index: true })
  state?: SpanState;
}

export type SpanState = 'open' | 'closed';

export const ResidencySpanSchema = SchemaFactory.createForClass(ResidencySpan);

/**
 * An ended residency's startup was a resident in a quarter (id `<site>|<quarter>|<residencyId>`),
 * written once the span's both ends are known: a quarter's residents are read by equality.
 */
@Schema({ collection: 'resident_quarters' })
export class ResidentQuarter {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true, index: true })
  quarter!: string;

  @Prop({ required: true })
  startupId!: string;
}

export const ResidentQuarterSchema = SchemaFactory.createForClass(ResidentQuarter);

/**
 * A site's open residencies in one document (id `<site>`): `residents.<residencyId>` is
 * `<startupId>|<startedOn>`. A quarter's open residents are read from it in one document, not one per
 * span: FerretDB costs about 0.2 ms per document read, and a site has hundreds open. `version`
 * counts the writes, so the one-time build of an upgraded site cannot overwrite a change made
 * meanwhile.
 */
@Schema({ collection: 'open_residencies' })
export class OpenResidencies {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: Object, default: {} })
  residents!: Record<string, string>;

  @Prop({ default: 0 })
  version!: number;
}

export const OpenResidenciesSchema = SchemaFactory.createForClass(OpenResidencies);
