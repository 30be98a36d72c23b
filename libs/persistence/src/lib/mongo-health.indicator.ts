import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { ConnectionSupervisor } from './connection-supervisor';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database-options';

const PING_TIMEOUT_MS = 2_000;
const STATES = ['disconnected', 'connected', 'connecting', 'disconnecting'];

/** The host list of a connection string, never its credentials. */
export function serverHosts(url: string): string {
  return /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(url)?.[1] ?? 'unknown host';
}

/** Readiness of the service's database: connected and answering a real `ping`. */
@Injectable()
export class MongoHealthIndicator {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions,
    private readonly supervisor: ConnectionSupervisor,
    private readonly health: HealthIndicatorService,
  ) {}

  check(key = 'mongodb') {
    return this.health
      .check(key)
      .attempt(() => this.probe())
      .withTimeout(PING_TIMEOUT_MS);
  }

  private async probe() {
    const database = this.options.databaseName;
    const db = this.connection.db;
    if (this.connection.readyState !== 1 || !db) {
      const state = STATES[this.connection.readyState] ?? 'unknown';
      const reason = this.supervisor.lastFailure ?? 'no connection yet';
      throw new Error(`MongoDB at ${serverHosts(this.options.url)} ${state} (database ${database}): ${reason}`);
    }
    await db.command({ ping: 1 });
    return { database };
  }
}
