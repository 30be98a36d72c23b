import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEffects, ReceivedEvent } from '@technopark/messaging';
import type { Model } from 'mongoose';
import type { CellIncrement, CountedCell } from './kpi-cell';
import { KpiSite, KpiYear } from './kpi-cell.schema';
import { YEAR, yearDocumentUpdates, yearsOf } from './kpi-year-layout';

interface YearRead {
  readonly ids: readonly string[];
  readonly resolve: (documents: KpiYear[]) => void;
  readonly reject: (error: unknown) => void;
}

/** The only place that touches the KPI cells. */
@Injectable()
export class KpiCellsRepository {
  /** The first year this process registered per site, so that registering costs a write only when it moves earlier. */
  private readonly registered = new Map<string, string>();
  private sitesRead: Promise<KpiSite[]> | undefined;
  private readonly yearReads: YearRead[] = [];

  constructor(
    @InjectModel(KpiYear.name) private readonly years: Model<KpiYear>,
    @InjectModel(KpiSite.name) private readonly sites: Model<KpiSite>,
  ) {}

  /**
   * Adds each increment once per event, whatever the number of deliveries, with the rest of the
   * batch (the site's first year is registered at once). Guarded by the record's offset, not by a
   * marker per event: a year document many events add to stays small, so reads stay flat as
   * history grows. False: nothing changed yet, the batch will.
   */
  async queue(
    increments: readonly CellIncrement[],
    event: Pick<ReceivedEvent, 'id'>,
    batch: EventEffects,
  ): Promise<boolean> {
    for (const { id, update } of await this.registeredWrites(increments))
      batch.applyByOffset(this.years, id, update, event);
    return false;
  }

  /** The year document writes of some increments, their sites' first years registered first. */
  private async registeredWrites(increments: readonly CellIncrement[]) {
    const updates = yearDocumentUpdates(increments);
    for (const { site, year } of updates) await this.register(site, year);
    return updates.map(({ id, site, kpi, dimension, year, inc }) => ({
      id,
      update: { $inc: inc, $setOnInsert: { site, kpi, dimension, year } },
    }));
  }

  /** The cells of some KPIs over a range of periods, for one site or every site. */
  async find(filter: {
    kpis: readonly string[];
    site?: string;
    from: string;
    to: string;
    dimension: string;
  }): Promise<CountedCell[]> {
    const found: CountedCell[] = [];
    for (const document of await this.documents(filter.kpis, filter.dimension, filter)) {
      for (const [period, value] of Object.entries(document.values ?? {})) {
        if (!period.includes('|') && period >= filter.from && period <= filter.to)
          found.push({ site: document.site, kpi: document.kpi, period, dimension: filter.dimension, value });
      }
    }
    return found;
  }

  /** The histogram buckets of one KPI whose dimension is `prefix` + days (`days:`, `program:incubation:days:`). */
  async findByDimensionPrefix(filter: {
    kpi: string;
    site?: string;
    from: string;
    to: string;
    prefix: string;
  }): Promise<CountedCell[]> {
    const base = filter.prefix === 'days:' ? 'all' : filter.prefix.slice(0, -':days:'.length);
    const found: CountedCell[] = [];
    for (const document of await this.documents([filter.kpi], base, filter)) {
      for (const [key, value] of Object.entries(document.values ?? {})) {
        const [period, bucket] = key.split('|') as [string, string | undefined];
        if (bucket !== undefined && period >= filter.from && period <= filter.to)
          found.push({ site: document.site, kpi: document.kpi, period, dimension: `${filter.prefix}${bucket}`, value });
      }
    }
    return found;
  }

  /** Every site counted so far, in order. */
  async siteIds(): Promise<string[]> {
    const sites = await this.sites.find({}, { _id: 1 }).lean<Pick<KpiSite, '_id'>[]>();
    return sites.map(({ _id }) => _id).sort();
  }

  /** The year documents a read needs. */
  private async documents(
    kpis: readonly string[],
    dimension: string,
    range: { site?: string; from: string; to: string },
  ): Promise<KpiYear[]> {
    const sites = (await this.knownSites()).filter((site) => range.site === undefined || site._id === range.site);
    const ids = sites.flatMap((site) =>
      yearsOf(range.from, range.to, site.firstYear).flatMap((year) =>
        kpis.map((kpi) => `${site._id}|${kpi}|${dimension}|${year}`),
      ),
    );
    return ids.length === 0 ? [] : this.yearDocuments(ids);
  }

  /** Every site counted, read once for all the reads that ask at the same time. */
  private knownSites(): Promise<KpiSite[]> {
    this.sitesRead ??= this.sites
      .find({})
      .lean<KpiSite[]>()
      .exec()
      .finally(() => (this.sitesRead = undefined));
    return this.sitesRead;
  }

  /**
   * Year documents by `_id`. The reads asked for in one turn of the event loop (an answer's figures
   * ask together) go to the database as one query: a query per figure made an answer cost a few
   * hundred milliseconds.
   */
  private yearDocuments(ids: readonly string[]): Promise<KpiYear[]> {
    return new Promise((resolve, reject) => {
      if (this.yearReads.length === 0) setImmediate(() => void this.readYearDocuments());
      this.yearReads.push({ ids, resolve, reject });
    });
  }

  private async readYearDocuments(): Promise<void> {
    const reads = this.yearReads.splice(0);
    try {
      const ids = [...new Set(reads.flatMap((read) => read.ids))];
      const found = await this.years
        .find({ _id: { $in: ids } }, { _appliedEvents: 0, _appliedOffsets: 0 })
        .lean<KpiYear[]>();
      const byId = new Map(found.map((document) => [document._id, document]));
      for (const read of reads) read.resolve(read.ids.flatMap((id) => byId.get(id) ?? []));
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }

  /** Records the site and its first year (`9999` in the cache: registered, no dated figure yet). */
  private async register(site: string, year: string): Promise<void> {
    const dated = YEAR.test(year) ? year : undefined;
    const known = this.registered.get(site);
    if (known !== undefined && (dated === undefined || known <= dated)) return;
    await this.sites.updateOne({ _id: site }, dated ? { $min: { firstYear: dated } } : {}, { upsert: true });
    this.registered.set(
      site,
      dated !== undefined && (known === undefined || dated < known) ? dated : (known ?? '9999'),
    );
  }
}
