import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  from,
  interval,
  type Observable,
  shareReplay,
  startWith,
  Subject,
  switchMap,
  takeUntil,
} from 'rxjs';
import { KpiVersionRepository } from '../kpis/kpi-version.repository';

/** How often the shared change counter is read while at least one dashboard listens. */
export const STREAM_POLL_MS = 1_000;

/**
 * The KPI change sequence as a stream, read from the database so that a change projected by any
 * instance reaches the dashboards of every instance. One poll is shared by all listeners, and a new listener starts from the latest value.
 */
@Injectable()
export class KpiStreamService implements OnApplicationShutdown {
  private readonly logger = new Logger('kpi-stream');
  private readonly stopped = new Subject<void>();
  readonly sequence$: Observable<number>;

  constructor(private readonly versions: KpiVersionRepository) {
    this.sequence$ = interval(STREAM_POLL_MS).pipe(
      startWith(0),
      switchMap(() =>
        from(this.versions.current()).pipe(
          catchError((error: Error) => {
            this.logger.warn({ msg: 'could not read the KPI change sequence; retrying', reason: error.message });
            return EMPTY;
          }),
        ),
      ),
      distinctUntilChanged(),
      takeUntil(this.stopped),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  onApplicationShutdown(): void {
    this.stopped.next();
    this.stopped.complete();
  }
}
