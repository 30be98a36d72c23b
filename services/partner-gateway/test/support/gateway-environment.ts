/** What the partner gateway needs besides the platform's variables, in tests. */
export const GATEWAY_TEST_ENVIRONMENT = {
  PARTNER_SECRETS_KEY: 'a-key-that-seals-webhook-secrets-in-tests-only',
} as const;
