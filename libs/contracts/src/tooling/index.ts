// Build-time tooling (AsyncAPI document, JSON Schemas, schema snapshots): '@technopark/contracts/tooling'.
// The contracts' entry point exports none of it, so a partner depending on the contracts pulls in no tooling.
export { buildAsyncApiDocument, type AsyncApiOptions } from '../lib/asyncapi-document';
export { CLOUDEVENTS_HEADERS_SCHEMA } from '../lib/cloudevents-headers';
export { payloadSchemaOf, type JsonSchema } from '../lib/payload-schema';
export {
  buildPartnerFeedAsyncApiDocument,
  type KafkaRoute,
  type PartnerFeedAsyncApiOptions,
  type PartnerFeedChannel,
  type WebhookRoute,
} from '../lib/partner-feed-asyncapi-document';
export { addSnapshotIfMissing, readSnapshot, snapshotDirectory, snapshotPath } from './schema-snapshots';
export { writeAsyncApiDocument, ASYNCAPI_DOCUMENT_PATH } from './write-asyncapi';
