export { bootstrapService } from './bootstrap/bootstrap-service';
export { ConfigurationError, loadEnvironment } from './config/load-environment';
export { SERVICE_ENVIRONMENT, SERVICE_IDENTITY, type ServiceIdentity } from './config/environment.token';
export type { ServiceDescriptor } from './config/service-descriptor';
export { LOG_LEVELS, ServiceEnvironment, type LogLevel } from './config/service-environment';
export { configureApp } from './http/configure-app';
export { createValidationPipe, invalidFields, type InvalidField } from './http/validation.pipe';
export { PinoLoggerService } from './logging/pino-logger.service';
export { PlatformModule } from './platform.module';
