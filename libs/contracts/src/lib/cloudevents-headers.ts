/**
 * Kafka headers of an event in CloudEvents 1.0 binary content mode, as partners read them.
 * The payload is the Kafka value (JSON); the aggregate id is the Kafka key.
 */
export const CLOUDEVENTS_HEADERS_SCHEMA = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'ce_site', 'content-type'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'Unique id of the event (a UUID); a redelivery carries the same id.' },
    ce_source: {
      type: 'string',
      description: 'The emitting service on its site: /technopark/<site>/<service>.',
      examples: ['/technopark/casablanca/applications'],
    },
    ce_type: {
      type: 'string',
      description: 'The event type, versioned: ma.technopark.<aggregate>.<what-happened>.v<N>.',
    },
    ce_time: { type: 'string', format: 'date-time', description: 'When the change happened (RFC 3339).' },
    ce_subject: { type: 'string', description: 'Id of the aggregate the event is about; also the Kafka key.' },
    ce_site: { type: 'string', description: 'CloudEvents extension: the Technopark site, e.g. casablanca.' },
    'content-type': { type: 'string', const: 'application/json' },
    traceparent: { type: 'string', description: 'W3C Trace Context of the request that caused the event.' },
  },
} as const;
