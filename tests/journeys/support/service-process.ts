import { join } from 'node:path';
import { eventually, freePort, runTypeScriptProcess, type TypeScriptProcess } from '@technopark/testing';

/** A JSON answer as the journey reads it: fields are checked by the assertions that read them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the journey reads many answer shapes; its expectations check them
export type JsonBody = any;

/** A service of the site as it runs in a cell: its own process, on the shared broker and database. */
export interface ServiceProcess {
  readonly url: string;
  call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: JsonBody }>;
  stop(): Promise<void>;
}

const mainOf = (service: string) => join(__dirname, `../../../services/${service}/src/main.ts`);

export async function startServiceProcess(service: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: TypeScriptProcess = runTypeScriptProcess(mainOf(service), {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  await eventually(
    async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
    `${service} ready (output so far: ${child.output().slice(-2000)})`,
    120_000,
  ).catch((error: Error) => {
    child.child.kill('SIGKILL');
    throw new Error(`${error.message}\n${child.output().slice(-3000)}`);
  });
  return {
    url,
    async call(method, path, token, body) {
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      child.child.kill('SIGTERM');
      await child.exit;
    },
  };
}
