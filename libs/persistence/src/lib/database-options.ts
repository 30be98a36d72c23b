/** DI token of the resolved DatabaseOptions. */
export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

export interface DatabaseOptions {
  /** Connection string without credentials in logs; the database name is set separately. */
  readonly url: string;
  /** One database per service and site, e.g. `applications_casablanca`. */
  readonly databaseName: string;
  /** Connections in the pool; see MONGO_MAX_POOL_SIZE in the README before raising it. */
  readonly maxPoolSize: number;
}

/**
 * Each service owns one database per site. FerretDB's SQLite backend allows one writer
 * per database, so sharing one would also serialize unrelated services.
 */
export function databaseNameFor(service: string, site: string): string {
  return `${service}_${site}`.replace(/[^a-zA-Z0-9_]/g, '_');
}
