import type { ServiceEnvironment } from './service-environment';

/** What a service tells the platform about itself: used for config, logs, database and docs. */
export interface ServiceDescriptor<T extends ServiceEnvironment = ServiceEnvironment> {
  /** Service name, e.g. `applications`. */
  readonly name: string;
  readonly version: string;
  /** One sentence for the OpenAPI page. */
  readonly description: string;
  readonly environment: new () => T;
  /** `national` reads every site's topics (e.g. the national analytics instance). */
  readonly scope?: 'site' | 'national';
  /** The scope from the instance's configuration, when one service runs either way (analytics). */
  scopeOf?(environment: T): 'site' | 'national';
  /** National scope: the site ids to read, as a regular expression (every site when absent). */
  nationalSitesOf?(environment: T): string | undefined;
}
