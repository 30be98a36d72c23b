import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { MessagingModule, parseBrokers } from '@technopark/messaging';
import { DatabaseModule, databaseNameFor } from '@technopark/persistence';
import { ConfigurationModule } from './config/configuration.module';
import { SERVICE_ENVIRONMENT, SERVICE_IDENTITY, type ServiceIdentity } from './config/environment.token';
import type { ServiceDescriptor } from './config/service-descriptor';
import type { ServiceEnvironment } from './config/service-environment';
import { HealthModule } from './health/health.module';
import { RequestLoggingMiddleware } from './logging/request-logging.middleware';

const CONNECTION_INPUTS = [SERVICE_ENVIRONMENT, SERVICE_IDENTITY];

/** Everything a service needs to run on a site: config, MongoDB, Kafka, health, request logs. */
@Module({})
export class PlatformModule implements NestModule {
  static forService(service: ServiceDescriptor): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigurationModule.forService(service),
        DatabaseModule.forRootAsync({
          inject: CONNECTION_INPUTS,
          useFactory: (environment: ServiceEnvironment, identity: ServiceIdentity) => ({
            url: environment.MONGO_URL,
            databaseName: databaseNameFor(identity.name, identity.site),
            maxPoolSize: environment.MONGO_MAX_POOL_SIZE,
          }),
        }),
        MessagingModule.forRootAsync({
          inject: CONNECTION_INPUTS,
          useFactory: (environment: ServiceEnvironment, identity: ServiceIdentity) => ({
            brokers: parseBrokers(environment.KAFKA_BROKERS),
            clientId: `${identity.name}-${identity.site}`,
          }),
        }),
        HealthModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggingMiddleware).forRoutes('*');
  }
}
