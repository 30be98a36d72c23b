import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { MatchedResident } from './matched-resident.schema';

/** Which residents had a qualified match. */
@Injectable()
export class MatchedResidentsRepository {
  constructor(@InjectModel(MatchedResident.name) private readonly residents: Model<MatchedResident>) {}

  /**
   * Marks the startup, or finds it marked by an earlier event. True only for the event that marked
   * it, so a redelivery of that event counts again (its cell increment is idempotent on its own).
   */
  async firstFor(site: string, startupId: string, eventId: string): Promise<boolean> {
    const _id = `${site}|${startupId}`;
    await this.residents.updateOne({ _id }, { $setOnInsert: { firstMatchEventId: eventId } }, { upsert: true });
    return (await this.residents.findById(_id).lean<MatchedResident>())?.firstMatchEventId === eventId;
  }
}
