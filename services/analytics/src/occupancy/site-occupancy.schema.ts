import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { OccupancyChangedV1 } from '@technopark/contracts';

/** A site's latest occupancy: `occupancy.changed` carries the whole picture, so the highest version wins. */
@Schema({ collection: 'site_occupancy', timestamps: true })
export class SiteOccupancy {
  /** The site. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  version!: number;

  @Prop({ type: Object, required: true })
  figures!: Omit<OccupancyChangedV1, 'version'>;

  @Prop({ required: true })
  asOf!: string;
}

export const SiteOccupancySchema = SchemaFactory.createForClass(SiteOccupancy);
