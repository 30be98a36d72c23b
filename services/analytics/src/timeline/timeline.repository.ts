import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventEffects } from '@technopark/messaging';
import { findPage, type Page } from '@technopark/platform';
import type { Model } from 'mongoose';
import { TimelineEntry } from './timeline-entry.schema';

/** The startups' timelines: one entry per event about a startup, whatever service published it. */
@Injectable()
export class TimelineRepository {
  constructor(@InjectModel(TimelineEntry.name) private readonly timeline: Model<TimelineEntry>) {}

  /** Records an event once with the rest of its batch: a redelivery finds its entry already there. */
  queue(entry: Omit<TimelineEntry, 'data'> & { readonly data: object }, batch: EventEffects): void {
    batch.insertOnce(this.timeline, { ...entry, data: { ...entry.data } });
  }

  /** A startup's entries in event time, a page at a time. */
  pageOfStartup(startupId: string, page: { limit: number; cursor?: string }): Promise<Page<TimelineEntry>> {
    return findPage(
      this.timeline,
      { startupId },
      { limit: page.limit, cursor: page.cursor, sortField: 'time', direction: 1 },
    );
  }

  /** The entries counted in any of some KPI cells (of some startups only, when given), in event time. */
  pageOfCells(
    cells: readonly string[],
    startupIds: readonly string[] | undefined,
    page: { limit: number; cursor?: string },
  ): Promise<Page<TimelineEntry>> {
    const startups = startupIds ? { startupId: { $in: [...startupIds] } } : {};
    return findPage(
      this.timeline,
      { cells: { $in: [...cells] }, ...startups },
      { limit: page.limit, cursor: page.cursor, sortField: 'time', direction: 1 },
    );
  }
}
