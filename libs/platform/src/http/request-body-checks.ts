import type { InvalidField } from './invalid-field';

/** Deeper than any body of ours; refusing it early spares class-transformer's recursion. */
export const MAX_BODY_DEPTH = 32;

/** How deeply a parsed JSON value nests (an object or array counts one level). */
export function depthOf(value: unknown, limit = MAX_BODY_DEPTH + 1): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest >= limit) return deepest;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Every null in a body, by dotted path, except the top-level fields a merge patch may remove:
 * `@IsOptional()` lets null through, and a stored null breaks the views and the events that
 * promise a value or its absence.
 */
export function nullFields(body: unknown, removable: ReadonlySet<string>): InvalidField[] {
  const found: InvalidField[] = [];
  const visit = (node: unknown, path: string, topLevel: boolean) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key;
      if (value === null && !(topLevel && removable.has(key)))
        found.push({
          field,
          problems: [
            `${field} must not be null${topLevel && !Array.isArray(node) ? '; leave it out to keep it as it is' : ''}`,
          ],
        });
      else visit(value, field, false);
    }
  };
  visit(body, '', !Array.isArray(body));
  return found;
}
