import { join } from 'node:path';
import { type EventContract, topicFor } from '@technopark/contracts';
import { processCpuSeconds, processRss, SERVICE_NODE_FLAGS } from '@technopark/infra';
import { encodeEvent } from '@technopark/messaging';
import { databaseNameFor } from '@technopark/persistence';
import { bearer, TestTokens } from '@technopark/security/testing';
import {
  connectTestProducer,
  eventually,
  freePort,
  runBuiltProcess,
  runTypeScriptProcess,
  testKafka,
  uniqueSiteId,
} from '@technopark/testing';
import { mongo } from 'mongoose';

/** One service as it runs on a site: its own process on a fresh site, fed through Kafka, driven over HTTP. */
export interface ServiceProcess {
  readonly site: string;
  readonly tokens: TestTokens;
  /** Events as their services publish them, on this site's topic or another site's (`toSite`). */
  publish(contract: EventContract, payloads: readonly object[], toSite?: string): Promise<void>;
  /** One event as its service would have published it at `time`. */
  publishAt(contract: EventContract, payload: object, time: Date): Promise<void>;
  /** A request as a platform admin, or with the headers given. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  /** Resident memory of the service process, MB. */
  rssMb(): number;
  /**
   * Resident memory once it has stopped falling, MB: V8 frees what boot left behind some seconds
   * after the process goes quiet (its memory reducer), so the first quiet second still holds boot's
   * garbage. Read every 2 s until five readings in a row lie within 1 MB, at most for a minute.
   */
  settledRssMb(): Promise<number>;
  /** CPU seconds the service process has used so far. */
  cpuSeconds(): number;
  /**
   * Resolves once the service has been idle for a second (under 5 % of a core): the background work
   * of what came before (outbox clears, queued recomputations) no longer weighs on what is timed next.
   */
  idle(): Promise<void>;
  /** Stops the service and drops its database: a bench site is thousands of documents. */
  close(): Promise<void>;
}

/** `built`: run `dist/services/<service>/main.js` as `npm start` does (built first), instead of the sources. */
export async function startServiceProcess(
  service: string,
  servers: { kafkaBrokers: string; mongoUrl: string },
  environment: Record<string, string> = {},
  options: { built?: boolean } = {},
): Promise<ServiceProcess> {
  // A national service (the partner gateway) is given its own SITE_ID and reads other sites' topics.
  const site = environment['SITE_ID'] ?? uniqueSiteId('bench');
  const tokens = new TestTokens();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = options.built
    ? (variables: Record<string, string>) =>
        runBuiltProcess(join(__dirname, '../../dist/services', service, 'main.js'), variables, SERVICE_NODE_FLAGS)
    : (variables: Record<string, string>) =>
        runTypeScriptProcess(join(__dirname, '../../services', service, 'src/main.ts'), variables);
  const child = run({
    SITE_ID: site,
    PORT: String(port),
    HOST: '127.0.0.1',
    KAFKA_BROKERS: servers.kafkaBrokers,
    MONGO_URL: servers.mongoUrl,
    LOG_LEVEL: 'warn',
    // The bench is a few clients making the requests of a whole site.
    RATE_LIMIT_REQUESTS: '1000000',
    ...tokens.environment,
    ...environment,
  });
  const producer = await connectTestProducer(testKafka(servers.kafkaBrokers));
  const admin = bearer(await tokens.forRole('platform-admin', site));
  await eventually(
    async () => {
      if (child.child.exitCode !== null) throw new Error(`the ${service} service exited (${child.child.exitCode})`);
      return (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200;
    },
    `the ${service} service ready`,
    120_000,
  ).catch((error: Error) => {
    child.child.kill('SIGKILL');
    throw new Error(`${error.message}; its log ends with:\n${tailOf(child.output())}`);
  });
  return {
    site,
    tokens,
    async publish(contract, payloads, toSite = site) {
      const messages = payloads.map((payload) =>
        encodeEvent(contract, payload, { site: toSite, service: contract.producer }),
      );
      for (let start = 0; start < messages.length; start += 500)
        await producer.send(topicFor(toSite, contract.stream), messages.slice(start, start + 500));
    },
    async publishAt(contract, payload, time) {
      const message = encodeEvent(contract, payload, { site, service: contract.producer }, { time });
      await producer.send(topicFor(site, contract.stream), [message]);
    },
    async call(method, path, body, headers = admin) {
      const response = await fetch(url + path, {
        method,
        headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      // The answer of a 500 says nothing on purpose; the service's log says what broke.
      if (response.status >= 500)
        process.stderr.write(
          `bench: ${service} answered ${response.status}; its log ends with:\n${tailOf(child.output())}\n`,
        );
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    rssMb() {
      return processRss(child.child.pid as number) ?? 0;
    },
    async settledRssMb() {
      const readings: number[] = [];
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        readings.push(processRss(child.child.pid as number) ?? 0);
        const last = readings.slice(-5);
        if (last.length === 5 && Math.max(...last) - Math.min(...last) <= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      return readings[readings.length - 1] ?? 0;
    },
    cpuSeconds() {
      return processCpuSeconds(child.child.pid as number) ?? 0;
    },
    async idle() {
      await eventually(
        async () => {
          const before = processCpuSeconds(child.child.pid as number) ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return (processCpuSeconds(child.child.pid as number) ?? 0) - before < 0.05;
        },
        `the ${service} service idle`,
        30 * 60_000,
      );
    },
    async close() {
      await producer.disconnect();
      child.child.kill('SIGTERM');
      await child.exit;
      const client = await mongo.MongoClient.connect(servers.mongoUrl, { maxPoolSize: 1 });
      await client.db(databaseNameFor(service, site)).dropDatabase();
      await client.close();
    },
  };
}

function tailOf(output: string, lines = 30): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}
