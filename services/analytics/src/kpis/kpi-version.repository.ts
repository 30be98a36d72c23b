import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock } from '@technopark/platform';
import { KpiVersion, type SiteFreshness } from './kpi-version.schema';

const ID = 'kpis';

@Injectable()
export class KpiVersionRepository {
  constructor(
    @InjectModel(KpiVersion.name) private readonly versions: Model<KpiVersion>,
    private readonly clock: Clock,
  ) {}

  /**
   * Records that an event of `site` was read, and that the KPIs changed when they did. `$max`
   * keeps the newest times whatever the order of arrival, so a replay or a late copy moves nothing back.
   */
  async recordRead(event: { site: string; time: string }, changed: boolean): Promise<void> {
    await this.versions.updateOne(
      { _id: ID },
      {
        $max: {
          [`sites.${event.site}.lastEventAt`]: new Date(event.time),
          [`sites.${event.site}.lastReadAt`]: this.clock.now(),
        },
        ...(changed ? { $inc: { sequence: 1 } } : {}),
      },
      { upsert: true },
    );
  }

  async current(): Promise<number> {
    return (await this.versions.findById(ID).lean<KpiVersion>())?.sequence ?? 0;
  }

  /** Each site's freshness, for the sites this instance has read an event of. */
  async freshness(): Promise<Record<string, SiteFreshness>> {
    return (await this.versions.findById(ID, { sites: 1 }).lean<KpiVersion>())?.sites ?? {};
  }
}
