import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ActorV1, partnerTopicFor } from '@technopark/contracts';
import { Clock, type Page, type PageQuery, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { PartnersService } from '../partners/partners.service';
import { SecretsKey } from '../secrets/secrets-key';
import { newWebhookSecret, sealSecret } from '../secrets/webhook-secrets';
import type { CreateSubscriptionDto } from './dto/subscription.dto';
import type { Subscription, SubscriptionStatus } from './schemas/subscription.schema';
import { PartnerTopics } from './partner-topics';
import { WebhookTargetPolicy } from './webhook-target-policy';
import {
  kafkaTopicTaken,
  noKafkaRoute,
  noSigningSecret,
  subscriptionChanged,
  subscriptionNotFound,
  subscriptionNotIn,
} from './subscriptions.errors';
import { SubscriptionsRepository } from './subscriptions.repository';

/** A subscription as just written, with a webhook's secret to show once. */
export interface WithSecret {
  readonly subscription: Subscription;
  readonly secret?: string;
}

/** A partner's subscriptions: created, rotated, resumed and ended by the partner or staff for it. */
@Injectable()
export class SubscriptionsService {
  private readonly rotationOverlapMs: number;
  private readonly offersKafka: boolean;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly partners: PartnersService,
    private readonly partnerTopics: PartnerTopics,
    private readonly targets: WebhookTargetPolicy,
    private readonly key: SecretsKey,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.rotationOverlapMs = environment.SECRET_ROTATION_OVERLAP_HOURS * 3_600_000;
    this.offersKafka = environment.PARTNER_KAFKA_BOOTSTRAP !== undefined;
  }

  async create(partnerId: string, body: CreateSubscriptionDto, actor: ActorV1): Promise<WithSecret> {
    await this.partners.get(partnerId);
    const fields = {
      _id: randomUUID(),
      partnerId,
      ...(body.description && { description: body.description }),
      filters: { ...body.filters },
      status: 'active' as const,
      createdBy: actor,
      version: 0,
    };
    if (body.delivery.kind === 'kafka') return { subscription: await this.createOnKafka(fields) };
    await this.targets.assertAcceptable(body.delivery.url as string);
    const secret = newWebhookSecret();
    const subscription = await this.subscriptions.insert({
      ...fields,
      delivery: { kind: 'webhook', url: body.delivery.url as string },
      secrets: [{ sealed: sealSecret(secret, this.key.value), since: this.clock.now() }],
    });
    return { subscription, secret };
  }

  /**
   * A partner has one topic, so one live Kafka subscription: two would write every event twice to
   * it. The topic is made now, so that the partner's client can subscribe before the first event.
   */
  private async createOnKafka(
    fields: Omit<Subscription, 'delivery' | 'secrets' | 'createdAt' | 'updatedAt'>,
  ): Promise<Subscription> {
    if (!this.offersKafka) throw noKafkaRoute();
    const topic = partnerTopicFor(fields.partnerId);
    const live = await this.subscriptions.liveOnKafka(fields.partnerId);
    if (live) throw kafkaTopicTaken(fields.partnerId, live._id);
    await this.partnerTopics.ensure(topic);
    return this.subscriptions.insert({ ...fields, delivery: { kind: 'kafka', topic }, secrets: [] });
  }

  list(partnerId: string, query: PageQuery): Promise<Page<Subscription>> {
    return this.subscriptions.ofPartner(partnerId, {
      limit: query.limit,
      cursor: query.cursor,
      sortField: 'createdAt',
      direction: -1,
    });
  }

  async get(partnerId: string, subscriptionId: string): Promise<Subscription> {
    const subscription = await this.subscriptions.find(partnerId, subscriptionId);
    if (!subscription) throw subscriptionNotFound(subscriptionId);
    return subscription;
  }

  /** A new secret signs from now on; the previous one keeps signing beside it for the overlap. */
  async rotateSecret(partnerId: string, subscriptionId: string): Promise<WithSecret> {
    const read = await this.inState(partnerId, subscriptionId, ['active', 'suspended'], 'given a new secret');
    if (read.delivery.kind === 'kafka') throw noSigningSecret(subscriptionId);
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.rotationOverlapMs);
    const secret = newWebhookSecret();
    const kept = read.secrets
      .filter((stored) => !stored.until || new Date(stored.until) > now)
      .map((stored) => ({ ...stored, until: stored.until && new Date(stored.until) < until ? stored.until : until }));
    const subscription = await this.write(read, {
      $set: { secrets: [{ sealed: sealSecret(secret, this.key.value), since: now }, ...kept] },
    });
    return { subscription, secret };
  }

  /** Active again; the backlog service makes its pending deliveries due at once. */
  async resume(partnerId: string, subscriptionId: string): Promise<Subscription> {
    const read = await this.inState(partnerId, subscriptionId, ['suspended'], 'resumed');
    return this.write(read, {
      $set: { status: 'active' },
      $unset: { statusReason: '', failingSince: '', lastFailure: '' },
    });
  }

  async end(partnerId: string, subscriptionId: string, actor: ActorV1): Promise<Subscription> {
    const read = await this.inState(partnerId, subscriptionId, ['active', 'suspended'], 'ended');
    return this.write(read, { $set: { status: 'ended', statusReason: `ended by ${actor.role} ${actor.id}` } });
  }

  /** The subscription, when it is in one of `allowed` states (409 with the actions it allows otherwise). */
  async inState(
    partnerId: string,
    subscriptionId: string,
    allowed: readonly SubscriptionStatus[],
    action: string,
  ): Promise<Subscription> {
    const read = await this.get(partnerId, subscriptionId);
    if (!allowed.includes(read.status)) throw subscriptionNotIn(subscriptionId, read.status, action);
    return read;
  }

  private async write(
    read: Subscription,
    update: Parameters<SubscriptionsRepository['change']>[1],
  ): Promise<Subscription> {
    const written = await this.subscriptions.change(read, update);
    if (!written) throw subscriptionChanged(read._id);
    return written;
  }
}
