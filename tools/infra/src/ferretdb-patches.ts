import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ferretInstall } from './paths';

/**
 * Source patches applied to the vendored FerretDB before it is built.
 *
 * FerretDB 1.24's SQLite backend looks documents up by `_ferretdb_sjson->'$._id'` while the
 * unique `_id` index is on `_ferretdb_sjson->"_id"`. SQLite matches index expressions
 * syntactically, so every update, findAndModify and delete by `_id` scans the whole table
 * (measured: 3 ms per update at 100 documents, 28 ms at 3,000). Writing the lookup the way the
 * index is written makes them index lookups; the value compared is the same JSON text.
 *
 * It also pushes the `_id` lookup down only when `_id` is the filter's only field. Conditional
 * writes (`{ _id, status: 'draft' }`, `{ _id, _appliedEvents: { $ne: id } }`) then scan the whole
 * collection. Every handler filters the rows it gets back again with the complete filter, so
 * narrowing the SQL to the one `_id` whenever the filter names a plain `_id` is safe.
 *
 * Every other filter read the whole collection (a funder's 500 matches among 25,000 took ~13 s):
 * `field_pushdown.go.in` narrows the SQL to top-level string equalities and `$in`s of strings,
 * spelled like the index expressions so SQLite searches the index (see its comment for why
 * rows holding arrays stay in). An empty `$in` reads no row at all: left out, it read every one (a
 * deal flow's consent lookup with no startup to look up took ~1 s among 5,000 profiles).
 */
export const FERRETDB_PATCHES: readonly FerretDbPatch[] = [
  {
    file: 'github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata/metadata.go',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: `IDColumn = DefaultColumn + "->\\"_id\\""`,
  },
  {
    file: 'github.com/FerretDB/FerretDB/internal/backends/sqlite/collection.go',
    find: 'if params.Filter.Len() == 1 {',
    replace: 'if params.Filter.Len() >= 1 {',
    occurrences: 2,
  },
  {
    file: 'github.com/FerretDB/FerretDB/internal/backends/sqlite/collection.go',
    find: '\tq += whereClause\n\tq += prepareOrderByClause(params.Sort)',
    replace:
      '\tif whereClause == "" {\n\t\twhereClause, args = prepareFieldsWhereClause(params.Filter)\n\t}\n\n\tq += whereClause\n\tq += prepareOrderByClause(params.Sort)',
  },
  {
    file: 'github.com/FerretDB/FerretDB/internal/backends/sqlite/collection.go',
    find: '\torderByClause := prepareOrderByClause(params.Sort)',
    replace:
      '\tif whereClause == "" {\n\t\twhereClause, args = prepareFieldsWhereClause(params.Filter)\n\t\tfilterPushdown = whereClause != ""\n\t}\n\n\torderByClause := prepareOrderByClause(params.Sort)',
  },
  {
    file: 'github.com/FerretDB/FerretDB/internal/backends/sqlite/field_pushdown.go',
    addFrom: join(ferretInstall.source, 'patches/field_pushdown.go.in'),
  },
];

/** A find-and-replace in a vendored file, or a file added to the vendored tree. */
type FerretDbPatch =
  | { readonly file: string; readonly find: string; readonly replace: string; readonly occurrences?: number }
  | { readonly file: string; readonly addFrom: string };

/** What a patch changes, for the build stamp: an added file by its content. */
export function patchFingerprint(): string {
  return JSON.stringify(
    FERRETDB_PATCHES.map((patch) =>
      'addFrom' in patch ? { ...patch, content: readFileSync(patch.addFrom, 'utf8') } : patch,
    ),
  );
}

/** Applies every patch to a `vendor/` tree, refusing to build if one no longer applies. */
export function applyFerretDbPatches(vendorDirectory: string): void {
  for (const patch of FERRETDB_PATCHES) {
    const path = join(vendorDirectory, patch.file);
    if ('addFrom' in patch) {
      writeFileSync(path, readFileSync(patch.addFrom));
      continue;
    }
    const source = readFileSync(path, 'utf8');
    const found = source.split(patch.find).length - 1;
    const expected = patch.occurrences ?? 1;
    if (found !== expected)
      throw new Error(
        `FerretDB patch no longer applies to ${patch.file}: '${patch.find}' found ${found} times, expected ${expected} (FerretDB upgraded?)`,
      );
    writeFileSync(path, source.split(patch.find).join(patch.replace));
  }
}
