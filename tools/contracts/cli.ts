import { PARTNER_EVENTS, PUBLISHED_EVENTS } from '@technopark/contracts';
import {
  addSnapshotIfMissing,
  ASYNCAPI_DOCUMENT_PATH,
  snapshotPath,
  writeAsyncApiDocument,
} from '@technopark/contracts/tooling';

/**
 * `npm run contracts:asyncapi` writes docs/asyncapi.json from the registry.
 * `npm run contracts:snapshot` records the schema of event types that have no snapshot yet.
 */
const command = process.argv[2];
if (command === 'asyncapi') {
  writeAsyncApiDocument();
  console.log(`contracts: wrote ${ASYNCAPI_DOCUMENT_PATH} (${PUBLISHED_EVENTS.length} event types)`);
} else if (command === 'snapshot') {
  for (const contract of [...PUBLISHED_EVENTS, ...PARTNER_EVENTS]) {
    const added = addSnapshotIfMissing(contract);
    console.log(`contracts: ${contract.type} ${added ? 'recorded in' : 'already frozen in'} ${snapshotPath(contract)}`);
  }
} else {
  console.error('usage: contracts asyncapi | snapshot');
  process.exit(2);
}
