import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mongo } from 'mongoose';
import { applyFerretDbPatches, patchFingerprint } from './ferretdb-patches';
import { ferretInstall, ferretPathsOf } from './paths';
import { runCommand } from './run-command';
import { runningPid, spawnDetached } from './processes';

export const MONGO_HOST = '127.0.0.1';

/** One cell's MongoDB-protocol server. */
export interface MongoNode {
  readonly cell: string;
  readonly port: number;
}
const SOURCE_FILES = ['go.mod', 'go.sum', 'main.go'];

/** Builds our FerretDB launcher from its Go module once; changed sources build again. */
export async function installFerretDb(): Promise<void> {
  const stamp = `${ferretInstall.binary}.sha256`;
  const sourceHash = hashSources();
  if (existsSync(ferretInstall.binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash) return;
  console.log('infra: building FerretDB from its Go module, patched (first run only, a few minutes)…');
  mkdirSync(dirname(ferretInstall.binary), { recursive: true });
  rmSync(ferretInstall.build, { recursive: true, force: true });
  for (const file of SOURCE_FILES)
    cpSync(join(ferretInstall.source, file), join(ferretInstall.build, file), { recursive: true });
  await runCommand('go', ['mod', 'vendor'], ferretInstall.build);
  applyFerretDbPatches(join(ferretInstall.build, 'vendor'));
  await runCommand('go', ['build', '-mod=vendor', '-trimpath', '-o', ferretInstall.binary, '.'], ferretInstall.build);
  writeFileSync(stamp, sourceHash);
}

export function startFerretDb(node: MongoNode): number {
  const paths = ferretPathsOf(node.cell);
  mkdirSync(paths.data, { recursive: true });
  return spawnDetached(
    ferretInstall.binary,
    ['-listen', `${MONGO_HOST}:${node.port}`, '-data', paths.data, '-log-level', 'warn'],
    paths.log,
    paths.pid,
  );
}

export function ferretDbPid(node: MongoNode): number | undefined {
  return runningPid(ferretPathsOf(node.cell).pid);
}

/** Real readiness: the server answers a MongoDB `ping` command. */
export async function isMongoReady(url: string): Promise<boolean> {
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
  for (const file of SOURCE_FILES) hash.update(readFileSync(join(ferretInstall.source, file)));
  hash.update(patchFingerprint());
  return hash.digest('hex');
}
