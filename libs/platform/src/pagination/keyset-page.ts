import type { Model, QueryFilter } from 'mongoose';
import { decodeCursor, encodeCursor, type PagePosition } from './page-cursor';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
  /** A field every document has; `_id` breaks ties, so the order is total. */
  readonly sortField: string;
  readonly direction: 1 | -1;
}

export interface Page<T> {
  readonly items: T[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * One page in keyset order: stable while documents are inserted, since a page starts strictly
 * after the last item seen rather than at an offset.
 */
export async function findPage<T>(
  model: Model<T>,
  filter: QueryFilter<T>,
  request: PageRequest,
  projection?: Record<string, 0 | 1>,
): Promise<Page<T>> {
  const { sortField, direction, limit } = request;
  const query = request.cursor ? { $and: [filter, after(decodeCursor(request.cursor), sortField, direction)] } : filter;
  const found = await model
    .find(query as QueryFilter<T>, projection)
    .sort({ [sortField]: direction, _id: direction })
    .limit(limit + 1)
    .lean<T[]>();
  const items = found.slice(0, limit);
  const last = items.at(-1) as Record<string, unknown> | undefined;
  const nextCursor =
    found.length > limit && last ? encodeCursor({ value: valueAt(last, sortField), id: String(last['_id']) }) : null;
  return { items, nextCursor };
}

function after(position: PagePosition, sortField: string, direction: 1 | -1): object {
  const beyond = direction === 1 ? '$gt' : '$lt';
  return {
    $or: [
      { [sortField]: { [beyond]: position.value } },
      { [sortField]: position.value, _id: { [beyond]: position.id } },
    ],
  };
}

/** A possibly dotted field (`startup.nameKey`) of a plain document. */
function valueAt(document: Record<string, unknown>, path: string): PagePosition['value'] {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      document,
    ) as PagePosition['value'];
}

/** A page with each item turned into its view, and the same cursor. */
export function mapPage<T, V>(page: Page<T>, view: (item: T) => V): Page<V> {
  return { items: page.items.map((item) => view(item)), nextCursor: page.nextCursor };
}
