export { bootstrapService } from './bootstrap/bootstrap-service';
export { ConfigurationError, loadEnvironment } from './config/load-environment';
export { MIN_SECRET_LENGTH, secretFromEnvironment } from './config/secret-from-environment';
export { SERVICE_ENVIRONMENT, SERVICE_IDENTITY, type ServiceIdentity } from './config/environment.token';
export type { ServiceDescriptor } from './config/service-descriptor';
export { LOG_LEVELS, ServiceEnvironment, type LogLevel } from './config/service-environment';
export { configureApp, startEventConsumers } from './http/configure-app';
export { METRICS_REGISTRY } from './metrics/metrics.module';
export { createValidationPipe, invalidFields, type InvalidField } from './http/validation.pipe';
export { PinoLoggerService } from './logging/pino-logger.service';
export { PlatformModule } from './platform.module';
export {
  ConflictError,
  DomainError,
  NotFoundError,
  UnprocessableError,
  type DomainErrorStatus,
} from './http/domain-error';
export { findPage, mapPage, type Page, type PageRequest } from './pagination/keyset-page';
export { decodeCursor, encodeCursor, type PagePosition } from './pagination/page-cursor';
export { pageOfList, type SortKey } from './pagination/list-page';
export { PageQuery } from './pagination/page-query.dto';
export { Clock } from './time/clock';
export { BackgroundTask, type BackgroundTaskOptions } from './background/background-task';
export { applyMergePatch, MergePatchType, mergePatchUpdate, removableFieldsOf } from './patch/merge-patch';
export { ActorView } from './views/actor.view';
export { loadBrowserPage, type BrowserPage, type BrowserPageLocation } from './browser/browser-page';
export { PageInfo, PageOf } from './views/page.view';
export { allowlistView, type AllowlistedView } from './views/allowlist-view';
export { IDEMPOTENCY_HEADER, IdempotencyKey, replayOf, requestHashOf, scopedIdempotencyKey } from './http/idempotency';
export { averageOf, MAX_MARK, rubricScore, type WeightedCriterion } from './scoring/rubric-score';
export { MarksOutOfTen, WeightsSumTo } from './scoring/rubric.validators';
export { RubricCriterionDto } from './scoring/rubric-criterion.dto';
