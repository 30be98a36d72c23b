import type { SiteFreshness } from '../kpis/kpi-version.schema';
import type { OccupancyChangedV1, ResidentReportSubmittedV1, StartupRegisteredV1 } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import type { Page } from '@technopark/platform';
import type { JobsRepository } from '../economy/jobs.repository';
import { JOBS_KPI } from '../kpis/economy-kpis';
import { type CellIncrement, cellId, type CountedCell } from '../kpis/kpi-cell';
import type { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import type { OccupancyRepository } from '../occupancy/occupancy.repository';
import type { SiteOccupancy } from '../occupancy/site-occupancy.schema';
import { type SectorContribution, sectorIncrements, sectorMoveIncrements } from '../sectors/sector.projection';
import type { StartupFact, StartupSectorsRepository } from '../sectors/startup-sectors.repository';
import type { KpiVersionRepository } from '../kpis/kpi-version.repository';
import type { TimelineEntry } from '../timeline/timeline-entry.schema';
import type { TimelineRepository } from '../timeline/timeline.repository';
import type { Wait, WaitStartsRepository } from '../waits/wait-starts.repository';
import { type Quarter, quarterOf } from '../reach/quarter';
import {
  type QuarterReach,
  quarterReachOf,
  type ReachedStartup,
  type ResidencySpanFacts,
} from '../reach/quarter-reach';
import type { ReachRepository } from '../reach/reach.repository';

/** The public surface of a repository: what an in-memory one implements, checked by the compiler. */
type SameInterface<T> = { [K in keyof T]: T[K] };

/** Unit tests of the projections: the repositories' interfaces over maps, no database. */
export class InMemoryKpiCells implements SameInterface<KpiCellsRepository> {
  private readonly values = new Map<string, number>();
  private readonly counted = new Map<string, Set<string>>();
  private readonly sites = new Set<string>();

  /** Written at once (no batch here): true when a cell changed. */
  queue(increments: readonly CellIncrement[], event: Pick<ReceivedEvent, 'id'>): Promise<boolean> {
    return this.apply(increments, event);
  }

  /** Each increment once per event: true when a cell changed. */
  async apply(increments: readonly CellIncrement[], event: Pick<ReceivedEvent, 'id'>): Promise<boolean> {
    const byCell = new Map<string, CellIncrement>();
    for (const increment of increments) {
      const id = cellId(increment.site, increment.kpi, increment.period, increment.dimension);
      byCell.set(id, { ...increment, by: (byCell.get(id)?.by ?? 0) + increment.by });
    }
    let changed = false;
    for (const [id, increment] of byCell) {
      this.sites.add(increment.site);
      const seen = this.counted.get(id) ?? new Set<string>();
      if (seen.has(event.id)) continue;
      this.counted.set(id, seen.add(event.id));
      this.values.set(id, (this.values.get(id) ?? 0) + increment.by);
      changed = true;
    }
    return changed;
  }

  async find(filter: {
    kpis: readonly string[];
    site?: string;
    from: string;
    to: string;
    dimension: string;
  }): Promise<CountedCell[]> {
    return this.cells().filter(
      (cell) =>
        filter.kpis.includes(cell.kpi) &&
        (!filter.site || cell.site === filter.site) &&
        cell.dimension === filter.dimension &&
        cell.period >= filter.from &&
        cell.period <= filter.to,
    );
  }

  async findByDimensionPrefix(filter: {
    kpi: string;
    site?: string;
    from: string;
    to: string;
    prefix: string;
  }): Promise<CountedCell[]> {
    return this.cells().filter(
      (cell) =>
        cell.kpi === filter.kpi &&
        (!filter.site || cell.site === filter.site) &&
        cell.dimension.startsWith(filter.prefix) &&
        cell.period >= filter.from &&
        cell.period <= filter.to,
    );
  }

  async siteIds(): Promise<string[]> {
    return [...this.sites].sort();
  }

  /** One cell's value, 0 when nothing was counted in it. */
  value(site: string, kpi: string, period: string, dimension = 'all'): number {
    return this.values.get(cellId(site, kpi, period, dimension)) ?? 0;
  }

  private cells(): CountedCell[] {
    return [...this.values].map(([id, value]) => {
      const [site, kpi, period, dimension] = id.split('|') as [string, string, string, string];
      return { site, kpi, period, dimension, value };
    });
  }
}

export class InMemoryKpiVersions implements SameInterface<KpiVersionRepository> {
  private sequence = 0;
  private readonly sites: Record<string, SiteFreshness> = {};

  /** Written at once (no batch here): the sequence moves when an effect already changed a figure. */
  queueRead(event: { site: string; time: string }, change: { changedAlready: boolean; countsQueued: boolean }): void {
    const changed = change.changedAlready;
    const eventTime = new Date(event.time);
    const known = this.sites[event.site];
    this.sites[event.site] = {
      lastEventAt: known && known.lastEventAt > eventTime ? known.lastEventAt : eventTime,
      lastReadAt: new Date(),
    };
    if (changed) this.sequence += 1;
  }

  async current(): Promise<number> {
    return this.sequence;
  }

  async freshness(): Promise<Record<string, SiteFreshness>> {
    return { ...this.sites };
  }
}

export class InMemoryTimeline implements SameInterface<TimelineRepository> {
  readonly entries = new Map<string, TimelineEntry>();

  queue(entry: Omit<TimelineEntry, 'data'> & { readonly data: object }): void {
    if (!this.entries.has(entry._id)) this.entries.set(entry._id, { ...entry, data: { ...entry.data } });
  }

  async pageOfStartup(startupId: string, page: { limit: number }): Promise<Page<TimelineEntry>> {
    return this.page((entry) => entry.startupId === startupId, page.limit);
  }

  async pageOfCells(
    cells: readonly string[],
    startupIds: readonly string[] | undefined,
    page: { limit: number },
  ): Promise<Page<TimelineEntry>> {
    return this.page(
      (entry) =>
        entry.cells.some((cell) => cells.includes(cell)) && (!startupIds || startupIds.includes(entry.startupId)),
      page.limit,
    );
  }

  private page(keep: (entry: TimelineEntry) => boolean, limit: number): Page<TimelineEntry> {
    const items = [...this.entries.values()].filter(keep).sort((a, b) => a.time.localeCompare(b.time));
    return { items: items.slice(0, limit), nextCursor: null };
  }
}

export class InMemoryWaitStarts implements SameInterface<WaitStartsRepository> {
  private readonly starts = new Map<string, string>();

  async begin(wait: Wait, at: string): Promise<void> {
    this.starts.set(JSON.stringify(wait), at);
  }

  async startOf(wait: Wait): Promise<string | undefined> {
    return this.starts.get(JSON.stringify(wait));
  }
}

export class InMemoryOccupancy implements SameInterface<OccupancyRepository> {
  private readonly pictures = new Map<string, SiteOccupancy>();

  async keepLatest(event: ReceivedEvent<OccupancyChangedV1>): Promise<boolean> {
    const { version, ...figures } = event.data;
    if ((this.pictures.get(event.site)?.version ?? 0) >= version) return false;
    this.pictures.set(event.site, { _id: event.site, version, figures, asOf: event.time });
    return true;
  }

  async latest(site?: string): Promise<SiteOccupancy[]> {
    return [...this.pictures.values()].filter((picture) => !site || picture._id === site);
  }

  async sites(): Promise<string[]> {
    return [...this.pictures.keys()].sort();
  }
}

/** A startup's sectors and the funnel counts made for it: counted under its sectors, moved when they change. */
export class InMemoryStartupSectors implements SameInterface<StartupSectorsRepository> {
  private readonly startups = new Map<
    string,
    { sectors?: string[]; asOf?: string; contributions: SectorContribution[] }
  >();

  constructor(private readonly cells: InMemoryKpiCells) {}

  /** Written at once (no batch here). */
  async onFunnelCounts(fact: StartupFact, contributions: readonly SectorContribution[]): Promise<boolean> {
    if (contributions.length === 0) return false;
    const startup = this.of(fact.site, fact.startupId);
    if (startup.contributions.some((counted) => counted.eventId === fact.eventId)) return false;
    startup.contributions.push(...contributions);
    return this.cells.apply(sectorIncrements(fact.site, contributions, startup.sectors ?? [], 1), { id: fact.eventId });
  }

  async onProfile(event: ReceivedEvent<StartupRegisteredV1>): Promise<boolean> {
    const startup = this.of(event.site, event.data.startupId);
    const asOf = `${event.time}|${event.id}`;
    if (startup.asOf !== undefined && startup.asOf >= asOf) return false;
    const before = startup.sectors ?? [];
    startup.sectors = [...event.data.sectors];
    startup.asOf = asOf;
    return this.cells.apply(sectorMoveIncrements(event.site, startup.contributions, before, startup.sectors), event);
  }

  async startupsIn(sector: string, sites: readonly string[]): Promise<string[]> {
    return [...this.startups]
      .filter(([key, startup]) => sites.includes(key.split('|')[0] as string) && startup.sectors?.includes(sector))
      .map(([key]) => key.split('|')[1] as string);
  }

  private of(site: string, startupId: string) {
    const key = `${site}|${startupId}`;
    const known = this.startups.get(key) ?? { contributions: [] };
    this.startups.set(key, known);
    return known;
  }
}

/** Jobs: the difference each newer report makes to a startup's latest headcount, in the report's quarter. */
export class InMemoryJobs implements SameInterface<JobsRepository> {
  private readonly latest = new Map<string, { period: string; headcount: number }>();

  constructor(private readonly cells: InMemoryKpiCells) {}

  async onReport(event: ReceivedEvent<ResidentReportSubmittedV1>): Promise<boolean> {
    const key = `${event.site}|${event.data.startupId}`;
    const current = this.latest.get(key);
    if (current && current.period >= event.data.period) return false;
    this.latest.set(key, { period: event.data.period, headcount: event.data.headcount });
    const delta = event.data.headcount - (current?.headcount ?? 0);
    return this.cells.apply(
      [{ kpi: JOBS_KPI, site: event.site, period: event.data.period, dimension: 'all', by: delta }],
      event,
    );
  }
}

export class InMemoryReach implements SameInterface<ReachRepository> {
  private readonly reach = new Map<string, ReachedStartup & { quarter: Quarter }>();
  private readonly spans = new Map<string, ResidencySpanFacts>();

  /** Nothing written before: no span to upgrade. */
  upgradeStatelessSpans(): Promise<number> {
    return Promise.resolve(0);
  }

  /** The open residencies are read from the spans here: nothing to build. */
  upgradeOpenResidencies(): Promise<number> {
    return Promise.resolve(0);
  }

  async reached(site: string, startupId: string, checkedInAt: string): Promise<boolean> {
    const quarter = quarterOf(checkedInAt);
    const id = `${site}|${quarter}|${startupId}`;
    if (this.reach.has(id)) return false;
    this.reach.set(id, { site, startupId, quarter });
    return true;
  }

  async spanned(
    site: string,
    residency: { residencyId: string; startupId: string; startedOn?: string; endedOn?: string },
  ): Promise<boolean> {
    const id = `${site}|${residency.residencyId}`;
    const before = this.spans.get(id);
    const { startedOn, endedOn } = residency;
    const after = {
      ...before,
      site,
      startupId: residency.startupId,
      ...(startedOn && { startedOn }),
      ...(endedOn && { endedOn }),
    };
    this.spans.set(id, after);
    return JSON.stringify(before) !== JSON.stringify(after);
  }

  async ofQuarter(quarter: Quarter, site?: string): Promise<QuarterReach> {
    const inScope = <T extends { site: string }>(entries: Iterable<T>) =>
      [...entries].filter((entry) => !site || entry.site === site);
    return quarterReachOf(
      quarter,
      inScope(this.reach.values()).filter((entry) => entry.quarter === quarter),
      inScope(this.spans.values()),
    );
  }
}
