/** A stored document with its `_id`: what an allowlist view reads. */
type Stored = { readonly _id: unknown };

/** What an allowlist view shows: `id` for `_id`, and the listed fields that are set. */
export type AllowlistedView<D, K extends keyof D> = { id: string } & Partial<Pick<D, K>>;

/**
 * A view that shows the fields it lists and nothing else: a field added to the stored document
 * (bookkeeping, a version, a secret) stays out of the API until a view names it. The names are
 * checked against the document's type, so a renamed field does not compile.
 */
export function allowlistView<D extends Stored, K extends keyof D & string>(
  fields: readonly K[],
): (document: D) => AllowlistedView<D, K> {
  return (document) => {
    const view: Record<string, unknown> = { id: String(document._id) };
    for (const field of fields) if (document[field] !== undefined) view[field] = document[field];
    return view as AllowlistedView<D, K>;
  };
}
