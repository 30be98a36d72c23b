import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ResidentReportSubmittedV1 } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { StartupHeadcount } from './startup-headcount.schema';
import { JOBS_KPI } from '../kpis/economy-kpis';

@Injectable()
export class JobsRepository {
  constructor(
    @InjectModel(StartupHeadcount.name) private readonly headcounts: Model<StartupHeadcount>,
    private readonly cells: KpiCellsRepository,
  ) {}

  /** True when the jobs figure changed (this report's difference, or one a crash left pending). */
  async onReport(event: ReceivedEvent<ResidentReportSubmittedV1>): Promise<boolean> {
    const id = `${event.site}|${event.data.startupId}`;
    const finished = await this.finishPending(id);
    const current = await this.headcounts.findById(id).lean<StartupHeadcount>();
    if (current && current.period >= event.data.period) return finished; // an older or the same quarter: not the latest headcount
    const change = { eventId: event.id, delta: event.data.headcount - (current?.headcount ?? 0) };
    const update = {
      $set: { site: event.site, period: event.data.period, headcount: event.data.headcount, pending: change },
    };
    try {
      const written = current
        ? await this.headcounts.updateOne({ _id: id, period: current.period, pending: { $exists: false } }, update)
        : await this.headcounts.create({ _id: id, ...update.$set });
      if ('matchedCount' in written && written.matchedCount === 0) return (await this.onReport(event)) || finished; // another report moved it first
    } catch (error) {
      if (isDuplicateKeyError(error)) return (await this.onReport(event)) || finished;
      throw error;
    }
    return (await this.finishPending(id)) || finished;
  }

  /** Adds a recorded change to the jobs cell (once, by its event id) and clears it. */
  private async finishPending(id: string): Promise<boolean> {
    const document = await this.headcounts.findById(id).lean<StartupHeadcount>();
    if (!document?.pending) return false;
    // The pending change was written with the report's period, and nothing overwrites a document while a change is pending.
    const changed = await this.cells.apply(
      [{ kpi: JOBS_KPI, period: document.period, dimension: 'all', site: document.site, by: document.pending.delta }],
      { id: document.pending.eventId },
    );
    await this.headcounts.updateOne(
      { _id: id, 'pending.eventId': document.pending.eventId },
      { $unset: { pending: '' } },
    );
    return changed;
  }
}
