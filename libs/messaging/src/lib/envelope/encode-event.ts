import { randomBytes, randomUUID } from 'node:crypto';
import { contractViolations, topicFor, type EventContract } from '@technopark/contracts';
import { ContractViolationError } from '../errors';
import { CE_HEADERS, JSON_CONTENT_TYPE, SPEC_VERSION, type OutgoingEvent } from './cloud-event';

/** Who publishes: the CloudEvents source is `/technopark/<site>/<service>`. */
export interface EventOrigin {
  readonly site: string;
  readonly service: string;
}

export interface EncodeOptions {
  readonly time?: Date;
  /** W3C trace context of the request that caused the event; a new trace is started without one. */
  readonly traceparent?: string;
}

/**
 * A contract's payload as a CloudEvent in Kafka binary content mode. A payload that breaks the
 * contract throws {@link ContractViolationError}: the outbox encodes before it writes, so the
 * state change that would have carried it is not stored either.
 */
export function encodeEvent<T extends object>(
  contract: EventContract<T>,
  payload: T,
  origin: EventOrigin,
  options: EncodeOptions = {},
): OutgoingEvent {
  const violations = contractViolations(contract, payload);
  if (violations.length > 0) throw new ContractViolationError(contract.type, violations);
  const subject = contract.subjectOf(payload);
  return {
    topic: topicFor(origin.site, contract.stream),
    key: subject,
    value: JSON.stringify(payload),
    headers: {
      [CE_HEADERS.specversion]: SPEC_VERSION,
      [CE_HEADERS.id]: randomUUID(),
      [CE_HEADERS.source]: `/technopark/${origin.site}/${origin.service}`,
      [CE_HEADERS.type]: contract.type,
      [CE_HEADERS.time]: (options.time ?? new Date()).toISOString(),
      [CE_HEADERS.subject]: subject,
      [CE_HEADERS.site]: origin.site,
      [CE_HEADERS.contentType]: JSON_CONTENT_TYPE,
      [CE_HEADERS.traceparent]: options.traceparent ?? newTraceparent(),
    },
  };
}

/** A fresh W3C traceparent (version 00, sampled). */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}
