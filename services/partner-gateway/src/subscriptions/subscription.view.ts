import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorView, PageOf } from '@technopark/platform';
import { SubscriptionFiltersDto, WebhookDeliveryDto } from './dto/subscription.dto';
import { SUBSCRIPTION_STATUSES, type Subscription, type SubscriptionStatus } from './schemas/subscription.schema';

export class SubscriptionView {
  @ApiProperty()
  subscriptionId!: string;

  @ApiProperty()
  partnerId!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ type: SubscriptionFiltersDto })
  filters!: SubscriptionFiltersDto;

  @ApiProperty({ type: WebhookDeliveryDto })
  delivery!: WebhookDeliveryDto;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES })
  status!: SubscriptionStatus;

  @ApiPropertyOptional({ example: 'every delivery failed for 1440 minutes' })
  statusReason?: string;

  @ApiPropertyOptional()
  failingSince?: Date;

  @ApiPropertyOptional()
  lastSuccessAt?: Date;

  @ApiProperty({ description: 'Secrets signing now: two during a rotation' })
  signingSecrets!: number;

  @ApiProperty({ type: ActorView })
  createdBy!: ActorView;

  @ApiProperty()
  createdAt!: Date;
}

/** The answer that shows a secret, once: at creation and at each rotation. */
export class SubscriptionWithSecretView extends SubscriptionView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Verify deliveries with it (Standard Webhooks). It is shown only now: store it.',
  })
  secret!: string;
}

export class SubscriptionPage extends PageOf(SubscriptionView) {}

export class RetryNowView {
  @ApiProperty({ description: 'Pending deliveries made due now' })
  due!: number;
}

export function subscriptionView(subscription: Subscription, now: Date): SubscriptionView {
  return {
    subscriptionId: subscription._id,
    partnerId: subscription.partnerId,
    ...(subscription.description && { description: subscription.description }),
    filters: subscription.filters,
    delivery: subscription.delivery,
    status: subscription.status,
    ...(subscription.statusReason && { statusReason: subscription.statusReason }),
    ...(subscription.failingSince && { failingSince: subscription.failingSince }),
    ...(subscription.lastSuccessAt && { lastSuccessAt: subscription.lastSuccessAt }),
    signingSecrets: subscription.secrets.filter((secret) => !secret.until || new Date(secret.until) > now).length,
    createdBy: subscription.createdBy,
    createdAt: subscription.createdAt,
  };
}
