// class-transformer's @Type reads design-time metadata, even before Nest is loaded.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min, NotEquals } from 'class-validator';
import { IntegerVariable, SecurityEnvironment } from '@technopark/security';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Variables every service reads. A service extends this class with its own; each
 * decorator's message says what is expected, because it is printed to the operator.
 */
export class ServiceEnvironment extends SecurityEnvironment {
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, {
    message: "a lowercase site id of letters, digits and dashes, such as 'casablanca'",
  })
  @NotEquals('partners', {
    message: "'partners' names the partners' topics (technopark.partners.<partner>), never a site",
  })
  SITE_ID!: string;

  @Type(() => Number)
  @IsInt({ message: 'an integer TCP port from 1 to 65535' })
  @Min(1, { message: 'an integer TCP port from 1 to 65535' })
  @Max(65535, { message: 'an integer TCP port from 1 to 65535' })
  PORT!: number;

  @IsOptional()
  @Matches(/^[\w.:-]+$/, { message: "an address to listen on, such as '0.0.0.0' or '127.0.0.1'" })
  HOST = '0.0.0.0';

  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, {
    message: "a comma-separated list of host:port Kafka bootstrap brokers, such as '127.0.0.1:9092'",
  })
  KAFKA_BROKERS!: string;

  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: "a MongoDB connection string, such as 'mongodb://127.0.0.1:27017/'",
  })
  MONGO_URL!: string;

  /**
   * 1 serializes the service's database work through one connection: FerretDB 1.x does not
   * isolate concurrent writes made over different connections (lost updates), MongoDB does.
   */
  @IntegerVariable(1, 200, 'an integer from 1 to 200 (use 1 on FerretDB)')
  MONGO_MAX_POOL_SIZE = 1;

  /** Partitions of the topics a service creates: the most consumers of one group that can share a stream. */
  @IntegerVariable(1, 256, 'an integer from 1 to 256')
  KAFKA_TOPIC_PARTITIONS = 3;

  /** National scope: how often the consumer looks for topics of sites that came online since it subscribed. */
  @IntegerVariable(1, 3600, 'an integer from 1 to 3600 (seconds)')
  KAFKA_NEW_TOPICS_CHECK_SECONDS = 30;

  /** Copies of each created topic; 1 for a single local broker, 3 in production. */
  @IntegerVariable(1, 7, 'an integer from 1 to 7, at most the number of brokers')
  KAFKA_REPLICATION_FACTOR = 1;

  /** Browser origins allowed to call this site's APIs, e.g. the site's portal; none by default. */
  @IsOptional()
  @Matches(/^https?:\/\/[\w.-]+(:\d{1,5})?(,https?:\/\/[\w.-]+(:\d{1,5})?)*$/, {
    message: "a comma-separated list of origins, such as 'https://casablanca.technopark.ma,http://localhost:4200'",
  })
  CORS_ORIGINS?: string;

  /** Proxies (load balancer, ingress) in front of the service, so rate limits see the client's address. */
  @IntegerVariable(0, 5, 'the number of reverse proxies in front of the service, from 0 to 5')
  TRUST_PROXY = 0;

  @IntegerVariable(1, 10_240, 'a whole number of kilobytes from 1 to 10240')
  HTTP_BODY_LIMIT_KB = 256;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IntegerVariable(1_000, 120_000, 'a whole number of milliseconds from 1000 to 120000')
  SHUTDOWN_TIMEOUT_MS = 15_000;
}
