import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Recomputations too large for a request (a funder's column, every pair after new weights), run one
 * at a time beside the requests. A key queued twice runs once. What is queued is also marked stale
 * in the database, so work lost to a crash or a shutdown is found again by the sweep.
 */
@Injectable()
export class MatchingQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('matching-queue');
  private readonly pending = new Map<string, () => Promise<unknown>>();
  private running?: Promise<void>;
  private current?: string;
  private stopped = false;

  /** Queues `work` unless the same key is queued or running (a change meanwhile leaves it stale, and the sweep requeues it). */
  enqueue(key: string, work: () => Promise<unknown>): void {
    if (this.stopped || this.pending.has(key) || this.current === key) return;
    this.pending.set(key, work);
    this.running ??= this.drain();
  }

  /** Resolves once nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.pending.clear();
    await this.running;
  }

  private async drain(): Promise<void> {
    for (let next = this.pending.entries().next(); !next.done; next = this.pending.entries().next()) {
      const [key, work] = next.value;
      this.pending.delete(key);
      this.current = key;
      try {
        const report = await work();
        this.logger.log({ msg: 'matches computed', work: key, ...(report as object) });
      } catch (error) {
        this.logger.warn({
          msg: 'recomputation failed; the sweep tries again',
          work: key,
          error: (error as Error).message,
        });
      } finally {
        this.current = undefined;
      }
    }
    this.running = undefined;
  }
}
