import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a check-in code names: a registration, in one round of it. */
export interface CheckInClaim {
  readonly registrationId: string;
  readonly round: number;
}

const CODE_FORMAT = /^([0-9a-f-]{36})\.([1-9]\d{0,5})\.([A-Za-z0-9_-]{22})$/;

/**
 * Signed check-in codes, short enough for a QR code: `<registration id>.<round>.<signature>`, the
 * signature an HMAC-SHA256 (first 128 bits) of the rest under the site's secret. A code cannot be
 * made up or altered, and a new round (registering again after a cancellation) voids the old one.
 */
export class CheckInCodes {
  constructor(private readonly secret: string) {}

  codeFor(claim: CheckInClaim): string {
    return `${claim.registrationId}.${claim.round}.${this.signatureOf(claim)}`;
  }

  /** The claim of a genuine code, or undefined for anything else. */
  read(code: string): CheckInClaim | undefined {
    const parts = CODE_FORMAT.exec(code);
    if (!parts) return undefined;
    const claim = { registrationId: parts[1] as string, round: Number(parts[2]) };
    const expected = Buffer.from(this.signatureOf(claim));
    const given = Buffer.from(parts[3] as string);
    return expected.length === given.length && timingSafeEqual(expected, given) ? claim : undefined;
  }

  private signatureOf(claim: CheckInClaim): string {
    return createHmac('sha256', this.secret)
      .update(`${claim.registrationId}.${claim.round}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
