import type { INestApplication } from '@nestjs/common';
import { EventConsumerTransport } from '@technopark/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServiceDescriptor } from '../config/service-descriptor';
import { setupOpenApi } from './open-api';
import { createValidationPipe } from './validation.pipe';

const BODY_LIMIT = '1mb';

/** HTTP set-up shared by `main.ts` and integration tests, so tests exercise the real app. */
export function configureApp(app: INestApplication, service: ServiceDescriptor, site: string): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.disable('x-powered-by');
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, service, site);
}

/** The service's `@HandleEvent` handlers, behind the app's pipes and filters (a hybrid app). */
export async function startEventConsumers(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get(EventConsumerTransport) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
