import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEffects } from '@technopark/messaging';
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
   * Records, after the rest of the batch, that an event of `site` was read, and moves the change
   * sequence when a KPI changed: at once when the event already changed a figure (`changedAlready`),
   * or when the counts it queued are applied (`countsQueued`; not for a redelivery). `$max` keeps
   * the newest times whatever the order of arrival, so a replay or a late copy moves nothing back.
   */
  queueRead(
    event: { site: string; time: string },
    change: { changedAlready: boolean; countsQueued: boolean },
    batch: EventEffects,
  ): void {
    batch.updateLast(this.versions, ID, {
      $max: {
        [`sites.${event.site}.lastEventAt`]: new Date(event.time),
        [`sites.${event.site}.lastReadAt`]: this.clock.now(),
      },
    });
    if (change.changedAlready || change.countsQueued)
      batch.updateLast(this.versions, ID, { $inc: { sequence: 1 } }, { ifApplied: !change.changedAlready });
  }

  async current(): Promise<number> {
    return (await this.versions.findById(ID).lean<KpiVersion>())?.sequence ?? 0;
  }

  /** Each site's freshness, for the sites this instance has read an event of. */
  async freshness(): Promise<Record<string, SiteFreshness>> {
    return (await this.versions.findById(ID, { sites: 1 }).lean<KpiVersion>())?.sites ?? {};
  }
}
