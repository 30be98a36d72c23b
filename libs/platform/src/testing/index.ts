// Test helpers for services: import from '@technopark/platform/testing' in specs only.
export { describeServiceBoot } from './describe-service-boot';
export { startTestApp, type TestEnvironment } from './start-test-app';
