import type { EventContract } from './event-contract';
import { payloadSchemaOf, type JsonSchema } from './payload-schema';

/** A signed POST per event to the partner's endpoint. */
export interface WebhookRoute {
  readonly kind: 'webhook';
  readonly url: string;
}

/** A record per event on the partner's own topic, read with its SCRAM user. */
export interface KafkaRoute {
  readonly kind: 'kafka';
  readonly bootstrapServers: string;
  readonly topic: string;
  readonly groupPrefix: string;
}

/** One subscription of a partner: where it is delivered, and the event types it is sent. */
export interface PartnerFeedChannel {
  readonly id: string;
  readonly route: WebhookRoute | KafkaRoute;
  readonly description: string;
  readonly contracts: readonly EventContract[];
}

export interface PartnerFeedAsyncApiOptions {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly channels: readonly PartnerFeedChannel[];
}

type RouteKind = PartnerFeedChannel['route']['kind'];
const HEADERS: Record<RouteKind, string> = { webhook: 'StandardWebhooksHeaders', kafka: 'PartnerTopicHeaders' };
const SCRAM = 'partnerScramUser';

/**
 * An AsyncAPI 3.0 document of one partner's feed: one server and channel per subscription (its
 * webhook endpoint, or its Kafka topic), one message per event type and route, each a
 * `{ id, type, timestamp, data }` envelope around the type's own schema, with the route's headers.
 */
export function buildPartnerFeedAsyncApiDocument(options: PartnerFeedAsyncApiOptions): Record<string, unknown> {
  const messages = new Map<string, [EventContract, RouteKind]>();
  for (const channel of options.channels)
    for (const contract of channel.contracts)
      messages.set(messageNameOf(contract, channel.route.kind), [contract, channel.route.kind]);
  const contracts = new Map([...messages.values()].map(([contract]) => [contract.type, contract]));
  const onKafka = options.channels.some((channel) => channel.route.kind === 'kafka');
  return {
    asyncapi: '3.0.0',
    info: { title: options.title, version: options.version, description: options.description },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(options.channels.map((channel) => [channel.id, serverOf(channel)])),
    channels: Object.fromEntries(options.channels.map((channel) => [channel.id, channelOf(channel)])),
    operations: Object.fromEntries(options.channels.map((channel) => [`deliver-${channel.id}`, operationOf(channel)])),
    components: {
      schemas: {
        [HEADERS.webhook]: STANDARD_WEBHOOKS_HEADERS,
        [HEADERS.kafka]: PARTNER_TOPIC_HEADERS,
        ...Object.fromEntries(
          [...contracts.values()].map((contract) => [schemaNameOf(contract), dataSchemaOf(contract)]),
        ),
      },
      messages: Object.fromEntries([...messages].map(([name, [contract, kind]]) => [name, messageOf(contract, kind)])),
      ...(onKafka && {
        securitySchemes: {
          [SCRAM]: {
            type: 'scramSha512',
            description: "The partner's own user: it may read only its topic, with groups under its prefix.",
          },
        },
      }),
    },
  };
}

function serverOf({ id, route }: PartnerFeedChannel) {
  if (route.kind === 'kafka')
    return {
      host: route.bootstrapServers,
      protocol: 'kafka',
      description: `The Technopark partners' listener (SASL/SCRAM-SHA-512), for subscription ${id}.`,
      security: [{ $ref: `#/components/securitySchemes/${SCRAM}` }],
    };
  const url = new URL(route.url);
  return {
    host: url.host,
    protocol: url.protocol.replace(':', ''),
    description: `The partner's endpoint of subscription ${id}.`,
  };
}

function channelOf(channel: PartnerFeedChannel) {
  const { route } = channel;
  return {
    address: route.kind === 'kafka' ? route.topic : new URL(route.url).pathname,
    description: channel.description,
    servers: [{ $ref: `#/servers/${channel.id}` }],
    messages: Object.fromEntries(
      channel.contracts.map((contract) => [
        messageNameOf(contract, route.kind),
        { $ref: `#/components/messages/${messageNameOf(contract, route.kind)}` },
      ]),
    ),
    ...(route.kind === 'kafka' && { bindings: { kafka: { topic: route.topic, bindingVersion: '0.5.0' } } }),
  };
}

function operationOf(channel: PartnerFeedChannel) {
  const { route } = channel;
  return {
    action: 'send',
    title: `Deliver to subscription ${channel.id}`,
    summary:
      route.kind === 'kafka'
        ? `A record per event, keyed by startup id (one startup's records in order). Read with a group id starting with ${route.groupPrefix}; deduplicate on technopark-delivery-id.`
        : 'An HTTP POST per event; any 2xx acknowledges it, 410 ends the subscription, anything else is retried.',
    channel: { $ref: `#/channels/${channel.id}` },
    messages: channel.contracts.map((contract) => ({
      $ref: `#/channels/${channel.id}/messages/${messageNameOf(contract, route.kind)}`,
    })),
    ...(route.kind === 'kafka' && {
      bindings: {
        kafka: {
          groupId: { type: 'string', pattern: `^${route.groupPrefix.replace(/\./g, '\\.')}` },
          bindingVersion: '0.5.0',
        },
      },
    }),
  };
}

function messageOf(contract: EventContract, kind: RouteKind) {
  return {
    name: contract.type,
    title: contract.payload.name,
    summary: contract.description,
    contentType: 'application/json',
    headers: { $ref: `#/components/schemas/${HEADERS[kind]}` },
    payload: {
      type: 'object',
      required: ['id', 'type', 'timestamp', 'data'],
      properties: {
        id: {
          type: 'string',
          description: 'The delivery id; the same on every retry (webhook-id, or technopark-delivery-id on Kafka).',
        },
        type: { type: 'string', const: contract.type },
        timestamp: { type: 'string', format: 'date-time', description: 'When it happened at the site.' },
        data: { $ref: `#/components/schemas/${schemaNameOf(contract)}` },
      },
    },
    correlationId: {
      description: 'The delivery id',
      location: `$message.header#/${kind === 'kafka' ? 'technopark-delivery-id' : 'webhook-id'}`,
    },
    ...(kind === 'kafka' && {
      bindings: { kafka: { key: { type: 'string', description: 'The startup id' }, bindingVersion: '0.5.0' } },
    }),
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

/** Webhook messages keep the type's name; the Kafka ones, whose headers differ, are suffixed. */
const messageNameOf = (contract: EventContract, kind: RouteKind) =>
  `${contract.type.replace(/^ma\.technopark\./, '')}${kind === 'kafka' ? '.kafka' : ''}`;
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

const PARTNER_TOPIC_HEADERS = {
  type: 'object',
  required: ['technopark-delivery-id', 'technopark-event-type', 'content-type'],
  properties: {
    'technopark-delivery-id': { type: 'string', description: 'The delivery id: deduplicate on it.' },
    'technopark-event-type': { type: 'string', description: 'The partner-facing event type, as in the body.' },
    'content-type': { type: 'string', enum: ['application/json'] },
    'technopark-replay': { type: 'string', enum: ['true'], description: 'Present on a record re-sent by a replay.' },
  },
};
