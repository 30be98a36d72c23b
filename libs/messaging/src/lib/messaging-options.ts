import type { EventContract } from '@technopark/contracts';
import type { Registry } from 'prom-client';
import type { TransientErrorClassifier } from './errors';

/** DI token of the resolved MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** DI token of the shared Kafka client; only this library knows its type. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

export interface MessagingOptions {
  /** Bootstrap brokers, e.g. `['127.0.0.1:9092']`. */
  readonly brokers: string[];
  /** Identifies this service instance to the brokers, e.g. `applications-casablanca`. */
  readonly clientId: string;
  /** The site whose topics this instance publishes to and reads from. */
  readonly site: string;
  /** The service name, part of the CloudEvents source and of the consumer group. */
  readonly service: string;
  /** `site` reads the site's own topics; `national` reads every site's topics by pattern. */
  readonly scope?: 'site' | 'national';
  /** National scope: a regular expression the site ids read must match whole (every site by default). */
  readonly nationalSites?: string;
  /**
   * National scope: how often to look for topics created since subscribing (a site coming online);
   * the client matches a pattern only against the topics that exist when it subscribes. 30 s by default.
   */
  readonly newTopicsCheckMs?: number;
  /** Partitions and replication of topics created at start-up. */
  readonly topicPartitions: number;
  readonly replicationFactor: number;
  /** Where the backbone's metrics are registered. */
  readonly metricsRegistry: Registry;
  /** Event types beyond the published catalogue (tests, internal streams). */
  readonly extraContracts?: readonly EventContract[];
  /** Recognise errors that mean "a dependency is away" (e.g. the database). */
  readonly transientErrors?: readonly TransientErrorClassifier[];
}

export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

/** The consumer group of a service instance: a national instance runs under its own SITE_ID (e.g. `national`). */
export function consumerGroupOf(options: Pick<MessagingOptions, 'service' | 'site' | 'scope'>): string {
  return `${options.service}-${options.site}`;
}
