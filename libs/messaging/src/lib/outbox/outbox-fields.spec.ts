import { keyedRecords, pendingRecords, withoutOutbox, type OutboxRecord } from './outbox-fields';

const record = (id: string, writtenAt: Date): OutboxRecord => ({
  topic: 't',
  key: 'k',
  value: '{}',
  headers: { ce_id: id },
  writtenAt,
});

describe('the outbox inside a document', () => {
  it('gives back records in writing order whatever order the keys were stored in', () => {
    const at = new Date('2026-11-22T10:00:00.000Z');
    const first = keyedRecords([record('a-first', at), record('b-second', at)]);
    const later = keyedRecords([record('c-third', new Date(at.getTime() + 1))]);
    // Stored the way MongoDB 5+ applies one $set: fields in lexicographic order of their names.
    const stored = Object.fromEntries(
      Object.entries({ ...later, ...first }).sort(([left], [right]) => right.localeCompare(left)),
    );

    expect(pendingRecords({ _id: 'x', _outbox: stored }).map((each) => each.headers['ce_id'])).toEqual([
      'a-first',
      'b-second',
      'c-third',
    ]);
  });

  it('hides the bookkeeping from what repositories return', () => {
    expect(
      withoutOutbox({ _id: 'x', name: 'Souss Agritech', _outbox: {}, _outboxPending: false, _outboxVersion: 3 }),
    ).toEqual({ _id: 'x', name: 'Souss Agritech' });
  });
});
