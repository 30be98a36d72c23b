import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ResidentReportSubmittedV1 } from '@technopark/contracts';
import type { EventEffects, ReceivedEvent } from '@technopark/messaging';
import { FIRST_VERSION, isDuplicateKeyError, versionedWrite } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { type JobsChange, StartupHeadcount } from './startup-headcount.schema';
import { JOBS_KPI } from '../kpis/economy-kpis';

@Injectable()
export class JobsRepository {
  constructor(
    @InjectModel(StartupHeadcount.name) private readonly headcounts: Model<StartupHeadcount>,
    private readonly cells: KpiCellsRepository,
  ) {}

  /** True when the report's change of the jobs total joined the batch (a newer quarter's headcount). */
  async onReport(event: ReceivedEvent<ResidentReportSubmittedV1>, batch: EventEffects): Promise<boolean> {
    const id = `${event.site}|${event.data.startupId}`;
    for (;;) {
      const current = await this.headcounts.findById(id).lean<StartupHeadcount>();
      // An older or the same quarter: not the latest headcount, or this report read again.
      if (current && current.period >= event.data.period) return this.queueOwnChange(current, event.id, batch);
      const change = {
        eventId: event.id,
        period: event.data.period,
        delta: event.data.headcount - (current?.headcount ?? 0),
      };
      const written = await this.write(id, current, change, event);
      if (written) return this.queueOwnChange(written, event.id, batch);
    }
  }

  /** The document as written, or undefined when another report moved it first. */
  private async write(
    id: string,
    current: StartupHeadcount | null,
    change: JobsChange,
    event: ReceivedEvent<ResidentReportSubmittedV1>,
  ): Promise<StartupHeadcount | undefined> {
    const state = { site: event.site, period: event.data.period, headcount: event.data.headcount };
    if (current) {
      const write = versionedWrite<StartupHeadcount>(current, { $set: state, $push: { changes: change } });
      const { matchedCount } = await this.headcounts.updateOne(write.filter, write.update);
      return matchedCount === 1 ? { ...current, ...state, changes: [...(current.changes ?? []), change] } : undefined;
    }
    const created = { _id: id, ...state, changes: [change], version: FIRST_VERSION };
    try {
      await this.headcounts.create(created);
      return created;
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined;
      throw error;
    }
  }

  /**
   * Queues the change this report recorded, guarded by its record's offset, and takes it off the
   * document once the batch is stored. Only the report's own record adds it: another record would
   * add it under its own offset, a second time.
   */
  private async queueOwnChange(document: StartupHeadcount, eventId: string, batch: EventEffects): Promise<boolean> {
    const own = (document.changes ?? []).filter((change) => change.eventId === eventId);
    if (own.length === 0) return false;
    await this.cells.queue(
      own.map(({ period, delta }) => ({ kpi: JOBS_KPI, period, dimension: 'all', site: document.site, by: delta })),
      { id: eventId },
      batch,
    );
    // The entry as read (FerretDB pulls an array element by its whole value only); the version
    // moves so that a writer that read the entry writes again rather than bring it back.
    for (const change of own)
      batch.updateLast(this.headcounts, document._id, { $pull: { changes: change }, $inc: { version: 1 } });
    return true;
  }
}
