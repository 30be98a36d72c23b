import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How one endpoint behaves: answers at once, after a delay, or not at all (503). */
export type Behaviour =
  { readonly kind: 'fast' } | { readonly kind: 'slow'; readonly delayMs: number } | { readonly kind: 'down' };

/**
 * Many partners' endpoints on one local server (`/hooks/<n>`): records, per endpoint, each delivery
 * once with its latency from the event at the site (the body's timestamp) to its arrival. Signatures
 * are not verified here: the integration tests do that; this measures the gateway.
 */
export class BenchReceiver {
  readonly behaviours = new Map<number, Behaviour>();
  private readonly arrivals = new Map<number, Map<string, number>>();
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const endpoint = Number(request.url?.split('/').at(-1));
        const behaviour = this.behaviours.get(endpoint) ?? { kind: 'fast' };
        if (behaviour.kind === 'down') return void response.writeHead(503).end();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; timestamp: string };
        const answer = () => {
          this.record(endpoint, body.id, Date.now() - new Date(body.timestamp).getTime());
          response.writeHead(204).end();
        };
        if (behaviour.kind === 'slow') setTimeout(answer, behaviour.delayMs);
        else answer();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  urlOf(endpoint: number): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks/${endpoint}`;
  }

  /** Latencies of the deliveries received since `reset`, for some endpoints. */
  latencies(endpoints: readonly number[]): number[] {
    return endpoints.flatMap((endpoint) => [...(this.arrivals.get(endpoint)?.values() ?? [])]);
  }

  received(endpoints: readonly number[]): number {
    return endpoints.reduce((total, endpoint) => total + (this.arrivals.get(endpoint)?.size ?? 0), 0);
  }

  reset(): void {
    this.arrivals.clear();
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private record(endpoint: number, id: string, latencyMs: number): void {
    const seen = this.arrivals.get(endpoint) ?? new Map<string, number>();
    if (!seen.has(id)) seen.set(id, latencyMs);
    this.arrivals.set(endpoint, seen);
  }
}
