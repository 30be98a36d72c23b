import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { OccupancyChangedV1 } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { SiteOccupancy } from './site-occupancy.schema';

/** Each site's latest occupancy picture. */
@Injectable()
export class OccupancyRepository {
  constructor(@InjectModel(SiteOccupancy.name) private readonly occupancy: Model<SiteOccupancy>) {}

  /** Keeps the picture if it is newer than the one kept; true when it was. */
  async keepLatest(event: ReceivedEvent<OccupancyChangedV1>): Promise<boolean> {
    const { version, ...figures } = event.data;
    try {
      const { modifiedCount, upsertedCount } = await this.occupancy.updateOne(
        { _id: event.site, version: { $lt: version } },
        { $set: { version, figures, asOf: event.time } },
        { upsert: true },
      );
      return modifiedCount + upsertedCount > 0;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return false; // the same or a newer version is already kept
    }
  }

  /** The latest pictures, of one site or of every site, by site. */
  latest(site?: string): Promise<SiteOccupancy[]> {
    return this.occupancy
      .find(site ? { _id: site } : {})
      .sort({ _id: 1 })
      .lean<SiteOccupancy[]>()
      .exec();
  }

  /** The sites a picture was read for. */
  async sites(): Promise<string[]> {
    return (await this.occupancy.distinct('_id')).map(String);
  }
}
