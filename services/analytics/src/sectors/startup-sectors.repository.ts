import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { StartupRegisteredV1 } from '@technopark/contracts';
import type { EventEffects, ReceivedEvent } from '@technopark/messaging';
import { isDuplicateKeyError, RecentDocuments, versionedWrite } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import type { CellIncrement } from '../kpis/kpi-cell';
import { sectorIncrements, sectorMoveIncrements, type SectorContribution } from './sector.projection';
import { type PendingSectorChange, StartupSectors } from './startup-sectors.schema';

type SectorsState = Pick<StartupSectors, 'sectors' | 'sectorsAsOf' | 'contributions'>;
type Decision = { readonly state: Partial<SectorsState>; readonly cells: readonly CellIncrement[] } | undefined;

/** The event that changes a startup's sector counts, and the startup it is about. */
export interface StartupFact {
  readonly eventId: string;
  readonly site: string;
  readonly startupId: string;
}

/** Startups whose document a process keeps as it last wrote it: a rebuild reads each far less often. */
const RECENT_STARTUPS = 5_000;

/** Keeps the funnel per sector: counts made before the sectors are known wait for them, and move with them. */
@Injectable()
export class StartupSectorsRepository {
  private readonly recent = new RecentDocuments<StartupSectors | null>(RECENT_STARTUPS);

  constructor(
    @InjectModel(StartupSectors.name) private readonly startups: Model<StartupSectors>,
    private readonly cells: KpiCellsRepository,
  ) {}

  /**
   * An application event's funnel counts: under the startup's sectors now, or once they are known.
   * True when cell changes joined the batch.
   */
  onFunnelCounts(
    fact: StartupFact,
    contributions: readonly SectorContribution[],
    batch: EventEffects,
  ): Promise<boolean> {
    if (contributions.length === 0) return Promise.resolve(false);
    return this.change(fact, batch, ({ sectors, contributions: counted }) => {
      if (counted.some((contribution) => contribution.eventId === fact.eventId)) return undefined;
      return {
        state: { contributions: [...counted, ...contributions] },
        cells: sectorIncrements(fact.site, contributions, sectors ?? [], 1),
      };
    });
  }

  /** A registration or profile update: the startup's counts move to its new sectors (an older profile read late changes nothing). */
  onProfile(event: ReceivedEvent<StartupRegisteredV1>, batch: EventEffects): Promise<boolean> {
    const asOf = `${event.time}|${event.id}`;
    return this.change(
      { eventId: event.id, site: event.site, startupId: event.data.startupId },
      batch,
      ({ sectors, sectorsAsOf, contributions }) => {
        if (sectorsAsOf !== undefined && sectorsAsOf >= asOf) return undefined;
        return {
          state: { sectors: [...event.data.sectors], sectorsAsOf: asOf },
          cells: sectorMoveIncrements(event.site, contributions, sectors ?? [], event.data.sectors),
        };
      },
    );
  }

  /** The startups of some sites that have a sector now (drill-down of a sector's figure). */
  async startupsIn(sector: string, sites: readonly string[]): Promise<string[]> {
    const found = await this.startups
      .find({ sectors: sector, site: { $in: [...sites] } }, { startupId: 1 })
      .lean<Pick<StartupSectors, 'startupId'>[]>();
    return found.map(({ startupId }) => startupId);
  }

  /**
   * Decides on the current document and writes it only if nobody wrote in between, the cell
   * changes recorded with it; then queues them with the batch.
   */
  private async change(
    fact: StartupFact,
    batch: EventEffects,
    decide: (state: SectorsState) => Decision,
  ): Promise<boolean> {
    const id = `${fact.site}|${fact.startupId}`;
    // A kept copy is only a starting point: each write is checked against the stored version.
    for (let kept = this.recent.get(id); ; kept = undefined) {
      const current = kept !== undefined ? kept : await this.startups.findById(id).lean<StartupSectors>();
      const decision = decide(current ?? { contributions: [] });
      if (!decision) return this.queueOwnChanges(current, fact, batch);
      const pending: PendingSectorChange[] = [
        ...(current?.pending ?? []),
        {
          eventId: fact.eventId,
          cells: decision.cells.map(({ kpi, period, dimension, by }) => ({ kpi, period, dimension, by })),
        },
      ];
      const written = await this.write(id, current, { ...decision.state, pending }, fact);
      if (written) {
        this.recent.set(id, written);
        return this.queueOwnChanges(written, fact, batch);
      }
      this.recent.forget(id);
    }
  }

  /** The document as written, or undefined when another writer came first. */
  private async write(
    id: string,
    current: StartupSectors | null,
    state: Partial<StartupSectors>,
    fact: StartupFact,
  ): Promise<StartupSectors | undefined> {
    if (current) {
      const write = versionedWrite<StartupSectors>(current, { $set: state });
      const { matchedCount } = await this.startups.updateOne(write.filter, write.update);
      return matchedCount === 1 ? { ...current, ...state, version: (current.version ?? 0) + 1 } : undefined;
    }
    const created = { _id: id, site: fact.site, startupId: fact.startupId, contributions: [], ...state, version: 1 };
    try {
      await this.startups.create(created);
      return created as StartupSectors;
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined;
      throw error;
    }
  }

  /**
   * Queues the cell changes this event recorded, guarded by its record's offset, and takes them
   * off the document once the batch is stored. Only the event's own record adds them: a crash
   * before the batch is stored leaves them for that record, read again, and its offset tells
   * the cells what they have; another event's record would add them under its own offset, a second
   * time. True when changes joined the batch.
   */
  private async queueOwnChanges(
    document: StartupSectors | null,
    fact: StartupFact,
    batch: EventEffects,
  ): Promise<boolean> {
    const own = (document?.pending ?? []).filter(({ eventId }) => eventId === fact.eventId);
    if (!document || own.length === 0) return false;
    const cells = own.flatMap((change) => change.cells.map((cell) => ({ ...cell, site: document.site })));
    await this.cells.queue(cells, { id: fact.eventId }, batch);
    // The entry as read: FerretDB pulls an array element by its whole value only. The version stays,
    // so the kept copy, changed alike once the batch is stored, still writes; a writer elsewhere that
    // read the entry may bring it back, which only leaves a change no other record adds.
    for (const change of own) batch.updateLast(this.startups, document._id, { $pull: { pending: change } });
    batch.onStored(() =>
      this.recent.update(
        document._id,
        (kept) => kept && { ...kept, pending: kept.pending.filter(({ eventId }) => eventId !== fact.eventId) },
      ),
    );
    return cells.length > 0;
  }
}
