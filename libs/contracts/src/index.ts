export { defineEvent, versionOf, type EventContract, type PayloadClass } from './lib/event-contract';
export { EventRegistry } from './lib/event-registry';
export { deadLetterTopicFor, NATIONAL_SCOPE, siteOfTopic, topicFor, topicPatternFor } from './lib/topics';
export { payloadSchemaOf, type JsonSchema } from './lib/payload-schema';
export { buildAsyncApiDocument, type AsyncApiOptions } from './lib/asyncapi-document';
export { CLOUDEVENTS_HEADERS_SCHEMA } from './lib/cloudevents-headers';
export * from './events';
export { IsDecimal, isDecimal, Nullable } from './lib/validators';
export { contractViolations } from './lib/contract-violations';
