/** What the partner gateway needs besides the platform's variables, in tests. */
export const GATEWAY_TEST_ENVIRONMENT = {
  PARTNER_SECRETS_KEY: 'a-key-that-seals-webhook-secrets-in-tests-only',
  // The tests' receivers listen on loopback over http.
  WEBHOOK_ALLOW_LOCAL_TARGETS: 'true',
} as const;
