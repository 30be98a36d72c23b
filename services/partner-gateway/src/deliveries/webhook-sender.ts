import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { SecretsKey } from '../secrets/secrets-key';
import { openSecret } from '../secrets/webhook-secrets';
import { signWebhook } from '../secrets/webhook-signature';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { WebhookTargetPolicy } from '../subscriptions/webhook-target-policy';
import type { Delivery, DeliveryAttempt } from './schemas/delivery.schema';

const USER_AGENT = 'technopark-partner-gateway/0.1 (+standard-webhooks)';
/** Marks a delivery re-sent by a replay. */
export const REPLAY_HEADER = 'technopark-replay';

/** One signed POST of a delivery's body to its subscription's URL, and what came of it. */
@Injectable()
export class WebhookSender {
  private readonly timeoutMs: number;
  /** Secrets opened once: each delivery is signed with them. */
  private readonly opened = new Map<string, string>();

  constructor(
    private readonly key: SecretsKey,
    private readonly clock: Clock,
    private readonly targets: WebhookTargetPolicy,
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.timeoutMs = environment.WEBHOOK_TIMEOUT_SECONDS * 1000;
  }

  async send(url: string, subscription: Subscription, delivery: Delivery): Promise<DeliveryAttempt> {
    const at = this.clock.now();
    const headers = signWebhook(delivery._id, at, delivery.body, this.signingSecrets(subscription, at));
    const started = performance.now();
    try {
      const status = await this.post(url, delivery.body, {
        ...headers,
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        ...(delivery.replayId && { [REPLAY_HEADER]: 'true' }),
      });
      return { at, status, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { at, latencyMs: Math.round(performance.now() - started), error: describe(error) };
    }
  }

  /**
   * One POST, connected only to an address the target policy accepts (checked as it resolves, so a
   * name that turned private is refused); redirects are not followed, and the answer's body is dropped.
   */
  private post(url: string, body: string, headers: Record<string, string>): Promise<number> {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          lookup: this.targets.lookup,
          timeout: this.timeoutMs,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.once('timeout', () => outgoing.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  }

  /** The current secret and, during a rotation, the previous one. */
  private signingSecrets(subscription: Subscription, now: Date): string[] {
    return subscription.secrets
      .filter((secret) => !secret.until || new Date(secret.until) > now)
      .map((secret) => this.open(secret.sealed));
  }

  private open(sealed: string): string {
    const secret = this.opened.get(sealed) ?? openSecret(sealed, this.key.value);
    this.opened.set(sealed, secret);
    return secret;
  }
}

function describe(error: unknown): string {
  const { name, message, code } = error as { name?: string; message?: string; code?: string };
  if (name === 'TimeoutError') return 'no answer within the timeout';
  return code ? `${code}: ${message}` : (message ?? String(error));
}
