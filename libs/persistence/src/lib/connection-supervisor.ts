import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database-options';

/** Mongoose runs the queries it buffered before the connection opened with this (internal) method. */
interface BufferingCollection {
  doQueue(): void;
}

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
  private wakeUp: (() => void) | undefined;
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

  /**
   * A pending connection attempt would hold shutdown until its timeout, and queries buffered while
   * the database is away would wait out mongoose's buffer timeout after the app is gone: abort
   * both (a force-closed connection fails its buffered queries at once).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    if (this.connection.readyState === 1) return;
    await this.connection.getClient()?.close(true);
    await this.connection.close(true);
    for (const collection of Object.values(this.connection.collections))
      (collection as unknown as BufferingCollection).doQueue();
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
        // The database coming up after the service is expected: a warning only once it lasts.
        this.logger[delay >= MAX_RETRY_MS ? 'warn' : 'log']({
          msg: 'MongoDB unavailable, retrying',
          reason: this.lastError,
          retryInMs: delay,
        });
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wakeUp = () => (clearTimeout(timer), resolve());
        });
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
    const info = await this.connection.db
      ?.admin()
      .command({ buildInfo: 1 })
      .catch(() => undefined);
    const ferretDb = typeof info?.['ferretdbVersion'] === 'string';
    const fields = {
      database: this.options.databaseName,
      server: ferretDb ? 'FerretDB' : 'MongoDB',
      maxPoolSize: this.options.maxPoolSize,
    };
    this.logger.log({ msg: 'connected to the database', ...fields });
    if (ferretDb && this.options.maxPoolSize > 1) {
      this.logger.error({
        msg: 'FerretDB does not isolate concurrent writes across connections: set MONGO_MAX_POOL_SIZE=1',
        ...fields,
      });
    }
  }

  private remember(error: Error): void {
    this.lastError = error.message;
  }
}
