export { describeServiceBoot } from './lib/describe-service-boot';
export { infrastructureEnv, UNREACHABLE, uniqueSiteId } from './lib/infrastructure-env';
export { eventually, startTestApp, type TestEnvironment } from './lib/start-test-app';
