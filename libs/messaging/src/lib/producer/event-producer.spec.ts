import type { OutgoingEvent } from '../envelope/cloud-event';
import { chunksOf } from './event-producer';

const record = (key: string, bytes: number): OutgoingEvent => ({
  topic: 't',
  key,
  value: 'x'.repeat(bytes),
  headers: {},
});

describe('chunksOf', () => {
  it('cuts records into consecutive runs under the limit, in their order', () => {
    const records = ['a', 'b', 'c', 'd', 'e'].map((key) => record(key, 299));
    expect(chunksOf(records, 1000).map((chunk) => chunk.map((each) => each.key).join(''))).toEqual(['abc', 'de']);
  });

  it('sends a record larger than the limit alone, and nothing for no records', () => {
    expect(chunksOf([record('a', 10), record('b', 5000), record('c', 10)], 1000).map((chunk) => chunk.length)).toEqual([
      1, 1, 1,
    ]);
    expect(chunksOf([], 1000)).toEqual([]);
  });
});
