import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildAsyncApiDocument } from '../lib/asyncapi-document';
import { EventRegistry } from '../lib/event-registry';
import { PUBLISHED_EVENTS } from '../events';

/** Where partners find the document: `docs/asyncapi.json` at the repository root. */
export const ASYNCAPI_DOCUMENT_PATH = resolve(__dirname, '../../../../docs/asyncapi.json');

/** The document of every published event, as committed under docs/. */
export function writeAsyncApiDocument(path = ASYNCAPI_DOCUMENT_PATH): Record<string, unknown> {
  const document = buildAsyncApiDocument(new EventRegistry(PUBLISHED_EVENTS), {
    version: `1.${PUBLISHED_EVENTS.length}.0`,
    server: '127.0.0.1:9092',
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  return document;
}
