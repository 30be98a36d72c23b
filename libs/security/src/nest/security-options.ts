import type { TokenVerifierOptions } from '../lib/token-verifier';

export interface SecurityOptions {
  readonly verification: TokenVerifierOptions;
  /** The service's own site: what site-scoped roles are checked against by default. */
  readonly site: string;
  readonly rateLimit: { readonly requests: number; readonly windowSeconds: number };
}
