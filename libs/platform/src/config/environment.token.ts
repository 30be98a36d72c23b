/** DI token of the validated ServiceEnvironment (or a service's subclass of it). */
export const SERVICE_ENVIRONMENT = Symbol('SERVICE_ENVIRONMENT');

/** DI token of the service's identity: its name and the site it serves. */
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');

export interface ServiceIdentity {
  /** Service name, e.g. `applications`. */
  readonly name: string;
  /** Site the instance serves, e.g. `casablanca`. */
  readonly site: string;
  readonly version: string;
}
