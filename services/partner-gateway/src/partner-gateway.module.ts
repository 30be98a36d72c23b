import { Module } from '@nestjs/common';
import { PartnerAsyncApiController } from './asyncapi/partner-asyncapi.controller';
import { PartnerAsyncApi } from './asyncapi/partner-asyncapi.service';
import { MongooseModule } from '@nestjs/mongoose';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsRepository } from './consents/consents.repository';
import { ConsentsService } from './consents/consents.service';
import { HeldScopes } from './consents/held-scopes';
import { PartnerConsent, PartnerConsentSchema } from './consents/schemas/partner-consent.schema';
import { BacklogController } from './deliveries/backlog.controller';
import { BacklogService } from './deliveries/backlog.service';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryAttempts } from './deliveries/delivery-attempts.service';
import { DeliveryLanes } from './deliveries/delivery-lanes';
import { Suspensions } from './deliveries/suspensions';
import { DeliveryMetrics } from './deliveries/delivery-metrics';
import { Delivery, DeliverySchema } from './deliveries/schemas/delivery.schema';
import { DeliverySender } from './deliveries/delivery-sender';
import { KafkaTopicSender } from './deliveries/kafka-topic-sender';
import { WebhookSender } from './deliveries/webhook-sender';
import { StartupEntry, StartupEntrySchema } from './directory/schemas/startup-entry.schema';
import { StartupDirectoryRepository } from './directory/startup-directory.repository';
import { StartupDirectoryService } from './directory/startup-directory.service';
import { FeedConsumer } from './feed/feed.consumer';
import { FeedLogRepository } from './feed/feed-log.repository';
import { FeedRouter } from './feed/feed-router';
import { FeedRecord, FeedRecordSchema } from './feed/schemas/feed-record.schema';
import { PartnersController } from './partners/partners.controller';
import { PartnersRepository } from './partners/partners.repository';
import { PartnersService } from './partners/partners.service';
import { Partner, PartnerSchema } from './partners/schemas/partner.schema';
import { ReplaysController } from './replays/replays.controller';
import { ReplaysRepository } from './replays/replays.repository';
import { ReplaysService } from './replays/replays.service';
import { Replay, ReplaySchema } from './replays/schemas/replay.schema';
import { SecretsKey } from './secrets/secrets-key';
import { PartnerStatusController } from './status/partner-status.controller';
import { PartnerStatusService } from './status/partner-status.service';
import { Subscription, SubscriptionSchema } from './subscriptions/schemas/subscription.schema';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions/subscriptions.repository';
import { WebhookTargetPolicy } from './subscriptions/webhook-target-policy';
import { PartnerTopics } from './subscriptions/partner-topics';
import { SubscriptionViews } from './subscriptions/subscription.view';
import { SubscriptionsService } from './subscriptions/subscriptions.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Partner.name, schema: PartnerSchema },
      { name: Replay.name, schema: ReplaySchema },
      { name: StartupEntry.name, schema: StartupEntrySchema },
      { name: PartnerConsent.name, schema: PartnerConsentSchema },
      { name: Subscription.name, schema: SubscriptionSchema },
      { name: Delivery.name, schema: DeliverySchema },
      { name: FeedRecord.name, schema: FeedRecordSchema },
    ]),
  ],
  controllers: [
    PartnersController,
    PartnerAsyncApiController,
    ConsentsController,
    SubscriptionsController,
    DeliveriesController,
    BacklogController,
    ReplaysController,
    PartnerStatusController,
    FeedConsumer,
  ],
  providers: [
    SecretsKey,
    PartnersRepository,
    PartnersService,
    StartupDirectoryRepository,
    StartupDirectoryService,
    ConsentsRepository,
    ConsentsService,
    HeldScopes,
    SubscriptionsRepository,
    SubscriptionsService,
    SubscriptionViews,
    PartnerTopics,
    WebhookTargetPolicy,
    DeliveriesRepository,
    WebhookSender,
    KafkaTopicSender,
    DeliverySender,
    DeliveryAttempts,
    DeliveryLanes,
    Suspensions,
    BacklogService,
    DeliveryMetrics,
    FeedLogRepository,
    FeedRouter,
    ReplaysRepository,
    ReplaysService,
    PartnerStatusService,
    PartnerAsyncApi,
  ],
})
export class PartnerGatewayModule {}
