import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@technopark/messaging';
import { MongoHealthIndicator } from '@technopark/persistence';
import { OperationalEndpoint } from '@technopark/security';
import { SERVICE_IDENTITY, type ServiceIdentity } from '../config/environment.token';
import { LivenessDto } from './liveness.dto';

@ApiTags('health')
@OperationalEndpoint()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP (no dependency is checked)' })
  @ApiOkResponse({ type: LivenessDto })
  liveness(): LivenessDto {
    return { status: 'ok', ...this.identity, uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: MongoDB answers a ping and the Kafka cluster answers a metadata request' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; `error` names it and says why' })
  readiness() {
    return this.health.check([() => this.mongo.check(), () => this.kafka.check()]);
  }
}
