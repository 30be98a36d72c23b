import { Injectable } from '@nestjs/common';
import { PARTNER_EVENTS } from '@technopark/contracts';
import { buildPartnerFeedAsyncApiDocument, type PartnerFeedChannel } from '@technopark/contracts/tooling';
import { PartnersService } from '../partners/partners.service';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { SubscriptionViews } from '../subscriptions/subscription.view';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

/** One partner's AsyncAPI document, from its current subscriptions: the types each one receives, where. */
@Injectable()
export class PartnerAsyncApi {
  constructor(
    private readonly partners: PartnersService,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly views: SubscriptionViews,
  ) {}

  async documentOf(partnerId: string): Promise<Record<string, unknown>> {
    const partner = await this.partners.get(partnerId);
    const subscriptions = await this.subscriptions.current(partnerId);
    return buildPartnerFeedAsyncApiDocument({
      title: `Technopark feed for ${partner.name}`,
      version: `1.${PARTNER_EVENTS.length}.0`,
      description:
        `The events ${partner.name} receives from the Technopark network, by subscription: only about startups that ` +
        'consented to share the scope with it, with only the fields the scope allows. Each delivery is signed as the ' +
        'Standard Webhooks specification says; verify it with your secret, deduplicate on webhook-id, answer 2xx quickly. ' +
        "A Kafka subscription writes the same bodies to the partner's own topic, keyed by startup.",
      channels: subscriptions.map((subscription) => ({
        id: subscription._id,
        route: this.routeOf(subscription),
        description: subscription.description ?? `Subscription ${subscription._id}`,
        contracts:
          subscription.filters.eventTypes.length > 0
            ? PARTNER_EVENTS.filter((contract) => subscription.filters.eventTypes.includes(contract.type))
            : PARTNER_EVENTS,
      })),
    });
  }

  private routeOf(subscription: Subscription): PartnerFeedChannel['route'] {
    const { kafka } = this.views.of(subscription);
    if (subscription.delivery.kind === 'webhook') return subscription.delivery;
    return {
      kind: 'kafka',
      bootstrapServers: kafka?.bootstrapServers ?? '',
      topic: subscription.delivery.topic,
      groupPrefix: kafka?.groupPrefix ?? '',
    };
  }
}
