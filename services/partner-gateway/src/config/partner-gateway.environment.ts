import { ServiceEnvironment } from '@technopark/platform';
import { BooleanVariable, IntegerVariable } from '@technopark/security';
import { IsOptional, IsString, Matches, MinLength, ValidateIf } from 'class-validator';

/** Variables of the partner gateway; the README describes each one. */
export class PartnerGatewayEnvironment extends ServiceEnvironment {
  override PORT = 3006;

  /**
   * Encrypts partners' webhook secrets at rest (they must be recoverable to sign, so they cannot be
   * hashed). Given as the value, or as a file holding it: one of the two is required.
   */
  @ValidateIf((environment: PartnerGatewayEnvironment) => !environment.PARTNER_SECRETS_KEY_FILE)
  @IsString({
    message: 'a key of at least 32 characters that encrypts webhook secrets (or set PARTNER_SECRETS_KEY_FILE)',
  })
  @MinLength(32, { message: 'a key of at least 32 characters that encrypts webhook secrets' })
  PARTNER_SECRETS_KEY?: string;

  /** A file holding the secrets key, instead of PARTNER_SECRETS_KEY. */
  @IsOptional()
  @IsString({ message: 'the path of a file holding the key that encrypts webhook secrets' })
  PARTNER_SECRETS_KEY_FILE?: string;

  /**
   * Where partners' Kafka clients connect (the broker's SASL/SCRAM listener), as the gateway tells
   * them. Without it the gateway offers webhooks only.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, {
    message: "host:port pairs joined by commas, such as 'kafka-partners.technopark.ma:9094'",
  })
  PARTNER_KAFKA_BOOTSTRAP?: string;

  /**
   * Lets webhooks go to http and to loopback or private addresses: for local tests and demos only.
   * Without it, a webhook reaches only public https endpoints.
   */
  @IsOptional()
  @BooleanVariable()
  WEBHOOK_ALLOW_LOCAL_TARGETS = false;

  /** The site ids whose replicated topics the gateway reads, as a regular expression; every site when unset. */
  @IsOptional()
  @Matches(/^[a-z0-9|()[\]{},*+?.^$\\-]{1,500}$/, {
    message: 'PARTNER_SITES must be site ids joined by | (a regular expression over site ids)',
  })
  PARTNER_SITES?: string;

  /**
   * The longest a lane goes without looking at the database when nothing wakes it: this process
   * wakes a lane when it queues for it, and at its next retry.
   */
  @IntegerVariable(50, 60_000, 'a whole number of milliseconds from 50 to 60000')
  DELIVERY_POLL_MS = 5_000;

  /** Startups a subscription's lane delivers at once (each startup's events stay in order): what a slow receiver is sent in parallel. */
  @IntegerVariable(1, 64, 'a whole number from 1 to 64')
  DELIVERY_CONCURRENCY = 8;

  /** Seconds a receiver has to answer one delivery. */
  @IntegerVariable(1, 60, 'a whole number of seconds from 1 to 60')
  WEBHOOK_TIMEOUT_SECONDS = 10;

  /** Retries of one delivery before it is dead-lettered; their delays add up to about a day at the default. */
  @IntegerVariable(0, 30, 'a whole number of retries from 0 to 30')
  DELIVERY_RETRIES = 14;

  /** Seconds before the first retry; each next one waits twice as long (with jitter), up to 6 hours. */
  @IntegerVariable(1, 3600, 'a whole number of seconds from 1 to 3600')
  DELIVERY_FIRST_RETRY_SECONDS = 10;

  /** Seconds a subscription may fail without one success before it is suspended (a day by default). */
  @IntegerVariable(1, 2_592_000, 'a whole number of seconds from 1 to 2592000 (30 days)')
  SUSPEND_AFTER_FAILING_SECONDS = 86_400;

  /** Hours the previous webhook secret keeps signing after a rotation. */
  @IntegerVariable(0, 720, 'a whole number of hours from 0 to 720')
  SECRET_ROTATION_OVERLAP_HOURS = 24;
}
