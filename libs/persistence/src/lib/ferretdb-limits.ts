/**
 * FerretDB 1.24 holds one SQLite connection (of 100 per database) per statement of an update
 * command until the command ends: a bulk write of 100 updates deadlocks the database.
 */
export const STATEMENTS_PER_WRITE = 50;
