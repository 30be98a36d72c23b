import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { ConnectionSupervisor } from './connection-supervisor';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database-options';
import { MongoHealthIndicator } from './mongo-health.indicator';

const SERVER_SELECTION_TIMEOUT_MS = 5_000;

export interface DatabaseModuleAsyncOptions {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => DatabaseOptions;
}

/** The service's MongoDB connection; the app starts even when the database is away. */
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    const optionsProvider = { provide: DATABASE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory };
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TerminusModule,
        MongooseModule.forRootAsync({
          inject: options.inject ?? [],
          useFactory: (...args: unknown[]) => {
            const { url, databaseName, maxPoolSize } = options.useFactory(...(args as never[]));
            return {
              uri: url,
              dbName: databaseName,
              maxPoolSize,
              lazyConnection: true,
              serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
              connectionFactory: silenceFirstFailure,
            };
          },
        }),
      ],
      providers: [optionsProvider, ConnectionSupervisor, MongoHealthIndicator],
      exports: [DATABASE_OPTIONS, MongoHealthIndicator],
    };
  }
}

/** The supervisor reports and retries; without a listener the first failure would crash the process. */
function silenceFirstFailure(connection: Connection): Connection {
  connection.on('error', () => undefined);
  return connection;
}
