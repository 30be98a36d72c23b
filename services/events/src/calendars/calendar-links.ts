import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_FORMAT = /^([A-Za-z0-9_-]{1,300})\.([A-Za-z0-9_-]{22})$/;

/**
 * A registrant's private calendar link: `<registrant key, base64url>.<signature>`, the signature an
 * HMAC-SHA256 (first 128 bits) under the site's secret, so the link is unguessable and cannot be
 * turned into another registrant's.
 */
export class CalendarLinks {
  constructor(private readonly secret: string) {}

  tokenFor(registrantKey: string): string {
    const key = Buffer.from(registrantKey).toString('base64url');
    return `${key}.${this.signatureOf(key)}`;
  }

  /** The registrant key of a genuine token, or undefined. */
  read(token: string): string | undefined {
    const parts = TOKEN_FORMAT.exec(token);
    if (!parts) return undefined;
    const expected = Buffer.from(this.signatureOf(parts[1] as string));
    const given = Buffer.from(parts[2] as string);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return Buffer.from(parts[1] as string, 'base64url').toString();
  }

  private signatureOf(key: string): string {
    return createHmac('sha256', this.secret).update(`calendar|${key}`).digest().subarray(0, 16).toString('base64url');
  }
}
