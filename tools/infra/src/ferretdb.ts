import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mongo } from 'mongoose';
import { applyFerretDbPatches, FERRETDB_PATCHES } from './ferretdb-patches';
import { ferretPaths } from './paths';
import { runCommand } from './run-command';
import { runningPid, spawnDetached } from './processes';

export const MONGO_HOST = '127.0.0.1';
export const MONGO_PORT = 27017;
const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go'];

/** Builds our FerretDB launcher from its Go module once; changed sources build again. */
export async function installFerretDb(): Promise<void> {
  const stamp = `${ferretPaths.binary}.sha256`;
  const sourceHash = hashSources();
  if (existsSync(ferretPaths.binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash) return;
  console.log('infra: building FerretDB from its Go module, patched (first run only, a few minutes)…');
  mkdirSync(dirname(ferretPaths.binary), { recursive: true });
  rmSync(ferretPaths.build, { recursive: true, force: true });
  for (const file of SOURCE_FILES)
    cpSync(join(ferretPaths.source, file), join(ferretPaths.build, file), { recursive: true });
  await runCommand('go', ['mod', 'vendor'], ferretPaths.build);
  applyFerretDbPatches(join(ferretPaths.build, 'vendor'));
  await runCommand('go', ['build', '-mod=vendor', '-trimpath', '-o', ferretPaths.binary, '.'], ferretPaths.build);
  writeFileSync(stamp, sourceHash);
}

export function startFerretDb(): number {
  mkdirSync(ferretPaths.data, { recursive: true });
  return spawnDetached(
    ferretPaths.binary,
    ['-listen', `${MONGO_HOST}:${MONGO_PORT}`, '-data', ferretPaths.data, '-log-level', 'warn'],
    ferretPaths.log,
    ferretPaths.pid,
  );
}

export function ferretDbPid(): number | undefined {
  return runningPid(ferretPaths.pid);
}

/** Real readiness: the server answers a MongoDB `ping` command. */
export async function isMongoReady(url = `mongodb://${MONGO_HOST}:${MONGO_PORT}/`): Promise<boolean> {
  const client = new mongo.MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply['ok'] === 1;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

function hashSources(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) hash.update(readFileSync(join(ferretPaths.source, file)));
  hash.update(JSON.stringify(FERRETDB_PATCHES));
  return hash.digest('hex');
}
