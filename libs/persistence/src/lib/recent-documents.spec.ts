import { RecentDocuments } from './recent-documents';

describe('recent documents', () => {
  it('keeps the most recently used documents up to its capacity', () => {
    const recent = new RecentDocuments<number>(2);
    recent.set('a', 1);
    recent.set('b', 2);
    recent.get('a'); // used: b is now the oldest
    recent.set('c', 3);

    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual([1, undefined, 3]);
    expect(recent.size).toBe(2);
  });

  it('changes a kept copy, ignores one not kept, and forgets', () => {
    const recent = new RecentDocuments<{ version: number }>(5);
    recent.set('a', { version: 1 });
    recent.update('a', (document) => ({ version: document.version + 1 }));
    recent.update('missing', () => ({ version: 9 }));

    expect(recent.get('a')).toEqual({ version: 2 });
    expect(recent.get('missing')).toBeUndefined();
    recent.forget('a');
    expect(recent.get('a')).toBeUndefined();
  });
});
