/** A payload class: plain data with class-validator decorators, no behaviour. */
export type PayloadClass<T extends object = object> = new () => T;

/**
 * One published event type. The `type` is permanent: a new shape is a new version
 * (`….v2`) beside the old one, never an edit.
 */
export interface EventContract<T extends object = object> {
  /** Stable CloudEvents type, e.g. `ma.technopark.application.submitted.v1`. */
  readonly type: string;
  /** The topic family; the site is added by {@link topicFor}. */
  readonly stream: string;
  /** The service that publishes it, e.g. `applications` (the CloudEvents source is /technopark/<site>/<producer>). */
  readonly producer: string;
  /** The kind of aggregate the event is about, e.g. `application`. */
  readonly aggregate: string;
  /** The validated payload class. */
  readonly payload: PayloadClass<T>;
  /** The aggregate id: CloudEvents subject and Kafka key, so one aggregate's events stay in order. */
  subjectOf(payload: T): string;
  /** One sentence for partners, shown in the AsyncAPI document. */
  readonly description: string;
  /** A realistic payload, shown in the AsyncAPI document and checked against the schema in tests. */
  readonly example: T;
  /** The stream keeps only the latest event per key (Kafka log compaction): for snapshots, not histories. */
  readonly compacted?: boolean;
}

const TYPE_FORMAT = /^ma\.technopark\.[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.v[1-9]\d*$/;

/** Declares an event type, refusing a type name that breaks the naming convention. */
export function defineEvent<T extends object>(contract: EventContract<T>): EventContract<T> {
  if (!TYPE_FORMAT.test(contract.type)) {
    throw new Error(`event type '${contract.type}' must look like ma.technopark.<aggregate>.<what-happened>.v<N>`);
  }
  return Object.freeze(contract);
}

/** The version number at the end of the type: `…submitted.v2` → 2. */
export function versionOf(contract: Pick<EventContract, 'type'>): number {
  return Number(/\.v(\d+)$/.exec(contract.type)?.[1]);
}
