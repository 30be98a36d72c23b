import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A delivery the receiver accepted, its signature verified by the standardwebhooks package. */
export interface ReceivedDelivery {
  readonly id: string;
  readonly type: string;
  readonly data: { startupId: string; site: string } & Record<string, unknown>;
}

/**
 * A partner's webhook endpoint: verifies every request with the independent `standardwebhooks`
 * package (never the gateway's code), and answers what the test sets (200, an outage, 410).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  /** Requests whose signature did not verify: always expected to stay empty. */
  readonly forged: string[] = [];
  /** Every request as it came, to verify again with another secret. */
  readonly raw: { body: string; headers: Record<string, string> }[] = [];
  requests = 0;
  answer = 200;
  delayMs = 0;
  secret = '';
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request).then((status) => response.writeHead(status).end());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  ofStartup(startupId: string): string[] {
    return this.received.filter((each) => each.data.startupId === startupId).map((each) => each.type);
  }

  private async handle(request: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.requests++;
    this.raw.push({ body, headers: request.headers as Record<string, string> });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.answer !== 200) return this.answer;
    try {
      const verified = new Webhook(this.secret).verify(
        body,
        request.headers as Record<string, string>,
      ) as ReceivedDelivery;
      if (!this.received.some((each) => each.id === verified.id)) this.received.push(verified);
      return 200;
    } catch (error) {
      this.forged.push(`${request.headers['webhook-id']}: ${(error as Error).message}`);
      return 400;
    }
  }
}
