import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ResidentReportSubmittedV1 } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { StartupHeadcount } from './startup-headcount.schema';

/** Jobs are one cell per site (`economy.jobs`, period `latest`), moved by the difference a newer report makes. */
export const JOBS_CELL = { kpi: 'economy.jobs', period: 'latest', dimension: 'all' } as const;

@Injectable()
export class JobsRepository {
  constructor(@InjectModel(StartupHeadcount.name) private readonly headcounts: Model<StartupHeadcount>, private readonly cells: KpiCellsRepository) {}

  async onReport(event: ReceivedEvent<ResidentReportSubmittedV1>): Promise<void> {
    const id = `${event.site}|${event.data.startupId}`;
    await this.finishPending(id);
    const current = await this.headcounts.findById(id).lean<StartupHeadcount>();
    if (current && current.period >= event.data.period) return; // an older or the same quarter: not the latest headcount
    const change = { eventId: event.id, delta: event.data.headcount - (current?.headcount ?? 0) };
    const update = { $set: { site: event.site, period: event.data.period, headcount: event.data.headcount, pending: change } };
    try {
      const written = current
        ? await this.headcounts.updateOne({ _id: id, period: current.period, pending: { $exists: false } }, update)
        : await this.headcounts.create({ _id: id, ...update.$set });
      if ('matchedCount' in written && written.matchedCount === 0) return this.onReport(event); // another report moved it first
    } catch (error) {
      if (isDuplicateKeyError(error)) return this.onReport(event);
      throw error;
    }
    await this.finishPending(id);
  }

  /** Adds a recorded change to the jobs cell (once, by its event id) and clears it. */
  private async finishPending(id: string): Promise<void> {
    const document = await this.headcounts.findById(id).lean<StartupHeadcount>();
    if (!document?.pending) return;
    await this.cells.apply([{ ...JOBS_CELL, site: document.site, by: document.pending.delta }], { id: document.pending.eventId });
    await this.headcounts.updateOne({ _id: id, 'pending.eventId': document.pending.eventId }, { $unset: { pending: '' } });
  }
}
