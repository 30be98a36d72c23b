export { DatabaseModule, type DatabaseModuleAsyncOptions } from './lib/database.module';
export { DATABASE_OPTIONS, databaseNameFor, type DatabaseOptions } from './lib/database-options';
export { MongoHealthIndicator } from './lib/mongo-health.indicator';
export { isTransientDatabaseError, transientWhileDisconnected } from './lib/transient-errors';
export { isDuplicateKeyError } from './lib/duplicate-key';
export { ActorRecord, ActorRecordSchema } from './lib/actor-record.schema';
export { FIRST_VERSION, versionedWrite, type Versioned } from './lib/versioned-write';
export { STATEMENTS_PER_WRITE } from './lib/ferretdb-limits';
export { RecentDocuments } from './lib/recent-documents';
