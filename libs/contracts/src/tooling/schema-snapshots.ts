import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EventContract } from '../lib/event-contract';
import { payloadSchemaOf, type JsonSchema } from '../lib/payload-schema';

/** Committed schemas of published event types: the compatibility guard compares against them. */
export const snapshotDirectory = resolve(__dirname, '../../snapshots');

export function snapshotPath(contract: EventContract): string {
  return join(snapshotDirectory, `${contract.type}.json`);
}

export function readSnapshot(contract: EventContract): JsonSchema | undefined {
  const path = snapshotPath(contract);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as JsonSchema) : undefined;
}

/** Records the schema of a type that has none yet; an existing snapshot is never rewritten. */
export function addSnapshotIfMissing(contract: EventContract): boolean {
  if (existsSync(snapshotPath(contract))) return false;
  mkdirSync(snapshotDirectory, { recursive: true });
  writeFileSync(snapshotPath(contract), `${JSON.stringify(payloadSchemaOf(contract), null, 2)}\n`);
  return true;
}
