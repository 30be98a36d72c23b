import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { KpiUpdated } from '@technopark/contracts';
import { EventOutbox, newEvent } from '@technopark/messaging';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { Model } from 'mongoose';
import { concatMap, type Subscription } from 'rxjs';
import type { AnalyticsEnvironment } from '../config/analytics.environment';
import { rangeOf } from '../kpis/kpi-query.dto';
import { KpisService } from '../kpis/kpis.service';
import { KpiSnapshot } from './kpi-snapshot.schema';
import { KpiStreamService } from './kpi-stream.service';
import { flattenKpis } from './kpi-values';

const SNAPSHOT_ID = 'kpis';

/**
 * Publishes `kpi.updated` for every KPI whose value changed since the last publication, through the
 * outbox (so a crash loses nothing), following the KPI change sequence.
 */
@Injectable()
export class KpiSnapshotPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('kpi-snapshots');
  private subscription?: Subscription;
  private readonly scope: string;

  constructor(
    private readonly stream: KpiStreamService,
    private readonly kpis: KpisService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    @InjectModel(KpiSnapshot.name) private readonly snapshots: Model<KpiSnapshot>,
    @Inject(SERVICE_ENVIRONMENT) environment: AnalyticsEnvironment,
  ) {
    this.scope = environment.ANALYTICS_SCOPE === 'national' ? 'national' : environment.SITE_ID;
  }

  onApplicationBootstrap(): void {
    this.subscription = this.stream.sequence$.pipe(concatMap((sequence) => this.publishChanges(sequence))).subscribe();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  async publishChanges(sequence: number): Promise<void> {
    if (sequence === 0) return;
    try {
      const published = await this.snapshots
        .findOneAndUpdate(
          { _id: SNAPSHOT_ID },
          { $setOnInsert: { version: 0, values: [] } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<KpiSnapshot>();
      const values = flattenKpis(await this.kpis.all(rangeOf({}, this.clock), {}));
      const before = new Map((published?.values ?? []).map(({ kpi, value }) => [kpi, value]));
      const changed = Object.entries(values).filter(([kpi, value]) => !before.has(kpi) || before.get(kpi) !== value);
      if (changed.length === 0) return;
      const asOf = this.clock.now().toISOString();
      const events = changed.map(([kpi, value]) =>
        newEvent(KpiUpdated, { scope: this.scope, kpi, value, sequence, asOf }),
      );
      const written = await this.outbox.update(
        this.snapshots,
        { _id: SNAPSHOT_ID, version: published?.version ?? 0 },
        {
          $set: {
            values: Object.entries(values).map(([kpi, value]) => ({ kpi, value })),
            version: (published?.version ?? 0) + 1,
          },
        },
        events,
      );
      if (written) this.logger.log({ msg: 'kpi snapshots published', sequence, changed: changed.length });
    } catch (error) {
      // The next change publishes the then-current values, which include these.
      this.logger.warn({ msg: 'kpi snapshots not published', sequence, reason: (error as Error).message });
    }
  }
}
