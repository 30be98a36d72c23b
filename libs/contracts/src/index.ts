export { defineEvent, versionOf, type EventContract, type PayloadClass } from './lib/event-contract';
export { EventRegistry } from './lib/event-registry';
export {
  deadLetterTopicFor,
  NATIONAL_SCOPE,
  partnerGroupPrefixFor,
  partnerKafkaUsername,
  partnerTopicFor,
  PARTNERS_SCOPE,
  RESERVED_SITE_IDS,
  siteOfTopic,
  topicFor,
  topicPatternFor,
} from './lib/topics';
export * from './events';
export { IsDecimal, isDecimal, Nullable } from './lib/validators';
export { contractViolations } from './lib/contract-violations';
