import type { Page } from './keyset-page';
import { decodeCursor, encodeCursor } from './page-cursor';

/** Where an item sorts: a number, then an id that breaks ties. */
export interface SortKey {
  readonly value: number;
  readonly id: string;
}

/**
 * One page of a list held in memory, highest key first, with the cursor `findPage` gives: for
 * collections a service keeps inside one document (a startup's row of matches), read whole anyway.
 * Keyset, not offset, so a page starts strictly after the last item seen even if items moved.
 */
export function pageOfList<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  request: { readonly limit: number; readonly cursor?: string },
): Page<T> {
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareDescending(a.key, b.key));
  const after = request.cursor ? decodeCursor(request.cursor) : undefined;
  const start = after
    ? keyed.findIndex(({ key }) => compareDescending(key, { value: Number(after.value), id: after.id }) > 0)
    : 0;
  const remaining = start === -1 ? [] : keyed.slice(start);
  const page = remaining.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ item }) => item),
    nextCursor: remaining.length > request.limit && last ? encodeCursor(last.key) : null,
  };
}

function compareDescending(a: SortKey, b: SortKey): number {
  if (a.value !== b.value) return b.value - a.value;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
