// Test helpers for services: import from '@technopark/platform/testing' in specs only.
export { describeServiceBoot } from './describe-service-boot';
export { startTestApp, type TestEnvironment } from './start-test-app';
export { describeOpenApiFuzz, type FuzzSeedContext, type OpenApiFuzzOptions } from './describe-open-api-fuzz';
export { figuresFrom, fuzzOpenApi, type FuzzFigures, type FuzzRun } from './open-api-fuzzer';
export { TestClock } from './test-clock';
