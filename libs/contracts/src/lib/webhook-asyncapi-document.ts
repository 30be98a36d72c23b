import type { EventContract } from './event-contract';
import { payloadSchemaOf, type JsonSchema } from './payload-schema';

/** One webhook endpoint a partner receives on, and the event types it is sent. */
export interface WebhookChannel {
  readonly id: string;
  readonly url: string;
  readonly description: string;
  readonly contracts: readonly EventContract[];
}

export interface WebhookAsyncApiOptions {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly channels: readonly WebhookChannel[];
}

const ENVELOPE_HEADERS = 'StandardWebhooksHeaders';

/**
 * An AsyncAPI 3.0 document of webhook deliveries: one server and channel per endpoint, one message
 * per event type, each a `{ id, type, timestamp, data }` envelope around the type's own schema,
 * with the Standard Webhooks headers. What one partner reads about its own feed.
 */
export function buildWebhookAsyncApiDocument(options: WebhookAsyncApiOptions): Record<string, unknown> {
  const contracts = [
    ...new Map(options.channels.flatMap((channel) => channel.contracts).map((each) => [each.type, each])).values(),
  ];
  return {
    asyncapi: '3.0.0',
    info: { title: options.title, version: options.version, description: options.description },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(options.channels.map((channel) => [channel.id, serverOf(channel)])),
    channels: Object.fromEntries(options.channels.map((channel) => [channel.id, channelOf(channel)])),
    operations: Object.fromEntries(options.channels.map((channel) => [`deliver-${channel.id}`, operationOf(channel)])),
    components: {
      schemas: {
        [ENVELOPE_HEADERS]: STANDARD_WEBHOOKS_HEADERS,
        ...Object.fromEntries(contracts.map((contract) => [schemaNameOf(contract), dataSchemaOf(contract)])),
      },
      messages: Object.fromEntries(contracts.map((contract) => [messageNameOf(contract), messageOf(contract)])),
    },
  };
}

function serverOf(channel: WebhookChannel) {
  const url = new URL(channel.url);
  return {
    host: url.host,
    protocol: url.protocol.replace(':', ''),
    description: `The partner's endpoint of subscription ${channel.id}.`,
  };
}

function channelOf(channel: WebhookChannel) {
  return {
    address: new URL(channel.url).pathname,
    description: channel.description,
    servers: [{ $ref: `#/servers/${channel.id}` }],
    messages: Object.fromEntries(
      channel.contracts.map((contract) => [
        messageNameOf(contract),
        { $ref: `#/components/messages/${messageNameOf(contract)}` },
      ]),
    ),
  };
}

function operationOf(channel: WebhookChannel) {
  return {
    action: 'send',
    title: `Deliver to subscription ${channel.id}`,
    summary: 'An HTTP POST per event; any 2xx acknowledges it, 410 ends the subscription, anything else is retried.',
    channel: { $ref: `#/channels/${channel.id}` },
    messages: channel.contracts.map((contract) => ({
      $ref: `#/channels/${channel.id}/messages/${messageNameOf(contract)}`,
    })),
  };
}

function messageOf(contract: EventContract) {
  return {
    name: contract.type,
    title: contract.payload.name,
    summary: contract.description,
    contentType: 'application/json',
    headers: { $ref: `#/components/schemas/${ENVELOPE_HEADERS}` },
    payload: {
      type: 'object',
      required: ['id', 'type', 'timestamp', 'data'],
      properties: {
        id: { type: 'string', description: 'The delivery id; the same on every retry (webhook-id).' },
        type: { type: 'string', const: contract.type },
        timestamp: { type: 'string', format: 'date-time', description: 'When it happened at the site.' },
        data: { $ref: `#/components/schemas/${schemaNameOf(contract)}` },
      },
    },
    correlationId: { description: 'The delivery id', location: '$message.header#/webhook-id' },
    examples: [
      {
        name: 'example',
        payload: {
          id: 'delivery-id',
          type: contract.type,
          timestamp: '2026-10-02T09:30:00.000Z',
          data: contract.example as JsonSchema,
        },
      },
    ],
  };
}

/** The payload's own schema, without the JSON Schema document keywords AsyncAPI components do not take. */
function dataSchemaOf(contract: EventContract): JsonSchema {
  const schema = { ...(payloadSchemaOf(contract) as Record<string, unknown>) };
  delete schema['$schema'];
  delete schema['definitions'];
  return schema as JsonSchema;
}

const messageNameOf = (contract: EventContract) => contract.type.replace(/^ma\.technopark\./, '');
const schemaNameOf = (contract: EventContract) => contract.payload.name;

const STANDARD_WEBHOOKS_HEADERS = {
  type: 'object',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  properties: {
    'webhook-id': { type: 'string', description: 'The delivery id: deduplicate on it.' },
    'webhook-timestamp': { type: 'string', description: 'Seconds since the epoch when this attempt was signed.' },
    'webhook-signature': {
      type: 'string',
      description:
        'Space-separated `v1,<base64 HMAC-SHA256>` over `<webhook-id>.<webhook-timestamp>.<body>` with each signing secret (two during a rotation).',
    },
    'technopark-replay': { type: 'string', enum: ['true'], description: 'Present on a delivery re-sent by a replay.' },
  },
};
