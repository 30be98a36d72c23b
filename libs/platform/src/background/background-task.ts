import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

export interface BackgroundTaskOptions {
  /** Appears in the task's logs. */
  readonly name: string;
  /** Pause between runs, and before a retry after a failure. */
  readonly intervalMs: number;
  /** `once`: stop after the first run that succeeds (seeding). `repeat`: run until shutdown (sweeps). */
  readonly mode: 'once' | 'repeat';
}

/**
 * Work a service does beside its requests: started after boot without delaying it, retried while
 * the database or broker is away, and stopped (waiting for a run in progress) at shutdown. Its
 * state lives in the database, so a restart simply runs it again.
 */
export abstract class BackgroundTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  protected constructor(private readonly options: BackgroundTaskOptions) {
    this.logger = new Logger(options.name);
  }

  /** One pass of the work; throwing schedules a retry. */
  protected abstract run(): Promise<void>;

  /** Whether the task should run in this process at all (e.g. nothing to seed). */
  protected enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (this.enabled()) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass();
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    try {
      await this.run();
      if (this.options.mode === 'repeat') this.schedule(this.options.intervalMs);
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn({
        msg: `${this.options.name} failed; retrying`,
        retryInMs: this.options.intervalMs,
        reason: (error as Error).message,
      });
      this.schedule(this.options.intervalMs);
    }
  }
}
