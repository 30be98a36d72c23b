import type { EventRegistry } from '@technopark/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { POISON_REASONS, PoisonMessageError } from '../errors';
import { CE_HEADERS, JSON_CONTENT_TYPE, SPEC_VERSION, type EventHeaders, type ReceivedEvent } from './cloud-event';

const REQUIRED = [
  CE_HEADERS.specversion,
  CE_HEADERS.id,
  CE_HEADERS.source,
  CE_HEADERS.type,
  CE_HEADERS.time,
  CE_HEADERS.subject,
  CE_HEADERS.site,
];

/** Where a record was read from. */
export interface RecordPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Checks the envelope and validates the payload against its contract. Unknown fields are
 * dropped, not refused: a newer producer may add optional fields to a later version.
 */
export async function decodeEvent(
  headers: EventHeaders,
  value: Buffer | null,
  registry: EventRegistry,
  position: RecordPosition,
): Promise<ReceivedEvent> {
  const missing = REQUIRED.filter((name) => !headers[name]);
  if (missing.length > 0)
    throw new PoisonMessageError(POISON_REASONS.MISSING_HEADER, `missing CloudEvents headers: ${missing.join(', ')}`);
  if (headers[CE_HEADERS.specversion] !== SPEC_VERSION)
    throw new PoisonMessageError(
      POISON_REASONS.MISSING_HEADER,
      `unsupported ce_specversion '${headers[CE_HEADERS.specversion]}'`,
    );
  const contentType = headers[CE_HEADERS.contentType];
  if (contentType && !contentType.startsWith(JSON_CONTENT_TYPE))
    throw new PoisonMessageError(POISON_REASONS.NOT_JSON, `unsupported content-type '${contentType}'`);
  const type = headers[CE_HEADERS.type] as string;
  const contract = registry.find(type);
  if (!contract) throw new PoisonMessageError(POISON_REASONS.UNKNOWN_TYPE, `unknown event type '${type}'`);
  const data = plainToInstance(contract.payload, parseJson(value));
  const problems = await validate(data, { whitelist: true, forbidUnknownValues: true });
  if (problems.length > 0)
    throw new PoisonMessageError(POISON_REASONS.INVALID_PAYLOAD, `invalid ${type} payload: ${describe(problems)}`);
  return {
    id: headers[CE_HEADERS.id] as string,
    type,
    source: headers[CE_HEADERS.source] as string,
    subject: headers[CE_HEADERS.subject] as string,
    site: headers[CE_HEADERS.site] as string,
    time: headers[CE_HEADERS.time] as string,
    traceparent: headers[CE_HEADERS.traceparent],
    data,
    ...position,
  };
}

function parseJson(value: Buffer | null): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value?.toString('utf8') ?? '');
  } catch (error) {
    throw new PoisonMessageError(POISON_REASONS.NOT_JSON, `value is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new PoisonMessageError(POISON_REASONS.NOT_JSON, 'value is not a JSON object');
  return parsed;
}

function describe(problems: Awaited<ReturnType<typeof validate>>, path = ''): string {
  return problems
    .map((problem) => {
      const field = `${path}${problem.property}`;
      const own = Object.values(problem.constraints ?? {}).join('; ');
      const nested = problem.children?.length ? describe(problem.children, `${field}.`) : '';
      return [own && `${field}: ${own}`, nested].filter(Boolean).join(', ');
    })
    .join(', ');
}
