import { createHmac } from 'node:crypto';
import { keyOfSecret } from './webhook-secrets';

/** The Standard Webhooks headers of one delivery attempt. */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * Signs `<id>.<timestamp>.<body>` with HMAC-SHA256 under every secret given (two during a
 * rotation), as the Standard Webhooks specification says: `v1,<base64>` separated by spaces.
 */
export function signWebhook(id: string, timestamp: Date, body: string, secrets: readonly string[]): WebhookHeaders {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const signed = `${id}.${seconds}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', keyOfSecret(secret)).update(signed).digest('base64')}`,
  );
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': signatures.join(' ') };
}
