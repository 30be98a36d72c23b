import { pageOfList } from './list-page';

describe('pageOfList', () => {
  const items = [
    { id: 'a', score: 10 },
    { id: 'b', score: 30 },
    { id: 'c', score: 30 },
    { id: 'd', score: -1 },
    { id: 'e', score: 20 },
  ];
  const keyOf = (item: { id: string; score: number }) => ({ value: item.score, id: item.id });

  it('pages highest first, ties by id descending, until the last page', () => {
    const first = pageOfList(items, keyOf, { limit: 2 });
    const second = pageOfList(items, keyOf, { limit: 2, cursor: first.nextCursor as string });
    const third = pageOfList(items, keyOf, { limit: 2, cursor: second.nextCursor as string });
    expect([first, second, third].map((page) => page.items.map((item) => item.id))).toEqual([
      ['c', 'b'],
      ['e', 'a'],
      ['d'],
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('starts after the last item seen even when it has left the list', () => {
    const first = pageOfList(items, keyOf, { limit: 3 });
    const withoutE = items.filter((item) => item.id !== 'e');
    expect(
      pageOfList(withoutE, keyOf, { limit: 3, cursor: first.nextCursor as string }).items.map((item) => item.id),
    ).toEqual(['a', 'd']);
  });

  it('ends without a cursor when the list fits one page exactly', () => {
    expect(pageOfList(items, keyOf, { limit: 5 }).nextCursor).toBeNull();
  });
});
