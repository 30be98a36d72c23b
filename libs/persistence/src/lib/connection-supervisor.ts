import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database-options';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

/**
 * Mongoose does not retry a failed first connection. A service must still start (and say
 * "not ready") while its database is away, so this keeps trying with capped backoff until
 * connected; after that the driver's own monitoring reconnects.
 */
@Injectable()
export class ConnectionSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConnectionSupervisor.name);
  private stopped = false;
  private lastError: string | undefined;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions,
  ) {}

  /** Why the database is unavailable, as last seen; undefined once connected. */
  get lastFailure(): string | undefined {
    return this.connection.readyState === 1 ? undefined : this.lastError;
  }

  onApplicationBootstrap(): void {
    this.connection.on('error', (error: Error) => this.remember(error));
    void this.superviseFirstConnection();
  }

  /** A pending connection attempt would hold shutdown until its timeout; abort it instead. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.connection.readyState !== 1) await this.connection.getClient()?.close(true);
  }

  private async superviseFirstConnection(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    while (!this.stopped) {
      try {
        await this.connectionAttempt();
        await this.reportServer();
        return;
      } catch (error) {
        this.remember(error as Error);
        if (this.stopped) return;
        this.logger.warn({ msg: 'MongoDB unavailable, retrying', reason: this.lastError, retryInMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      }
    }
  }

  /** The pending first connection if there is one, otherwise a new attempt. */
  private async connectionAttempt(): Promise<void> {
    if (this.connection.readyState === 1) return;
    if (this.connection.readyState === 2) {
      await this.connection.asPromise();
      return;
    }
    await this.connection.openUri(this.options.url, { dbName: this.options.databaseName });
  }

  /** FerretDB loses concurrent updates made over several connections: say so loudly. */
  private async reportServer(): Promise<void> {
    const info = await this.connection.db?.admin().command({ buildInfo: 1 }).catch(() => undefined);
    const ferretDb = typeof info?.['ferretdbVersion'] === 'string';
    const fields = { database: this.options.databaseName, server: ferretDb ? 'FerretDB' : 'MongoDB', maxPoolSize: this.options.maxPoolSize };
    this.logger.log({ msg: 'connected to the database', ...fields });
    if (ferretDb && this.options.maxPoolSize > 1) {
      this.logger.error({ msg: 'FerretDB does not isolate concurrent writes across connections: set MONGO_MAX_POOL_SIZE=1', ...fields });
    }
  }

  private remember(error: Error): void {
    this.lastError = error.message;
  }
}
