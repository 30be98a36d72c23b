import { type DynamicModule, Module } from '@nestjs/common';
import { SERVICE_ENVIRONMENT, SERVICE_IDENTITY, type ServiceIdentity } from './environment.token';
import { loadEnvironment } from './load-environment';
import type { ServiceDescriptor } from './service-descriptor';
import type { ServiceEnvironment } from './service-environment';

/** Provides the validated environment and the service identity to every module. */
@Module({})
export class ConfigurationModule {
  static forService(service: ServiceDescriptor): DynamicModule {
    return {
      module: ConfigurationModule,
      global: true,
      providers: [
        { provide: SERVICE_ENVIRONMENT, useFactory: () => loadEnvironment(service.environment) },
        {
          provide: SERVICE_IDENTITY,
          inject: [SERVICE_ENVIRONMENT],
          useFactory: (environment: ServiceEnvironment): ServiceIdentity => ({
            name: service.name,
            site: environment.SITE_ID,
            version: service.version,
          }),
        },
      ],
      exports: [SERVICE_ENVIRONMENT, SERVICE_IDENTITY],
    };
  }
}
