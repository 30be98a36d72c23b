import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OccupancyChanged, type OccupancyChangedV1 } from '@technopark/contracts';
import { EventOutbox, newEvent } from '@technopark/messaging';
import { isDeepStrictEqual } from 'node:util';
import type { Model } from 'mongoose';
import { ResidenciesRepository } from '../residencies/residencies.repository';
import { SpacesRepository } from '../spaces/spaces.repository';
import { OccupancySnapshot } from './occupancy.schema';

export type OccupancyFigures = Omit<OccupancyChangedV1, 'version'>;

const SNAPSHOT_ID = 'site';
const ATTEMPTS = 5;

/**
 * Counts the site's occupancy from the spaces and residencies themselves (so it is always exact)
 * and publishes `occupancy.changed` whenever the count differs from the last one published.
 */
@Injectable()
export class OccupancyService {
  private readonly logger = new Logger('occupancy');

  constructor(
    private readonly spaces: SpacesRepository,
    private readonly residencies: ResidenciesRepository,
    private readonly outbox: EventOutbox,
    @InjectModel(OccupancySnapshot.name) private readonly snapshots: Model<OccupancySnapshot>,
  ) {}

  async current(): Promise<OccupancyFigures> {
    const [totals, residents, awaitingMoveIn, waitlist] = await Promise.all([
      this.spaces.totals(),
      this.residencies.count('started'),
      this.residencies.count('allocated'),
      this.residencies.count('waitlisted'),
    ]);
    return { ...totals, residents, awaitingMoveIn, waitlist };
  }

  /**
   * Publishes the occupancy if it changed. The count is taken after reading the published version
   * and written only over that version, so of two concurrent refreshes the later count wins.
   */
  async refresh(): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const published = await this.snapshots
        .findOneAndUpdate(
          { _id: SNAPSHOT_ID },
          { $setOnInsert: { version: 0 } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<OccupancySnapshot>();
      const figures = await this.current();
      if (published && isDeepStrictEqual(published.figures, figures)) return;
      const version = (published?.version ?? 0) + 1;
      const written = await this.outbox.update(
        this.snapshots,
        { _id: SNAPSHOT_ID, version: version - 1 },
        { $set: { figures, version } },
        [newEvent(OccupancyChanged, { version, ...figures })],
      );
      if (written) {
        this.logger.log({ msg: 'occupancy changed', version, ...figures });
        return;
      }
    }
    throw new Error('occupancy kept changing during refresh; the next change or sweep publishes it');
  }
}
