import * as contracts from '../index';
import * as tooling from './index';

describe("the contracts' entry points", () => {
  it('keep the tooling out of the runtime entry point', () => {
    for (const name of [
      'buildAsyncApiDocument',
      'payloadSchemaOf',
      'CLOUDEVENTS_HEADERS_SCHEMA',
      'writeAsyncApiDocument',
    ]) {
      expect([name, name in contracts]).toEqual([name, false]);
      expect([name, name in tooling]).toEqual([name, true]);
    }
  });
});
