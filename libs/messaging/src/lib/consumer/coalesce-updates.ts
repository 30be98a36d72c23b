type Fields = Record<string, unknown>;
export type Update = Partial<Record<string, Fields>>;

/** How each operator folds a later value into an earlier one for the same path. */
const FOLDS: Record<string, (earlier: unknown, later: unknown) => unknown> = {
  $inc: (earlier, later) => sumOf(earlier, later),
  $set: (_earlier, later) => later,
  $unset: (_earlier, later) => later,
  $setOnInsert: (earlier) => earlier,
  $push: (earlier, later) => ({ $each: [...eachOf(earlier), ...eachOf(later)] }),
  $max: (earlier, later) => extremeOf(earlier, later, 1),
  $min: (earlier, later) => extremeOf(earlier, later, -1),
};

/** `$set` and `$unset` of one path: the later replaces the earlier. */
const REPLACES: Record<string, string> = { $set: '$unset', $unset: '$set' };

/** Marks a fold that cannot be done; the updates are then written one after the other. */
const CANNOT = Symbol('cannot fold');

/**
 * One update with the effect of `earlier` then `later` on the same document, or undefined when
 * there is none to be sure of: an operator not folded here, a path under two operators (but `$set`
 * and `$unset`, where the later wins), a path inside another (`a` and `a.b`), values of different
 * kinds, or `$push` modifiers other than `$each`.
 */
export function coalesceUpdates(earlier: Update, later: Update): Update | undefined {
  const merged: Update = {};
  for (const [operator, fields] of [...Object.entries(earlier), ...Object.entries(later)]) {
    const fold = FOLDS[operator];
    if (!fold || !isFields(fields)) return undefined;
    const into = (merged[operator] ??= {});
    const replaced = REPLACES[operator];
    for (const [path, value] of Object.entries(fields)) {
      // A value set then unset (or unset then set) ends as the later one left it.
      if (replaced) delete merged[replaced]?.[path];
      if (operator === '$push' && !isPlainPush(value)) return undefined;
      const folded = path in into ? fold(into[path], value) : operator === '$push' ? fold(undefined, value) : value;
      if (folded === CANNOT) return undefined;
      into[path] = folded;
    }
  }
  // MongoDB refuses an operator with no path (a value set, then unset, leaves `$set` empty).
  for (const [operator, fields] of Object.entries(merged))
    if (Object.keys(fields ?? {}).length === 0) delete merged[operator];
  return pathsOverlap(merged) ? undefined : merged;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainPush(value: unknown): boolean {
  if (!isFields(value) || !Object.keys(value).some((key) => key.startsWith('$'))) return true;
  return Object.keys(value).length === 1 && Array.isArray(value['$each']);
}

function eachOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return isFields(value) && Array.isArray(value['$each']) ? value['$each'] : [value];
}

function sumOf(earlier: unknown, later: unknown): unknown {
  return typeof earlier === 'number' && typeof later === 'number' ? earlier + later : CANNOT;
}

function extremeOf(earlier: unknown, later: unknown, direction: 1 | -1): unknown {
  const kind = (value: unknown) => (value instanceof Date ? 'date' : typeof value);
  if (kind(earlier) !== kind(later) || !['date', 'number', 'string'].includes(kind(earlier))) return CANNOT;
  const [a, b] = [earlier, later].map((value) => (value instanceof Date ? value.getTime() : value)) as [
    number | string,
    number | string,
  ];
  return (direction === 1 ? b > a : b < a) ? later : earlier;
}

/** A path named twice (under two operators), or inside another: MongoDB refuses such an update. */
function pathsOverlap(update: Update): boolean {
  const paths = Object.values(update).flatMap((fields) => Object.keys(fields ?? {}));
  const named = new Set(paths);
  if (named.size < paths.length) return true;
  return paths.some((path) =>
    path
      .split('.')
      .slice(0, -1)
      .some((_, index, parts) => named.has(parts.slice(0, index + 1).join('.'))),
  );
}
