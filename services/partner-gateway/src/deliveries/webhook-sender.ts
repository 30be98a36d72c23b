import { Inject, Injectable } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { SecretsKey } from '../secrets/secrets-key';
import { openSecret } from '../secrets/webhook-secrets';
import { signWebhook } from '../secrets/webhook-signature';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
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
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.timeoutMs = environment.WEBHOOK_TIMEOUT_SECONDS * 1000;
  }

  async send(url: string, subscription: Subscription, delivery: Delivery): Promise<DeliveryAttempt> {
    const at = this.clock.now();
    const headers = signWebhook(delivery._id, at, delivery.body, this.signingSecrets(subscription, at));
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          ...(delivery.replayId && { [REPLAY_HEADER]: 'true' }),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      return { at, status: response.status, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { at, latencyMs: Math.round(performance.now() - started), error: describe(error) };
    }
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
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string } };
  if (name === 'TimeoutError') return 'no answer within the timeout';
  return cause?.code ? `${cause.code}: ${message}` : (message ?? String(error));
}
