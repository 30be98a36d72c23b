import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadEnvironment } from '../config/load-environment';
import type { ServiceDescriptor } from '../config/service-descriptor';
import type { ServiceEnvironment } from '../config/service-environment';
import { configureApp, startEventConsumers } from '../http/configure-app';
import { DOCS_PATH } from '../http/open-api';
import { PinoLoggerService } from '../logging/pino-logger.service';
import { stopOnSignals } from './stop-on-signals';

/** Starts a service: config first (one clear line on failure), then Nest, then HTTP. */
export async function bootstrapService(service: ServiceDescriptor, rootModule: Type): Promise<INestApplication> {
  const environment = loadOrExit(service);
  const logger = PinoLoggerService.create({ service: service.name, site: environment.SITE_ID }, environment.LOG_LEVEL);
  const app = await NestFactory.create(rootModule, { logger, bufferLogs: true });
  configureApp(app, service);
  stopOnSignals(app, logger, environment.SHUTDOWN_TIMEOUT_MS);
  await startEventConsumers(app);
  await app.listen(environment.PORT, environment.HOST);
  const base = `http://${displayHost(environment.HOST)}:${environment.PORT}`;
  logger.log({ msg: 'listening', url: base, docs: `${base}/${DOCS_PATH}`, ready: `${base}/health/ready` }, 'lifecycle');
  return app;
}

function loadOrExit(service: ServiceDescriptor): ServiceEnvironment {
  try {
    return loadEnvironment(service.environment);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${service.name}: ${error.message}\n`);
    process.exit(1);
  }
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}
