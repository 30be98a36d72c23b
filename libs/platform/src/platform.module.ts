import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { MessagingModule, parseBrokers } from '@technopark/messaging';
import { getConnectionToken } from '@nestjs/mongoose';
import { DatabaseModule, databaseNameFor, transientWhileDisconnected } from '@technopark/persistence';
import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import { SecurityModule, verificationKeySourceOf } from '@technopark/security';
import { ConfigurationModule } from './config/configuration.module';
import { SERVICE_ENVIRONMENT, SERVICE_IDENTITY, type ServiceIdentity } from './config/environment.token';
import type { ServiceDescriptor } from './config/service-descriptor';
import type { ServiceEnvironment } from './config/service-environment';
import { HealthModule } from './health/health.module';
import { HttpErrorFilter } from './http/http-error.filter';
import { RequestLoggingMiddleware } from './logging/request-logging.middleware';
import { METRICS_REGISTRY, MetricsModule } from './metrics/metrics.module';
import { ClockModule } from './time/clock';

const CONNECTION_INPUTS = [SERVICE_ENVIRONMENT, SERVICE_IDENTITY];

/** Everything a service needs to run on a site: config, MongoDB, the event backbone, security, health, metrics, request logs. */
@Module({})
export class PlatformModule implements NestModule {
  static forService(service: ServiceDescriptor): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        DiscoveryModule,
        ConfigurationModule.forService(service),
        DatabaseModule.forRootAsync({
          inject: CONNECTION_INPUTS,
          useFactory: (environment: ServiceEnvironment, identity: ServiceIdentity) => ({
            url: environment.MONGO_URL,
            databaseName: databaseNameFor(identity.name, identity.site),
            maxPoolSize: environment.MONGO_MAX_POOL_SIZE,
          }),
        }),
        MetricsModule.forRoot(),
        MessagingModule.forRootAsync({
          inject: [...CONNECTION_INPUTS, METRICS_REGISTRY, getConnectionToken()],
          useFactory: (
            environment: ServiceEnvironment,
            identity: ServiceIdentity,
            registry: Registry,
            connection: Connection,
          ) => ({
            brokers: parseBrokers(environment.KAFKA_BROKERS),
            clientId: `${identity.name}-${identity.site}`,
            site: identity.site,
            service: identity.name,
            scope: service.scopeOf?.(environment) ?? service.scope ?? 'site',
            nationalSites: service.nationalSitesOf?.(environment),
            newTopicsCheckMs: environment.KAFKA_NEW_TOPICS_CHECK_SECONDS * 1000,
            topicPartitions: environment.KAFKA_TOPIC_PARTITIONS,
            replicationFactor: environment.KAFKA_REPLICATION_FACTOR,
            metricsRegistry: registry,
            transientErrors: [transientWhileDisconnected(connection)],
          }),
        }),
        SecurityModule.forRootAsync({
          inject: [SERVICE_ENVIRONMENT],
          useFactory: (environment: ServiceEnvironment) => ({
            site: environment.SITE_ID,
            verification: {
              keySource: verificationKeySourceOf(environment),
              issuer: environment.AUTH_ISSUER,
              audience: environment.AUTH_AUDIENCE,
              rolesClaim: environment.AUTH_ROLES_CLAIM,
              clockToleranceSeconds: environment.AUTH_CLOCK_TOLERANCE_SECONDS,
            },
            rateLimit: {
              requests: environment.RATE_LIMIT_REQUESTS,
              windowSeconds: environment.RATE_LIMIT_WINDOW_SECONDS,
            },
          }),
        }),
        HealthModule,
        ClockModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggingMiddleware).forRoutes('*');
  }
}
