import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { eventually } from './eventually';
import { freePort } from './free-port';

/** A FerretDB server of one test's own, which the test may stop and start again (same data). */
export interface DisposableFerretDb {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDisposableFerretDb(): Promise<DisposableFerretDb> {
  const binary = process.env['FERRETDB_BINARY'];
  if (!binary)
    throw new Error(
      'FERRETDB_BINARY is not set: run through `npm test` or `nx test`, whose global setup builds FerretDB',
    );
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ferretdb-'));
  const url = `mongodb://127.0.0.1:${port}/`;
  let child: ChildProcess | undefined;
  const server: DisposableFerretDb = {
    url,
    async start() {
      child = spawn(binary, ['-listen', `127.0.0.1:${port}`, '-data', dataDir, '-log-level', 'error'], {
        stdio: 'ignore',
      });
      await eventually(() => answersPing(url), `FerretDB on port ${port}`, 20_000);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGTERM');
      });
    },
    async destroy() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function answersPing(url: string): Promise<boolean> {
  const client = new mongo.MongoClient(url, { serverSelectionTimeoutMS: 500 });
  try {
    await client.connect();
    return (await client.db('admin').command({ ping: 1 }))['ok'] === 1;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}
