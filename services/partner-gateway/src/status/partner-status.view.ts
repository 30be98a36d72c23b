import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../subscriptions/schemas/subscription.schema';

export class SubscriptionHealthView {
  @ApiProperty()
  subscriptionId!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({
    example: 'https://hooks.partner.example/technopark',
    description: "The webhook's URL, or the partner's Kafka topic",
  })
  destination!: string;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES })
  status!: SubscriptionStatus;

  @ApiPropertyOptional()
  statusReason?: string;

  @ApiPropertyOptional()
  lastSuccessAt?: Date;

  @ApiPropertyOptional()
  failingSince?: Date;

  @ApiProperty({ description: 'Deliveries waiting for their turn or a retry' })
  pending!: number;

  @ApiProperty({ description: 'The dead-letter store: deliveries that failed every retry' })
  dead!: number;

  @ApiProperty({ description: 'Age of the oldest pending delivery, seconds' })
  lagSeconds!: number;

  @ApiProperty({ description: 'Of the latest deliveries sampled' })
  delivered!: number;

  @ApiProperty({ description: 'Failed attempts among the latest deliveries sampled' })
  failedAttempts!: number;

  @ApiPropertyOptional({ description: 'From the event at the site to the answer, over the sample' })
  latencyP50Ms?: number;

  @ApiPropertyOptional()
  latencyP99Ms?: number;
}

export class PartnerStatusView {
  @ApiProperty()
  partnerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  generatedAt!: Date;

  @ApiProperty({ description: 'How many of the latest deliveries of each subscription the figures read' })
  sampleSize!: number;

  @ApiProperty({ type: [SubscriptionHealthView] })
  subscriptions!: SubscriptionHealthView[];
}
