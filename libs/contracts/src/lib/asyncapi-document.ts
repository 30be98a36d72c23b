import { CLOUDEVENTS_HEADERS_SCHEMA } from './cloudevents-headers';
import type { EventContract } from './event-contract';
import type { EventRegistry } from './event-registry';
import { allPayloadSchemas, schemaOfClass, type JsonSchema } from './payload-schema';

const SCHEMAS = '#/components/schemas/';
const HEADERS_SCHEMA_NAME = 'CloudEventsKafkaHeaders';

export interface AsyncApiOptions {
  /** Version of the event API document, bumped when an event type is added. */
  readonly version: string;
  /** Example broker shown to readers, e.g. the local one. */
  readonly server: string;
}

/** The AsyncAPI 3.0 document of every registered event: what a partner reads. */
export function buildAsyncApiDocument(registry: EventRegistry, options: AsyncApiOptions): Record<string, unknown> {
  const contracts = registry.all();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Technopark Platform events',
      version: options.version,
      description:
        'Events of the Technopark network, one topic per site and stream (`technopark.<site>.<stream>`). ' +
        'Each Kafka message is a CloudEvents 1.0 event in binary content mode: attributes in `ce_*` headers, ' +
        'the JSON payload as the value, the aggregate id as the key. Event types are versioned; a published ' +
        'version never changes shape. Ignore fields you do not know.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: options.server, protocol: 'kafka', description: 'The local development broker.' } },
    channels: Object.fromEntries(registry.streams().map((stream) => [stream, channelOf(stream, contracts)])),
    operations: Object.fromEntries(contracts.map((contract) => [operationIdOf(contract), operationOf(contract)])),
    components: {
      schemas: { ...payloadSchemas(contracts), [HEADERS_SCHEMA_NAME]: CLOUDEVENTS_HEADERS_SCHEMA },
      messages: Object.fromEntries(contracts.map((contract) => [contract.type, messageOf(contract)])),
    },
  };
}

/** Every validated class, plus one entry per payload that only inherits its fields. */
function payloadSchemas(contracts: EventContract[]): Record<string, JsonSchema> {
  const schemas = allPayloadSchemas(SCHEMAS);
  const inheriting = contracts.filter((contract) => !schemas[contract.payload.name]);
  return {
    ...schemas,
    ...Object.fromEntries(
      inheriting.map((contract) => [contract.payload.name, schemaOfClass(schemas, contract.payload) ?? {}]),
    ),
  };
}

function channelOf(stream: string, contracts: EventContract[]) {
  const carried = contracts.filter((contract) => contract.stream === stream);
  return {
    address: `technopark.{site}.${stream}`,
    description: `The ${stream} events of one site. Subscribe to \`^technopark\\..+\\.${stream}$\` for every site.${carried.some((contract) => contract.compacted) ? ' Compacted: only the latest event per key is kept.' : ''}`,
    parameters: {
      site: { description: 'Site id, e.g. casablanca, rabat, tangier, agadir, essaouira.', examples: ['casablanca'] },
    },
    messages: Object.fromEntries(
      carried.map((contract) => [contract.type, { $ref: `#/components/messages/${contract.type}` }]),
    ),
  };
}

function operationOf(contract: EventContract) {
  return {
    action: 'send',
    title: `Publish ${contract.type}`,
    channel: { $ref: `#/channels/${contract.stream}` },
    messages: [{ $ref: `#/channels/${contract.stream}/messages/${contract.type}` }],
  };
}

function messageOf(contract: EventContract) {
  return {
    name: contract.type,
    title: contract.payload.name,
    summary: contract.description,
    description: `Published by the ${contract.producer} service of each site.`,
    contentType: 'application/json',
    headers: { $ref: `${SCHEMAS}${HEADERS_SCHEMA_NAME}` },
    payload: { $ref: `${SCHEMAS}${contract.payload.name}` },
    correlationId: { description: 'The event id', location: '$message.header#/ce_id' },
    bindings: {
      kafka: {
        key: { type: 'string', description: `The ${contract.aggregate} id (ce_subject).` },
        bindingVersion: '0.5.0',
      },
    },
    examples: [{ name: 'example', headers: exampleHeaders(contract), payload: contract.example as JsonSchema }],
  };
}

function exampleHeaders(contract: EventContract) {
  return {
    ce_specversion: '1.0',
    ce_id: '3f2b9c4e-1d2a-4e5f-9a8b-7c6d5e4f3a2b',
    ce_source: `/technopark/casablanca/${contract.producer}`,
    ce_type: contract.type,
    ce_time: '2026-10-02T09:30:00.000Z',
    ce_subject: contract.subjectOf(contract.example),
    ce_site: 'casablanca',
    'content-type': 'application/json',
  };
}

function operationIdOf(contract: EventContract): string {
  return `publish-${contract.type.replace(/^ma\.technopark\./, '').replace(/\./g, '-')}`;
}
