export { eventually } from './lib/eventually';
export { freePort } from './lib/free-port';
export { infrastructureEnv, UNREACHABLE, uniqueSiteId } from './lib/infrastructure-env';
export { startDisposableFerretDb, type DisposableFerretDb } from './lib/disposable-ferretdb';
export {
  runBuiltProcess,
  runTypeScriptProcess,
  stopGracefully,
  type TypeScriptProcess,
} from './lib/typescript-process';
export { CHROMIUM_PATH, ensureChromium } from './lib/chromium';
export {
  connectTestProducer,
  header,
  eventsAbout,
  type PublishedEvent,
  readTopic,
  readTopicPartitions,
  type PartitionedRecord,
  withoutCopies,
  testKafka,
  topicConfig,
  type TestProducer,
  type TopicRecord,
} from './lib/kafka-topics';
export { grantPartnerKafkaAccess, partnerBrokers, partnerKafka, type PartnerKafkaAccess } from './lib/partner-kafka';
export { PASSING_MARKS, siteRequests } from './lib/site-requests';
