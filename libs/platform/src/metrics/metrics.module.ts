import { Controller, Get, Header, Inject, Module, type DynamicModule } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperationalEndpoint } from '@technopark/security';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { SERVICE_IDENTITY, type ServiceIdentity } from '../config/environment.token';

/** DI token of the service's Prometheus registry. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * Prometheus metrics. Reachable without a token like health checks; expose them on an
 * internal network only (they reveal traffic and topic names).
 */
@ApiTags('metrics')
@OperationalEndpoint()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: process, HTTP-independent event backbone counters and histograms' })
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

@Module({})
export class MetricsModule {
  static forRoot(): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_REGISTRY, inject: [SERVICE_IDENTITY], useFactory: createRegistry }],
      exports: [METRICS_REGISTRY],
    };
  }
}

function createRegistry(identity: ServiceIdentity): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: identity.name, site: identity.site });
  collectDefaultMetrics({ register: registry });
  return registry;
}
