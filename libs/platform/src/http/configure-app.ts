import type { INestApplication } from '@nestjs/common';
import { EventConsumerTransport } from '@technopark/messaging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { SERVICE_ENVIRONMENT } from '../config/environment.token';
import type { ServiceDescriptor } from '../config/service-descriptor';
import type { ServiceEnvironment } from '../config/service-environment';
import { JSON_MEDIA_TYPES, refuseUnparsableBodies } from './body-media-types';
import { setupOpenApi } from './open-api';
import { createValidationPipe } from './validation.pipe';

/** HTTP set-up shared by `main.ts` and integration tests, so tests exercise the real app. */
export function configureApp(app: INestApplication, service: ServiceDescriptor): void {
  const environment = app.get<ServiceEnvironment>(SERVICE_ENVIRONMENT);
  const express = app as NestExpressApplication;
  express.set('trust proxy', environment.TRUST_PROXY);
  express.disable('x-powered-by');
  express.use(helmet());
  express.enableCors({ origin: allowedOrigins(environment), exposedHeaders: ['Retry-After', 'WWW-Authenticate'] });
  const limit = `${environment.HTTP_BODY_LIMIT_KB}kb`;
  express.use(refuseUnparsableBodies);
  express.useBodyParser('json', { limit, type: JSON_MEDIA_TYPES });
  express.useBodyParser('urlencoded', { limit, extended: false });
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, service, environment.SITE_ID);
}

/** The service's `@HandleEvent` handlers, behind the app's pipes and filters (a hybrid app). */
export async function startEventConsumers(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get(EventConsumerTransport) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}

/** No origin is allowed unless the site lists it: browsers then refuse cross-site calls. */
function allowedOrigins(environment: ServiceEnvironment): string[] | false {
  const origins = environment.CORS_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [];
  return origins.length > 0 ? origins : false;
}
