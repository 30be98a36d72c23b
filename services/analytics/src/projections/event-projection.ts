import { Injectable } from '@nestjs/common';
import type { EventEffects, ReceivedEvent } from '@technopark/messaging';
import { cellId, type CellIncrement } from '../kpis/kpi-cell';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { sectorContributionsOf } from '../sectors/sector.projection';
import { StartupSectorsRepository } from '../sectors/startup-sectors.repository';
import { KpiVersionRepository } from '../kpis/kpi-version.repository';
import { TimelineRepository } from '../timeline/timeline.repository';

/** What one event does to analytics' figures, as a projection decided it. */
export interface ProjectedEffects {
  /** The KPI cells the event adds to. */
  readonly increments?: readonly CellIncrement[];
  /** The startup the event is about: the event joins its timeline, and its funnel counts follow its sectors. */
  readonly startupId?: string;
  /** The program the startup's funnel counts are also kept under, per sector. */
  readonly programId?: string;
  /** An event about several startups (a competition's results): one timeline entry each, with its own part of the payload. */
  readonly startupEntries?: readonly {
    readonly startupId: string;
    readonly data: object;
    readonly cells?: readonly CellIncrement[];
  }[];
  /** An effect the projection stores itself (jobs, occupancy, a profile's sectors), after the shared ones; true when it changed a figure. */
  readonly ownEffect?: () => Promise<boolean>;
}

/**
 * Stores an event's effects. The timeline entries, the KPI cells and the change sequence that
 * wakes the dashboards (with the site's freshness) join the partition's batch, written together
 * before its offsets are committed; a startup's sectors and the projection's own effect read
 * their state, so they are written at once (the sector counts they decide join the batch). Each effect is idempotent on its own, so a
 * redelivery, a replay from the beginning or a crash half-way ends in the same figures, and a
 * redelivery wakes no dashboard.
 */
@Injectable()
export class EventProjection {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly cells: KpiCellsRepository,
    private readonly sectors: StartupSectorsRepository,
    private readonly versions: KpiVersionRepository,
  ) {}

  async record<T extends object>(
    event: ReceivedEvent<T>,
    batch: EventEffects,
    effects: ProjectedEffects,
  ): Promise<void> {
    const { increments = [], startupId, programId, ownEffect, startupEntries = [] } = effects;
    if (startupId) {
      const cells = increments.map(({ site, kpi, period, dimension }) => cellId(site, kpi, period, dimension));
      this.timeline.queue(
        {
          _id: event.id,
          startupId,
          site: event.site,
          type: event.type,
          subject: event.subject,
          time: event.time,
          data: event.data,
          cells,
        },
        batch,
      );
    }
    for (const entry of startupEntries) {
      this.timeline.queue(
        {
          _id: `${event.id}|${entry.startupId}`,
          startupId: entry.startupId,
          site: event.site,
          type: event.type,
          subject: event.subject,
          time: event.time,
          data: entry.data,
          cells: (entry.cells ?? []).map(({ site, kpi, period, dimension }) => cellId(site, kpi, period, dimension)),
        },
        batch,
      );
    }
    const counted = await this.cells.queue(increments, event, batch);
    const countedBySector = startupId
      ? await this.sectors.onFunnelCounts(
          { eventId: event.id, site: event.site, startupId },
          sectorContributionsOf(event.id, increments, programId),
          batch,
        )
      : false;
    const changedOwn = ownEffect ? await ownEffect() : false;
    this.versions.queueRead(
      event,
      { changedAlready: counted || countedBySector || changedOwn, countsQueued: increments.length > 0 },
      batch,
    );
  }
}
