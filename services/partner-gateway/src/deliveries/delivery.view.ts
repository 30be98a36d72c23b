import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_SCOPES, type PartnerScope } from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import { DELIVERY_STATES, type Delivery, type DeliveryState } from './schemas/delivery.schema';

export class DeliveryAttemptView {
  @ApiProperty()
  at!: Date;

  @ApiPropertyOptional({ example: 503, description: "The receiver's HTTP status; absent when it did not answer" })
  status?: number;

  @ApiPropertyOptional({
    example: 'technopark.partners.plug-and-play',
    description: 'Kafka: the partner topic whose broker acknowledged the record',
  })
  writtenTo?: string;

  @ApiProperty({ example: 42 })
  latencyMs!: number;

  @ApiPropertyOptional({ example: 'ECONNREFUSED: fetch failed' })
  error?: string;
}

export class DeliveryView {
  @ApiProperty({ description: 'Also the webhook-id header (technopark-delivery-id on Kafka)' })
  deliveryId!: string;

  @ApiProperty()
  subscriptionId!: string;

  @ApiProperty({ example: 'ma.technopark.partner.application-accepted.v1' })
  type!: string;

  @ApiProperty()
  startupId!: string;

  @ApiProperty({ example: 'casablanca' })
  site!: string;

  @ApiProperty({ enum: PARTNER_SCOPES })
  scope!: PartnerScope;

  @ApiProperty({ enum: DELIVERY_STATES })
  state!: DeliveryState;

  @ApiPropertyOptional({ description: 'Why it is dead or withheld' })
  reason?: string;

  @ApiPropertyOptional({ description: 'The replay that sent it again' })
  replayId?: string;

  @ApiProperty({ description: 'When it happened at the site' })
  occurredAt!: Date;

  @ApiProperty()
  queuedAt!: Date;

  @ApiPropertyOptional({ description: 'A pending one: when it is tried next' })
  nextAttemptAt?: Date;

  @ApiPropertyOptional()
  deliveredAt?: Date;

  @ApiPropertyOptional({ description: 'From the event at the site to the answer of the receiver' })
  latencyMs?: number;

  @ApiProperty({ type: [DeliveryAttemptView] })
  attempts!: DeliveryAttemptView[];

  @ApiProperty({ description: 'The body sent: { id, type, timestamp, data }', type: Object })
  body!: Record<string, unknown>;
}

export class DeliveryPage extends PageOf(DeliveryView) {}

export function deliveryView(delivery: Delivery): DeliveryView {
  return {
    deliveryId: delivery._id,
    subscriptionId: delivery.subscriptionId,
    type: delivery.type,
    startupId: delivery.startupId,
    site: delivery.site,
    scope: delivery.scope,
    state: delivery.state,
    ...(delivery.reason && { reason: delivery.reason }),
    ...(delivery.replayId && { replayId: delivery.replayId }),
    occurredAt: delivery.occurredAt,
    queuedAt: delivery.createdAt,
    ...(delivery.state === 'pending' && { nextAttemptAt: delivery.nextAttemptAt }),
    ...(delivery.deliveredAt && {
      deliveredAt: delivery.deliveredAt,
      latencyMs: new Date(delivery.deliveredAt).getTime() - new Date(delivery.occurredAt).getTime(),
    }),
    attempts: delivery.attempts,
    body: JSON.parse(delivery.body) as Record<string, unknown>,
  };
}
