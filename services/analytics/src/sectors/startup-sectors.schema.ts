import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CellIncrement } from '../kpis/kpi-cell';
import type { SectorContribution } from './sector.projection';

/** Cell changes decided by one event, until its batch is stored (the event's record adds them, read again after a crash). */
export interface PendingSectorChange {
  readonly eventId: string;
  readonly cells: readonly Omit<CellIncrement, 'site'>[];
}

/**
 * A startup's current sectors and the funnel counts it made, so that the funnel per sector follows
 * the startup's profile whatever order the startups and applications topics are read in. Every
 * change is one conditional write of this document (on `version`) that also records the cell
 * changes it implies, which the event's record then adds to the cells with its batch, once, by its offset.
 */
@Schema({ collection: 'startup_sectors', timestamps: true })
export class StartupSectors {
  /** `<site>|<startupId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true })
  startupId!: string;

  /** Unknown until the startup's registration or a profile update is read. */
  @Prop({ type: [String], default: undefined, index: true })
  sectors?: string[];

  /** `<event time>|<event id>` of the profile event the sectors come from: an older one read later changes nothing. */
  @Prop()
  sectorsAsOf?: string;

  @Prop({ type: [Object], default: [] })
  contributions!: SectorContribution[];

  @Prop({ type: [Object], default: [] })
  pending!: PendingSectorChange[];

  @Prop({ required: true })
  version!: number;
}

export const StartupSectorsSchema = SchemaFactory.createForClass(StartupSectors);
