const DUPLICATE_KEY_CODE = 11000;
/** FerretDB 1.x reports a unique-index violation caused by an update as an internal error with SQLite's message. */
const FERRETDB_UPDATE_VIOLATION = /UNIQUE constraint failed/;

/**
 * Whether a write was refused by a unique index: the way the platform claims something once.
 * MongoDB answers 11000 for inserts and updates; FerretDB does for inserts only.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === DUPLICATE_KEY_CODE || (typeof message === 'string' && FERRETDB_UPDATE_VIOLATION.test(message));
}
