import type { Page } from '@technopark/platform';

const INTERNAL_FIELDS = new Set([
  '_id',
  '__v',
  '_outbox',
  '_outboxPending',
  '_outboxVersion',
  '_appliedEvents',
  'idempotencyKey',
  'requestHash',
  'liveKey',
  'cohortSeat',
]);

/** A stored document as the API shows it: `id` instead of `_id`, bookkeeping fields left out. */
export function viewOf<T extends { _id: unknown }>(
  document: T,
  hidden: readonly string[] = [],
): Record<string, unknown> & { id: string } {
  const entries = Object.entries(document).filter(([key]) => !INTERNAL_FIELDS.has(key) && !hidden.includes(key));
  return { id: String(document._id), ...Object.fromEntries(entries) };
}

export function pageViewOf<T extends { _id: unknown }>(
  page: Page<T>,
  view: (item: T) => object = viewOf,
): { items: object[]; nextCursor: string | null } {
  return { items: page.items.map((item) => view(item)), nextCursor: page.nextCursor };
}

/** The value, or the error when there is none (a lookup that must find something). */
export function found<T>(value: T | null | undefined, error: () => Error): T {
  if (value === null || value === undefined) throw error();
  return value;
}
