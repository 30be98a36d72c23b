/** What the events service needs besides the platform's variables, in tests. */
export const EVENTS_TEST_ENVIRONMENT = {
  CHECK_IN_SECRET: 'a-check-in-secret-for-tests-only-0123456789',
} as const;
