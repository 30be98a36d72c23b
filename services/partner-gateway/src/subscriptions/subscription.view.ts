import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { partnerGroupPrefixFor, partnerKafkaUsername } from '@technopark/contracts';
import { ActorView, Clock, PageOf, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { SubscriptionFiltersDto } from './dto/subscription.dto';
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  SUBSCRIPTION_STATUSES,
  type Subscription,
  type SubscriptionStatus,
} from './schemas/subscription.schema';

export class SubscriptionDeliveryView {
  @ApiProperty({ enum: DELIVERY_KINDS })
  kind!: DeliveryKind;

  @ApiPropertyOptional({ description: 'Webhooks: where deliveries are POSTed' })
  url?: string;

  @ApiPropertyOptional({ example: 'technopark.partners.plug-and-play', description: "Kafka: the partner's topic" })
  topic?: string;
}

/** How a partner's Kafka client reads its topic; the password comes from the platform's operators. */
export class PartnerKafkaAccessView {
  @ApiProperty({ example: 'kafka-partners.technopark.ma:9094' })
  bootstrapServers!: string;

  @ApiProperty({ enum: ['SCRAM-SHA-512'] })
  mechanism!: 'SCRAM-SHA-512';

  @ApiProperty({ example: 'partner-plug-and-play' })
  username!: string;

  @ApiProperty({ example: 'technopark.partners.plug-and-play' })
  topic!: string;

  @ApiProperty({
    example: 'technopark.partners.plug-and-play.',
    description: 'Consumer group ids must start with it: the ACLs allow no other group',
  })
  groupPrefix!: string;

  @ApiProperty({ example: 'Key: the startup id (one startup in order). Value: the JSON body a webhook would carry.' })
  records!: string;
}

export class SubscriptionView {
  @ApiProperty()
  subscriptionId!: string;

  @ApiProperty()
  partnerId!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ type: SubscriptionFiltersDto })
  filters!: SubscriptionFiltersDto;

  @ApiProperty({ type: SubscriptionDeliveryView })
  delivery!: SubscriptionDeliveryView;

  @ApiPropertyOptional({ type: PartnerKafkaAccessView, description: 'Kafka subscriptions: how to read them' })
  kafka?: PartnerKafkaAccessView;

  @ApiProperty({ enum: SUBSCRIPTION_STATUSES })
  status!: SubscriptionStatus;

  @ApiPropertyOptional({ example: 'every delivery failed for 1440 minutes' })
  statusReason?: string;

  @ApiPropertyOptional()
  failingSince?: Date;

  @ApiPropertyOptional()
  lastSuccessAt?: Date;

  @ApiProperty({ description: 'Secrets signing now: two during a rotation (none for Kafka)' })
  signingSecrets!: number;

  @ApiProperty({ type: ActorView })
  createdBy!: ActorView;

  @ApiProperty()
  createdAt!: Date;
}

/** The answer that shows a webhook's secret, once: at creation and at each rotation. */
export class SubscriptionWithSecretView extends SubscriptionView {
  @ApiPropertyOptional({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Webhooks: verify deliveries with it (Standard Webhooks). It is shown only now: store it.',
  })
  secret?: string;
}

export class SubscriptionPage extends PageOf(SubscriptionView) {}

export class RetryNowView {
  @ApiProperty({ description: 'Pending deliveries made due now' })
  due!: number;
}

/** Subscriptions as partners read them, with what a Kafka one needs to be read. */
@Injectable()
export class SubscriptionViews {
  private readonly partnerBootstrap: string | undefined;

  constructor(
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.partnerBootstrap = environment.PARTNER_KAFKA_BOOTSTRAP;
  }

  of(subscription: Subscription): SubscriptionView {
    const now = this.clock.now();
    const { delivery } = subscription;
    return {
      subscriptionId: subscription._id,
      partnerId: subscription.partnerId,
      ...(subscription.description && { description: subscription.description }),
      filters: subscription.filters,
      delivery,
      ...(delivery.kind === 'kafka' && { kafka: this.kafkaAccess(subscription.partnerId, delivery.topic) }),
      status: subscription.status,
      ...(subscription.statusReason && { statusReason: subscription.statusReason }),
      ...(subscription.failingSince && { failingSince: subscription.failingSince }),
      ...(subscription.lastSuccessAt && { lastSuccessAt: subscription.lastSuccessAt }),
      signingSecrets: subscription.secrets.filter((secret) => !secret.until || new Date(secret.until) > now).length,
      createdBy: subscription.createdBy,
      createdAt: subscription.createdAt,
    };
  }

  withSecret(subscription: Subscription, secret: string | undefined): SubscriptionWithSecretView {
    return { ...this.of(subscription), ...(secret !== undefined && { secret }) };
  }

  private kafkaAccess(partnerId: string, topic: string): PartnerKafkaAccessView {
    return {
      bootstrapServers: this.partnerBootstrap ?? 'not configured (PARTNER_KAFKA_BOOTSTRAP)',
      mechanism: 'SCRAM-SHA-512',
      username: partnerKafkaUsername(partnerId),
      topic,
      groupPrefix: partnerGroupPrefixFor(partnerId),
      records: 'Key: the startup id (one startup in order). Value: the JSON body a webhook would carry.',
    };
  }
}
