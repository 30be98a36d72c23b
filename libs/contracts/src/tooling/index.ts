export { addSnapshotIfMissing, readSnapshot, snapshotDirectory, snapshotPath } from './schema-snapshots';
export { writeAsyncApiDocument, ASYNCAPI_DOCUMENT_PATH } from './write-asyncapi';
