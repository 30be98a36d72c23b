import type { INestApplication, Type } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { ServiceDescriptor } from '../config/service-descriptor';
import { configureApp, startEventConsumers } from '../http/configure-app';

export type TestEnvironment = Record<string, string>;

/**
 * Boots the service's real root module with the given variables, configured exactly as
 * `main.ts` configures it, listening on a random loopback port. `customize` may override
 * providers that stand for the outside world, such as the `Clock`.
 */
export async function startTestApp(
  service: ServiceDescriptor,
  rootModule: Type,
  environment: TestEnvironment,
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<INestApplication> {
  const previous = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...environment });
  try {
    const moduleRef = await customize(Test.createTestingModule({ imports: [rootModule] })).compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    configureApp(app, service);
    await startEventConsumers(app);
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = previous;
  }
}
