import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { mapPage, PageQuery } from '@technopark/platform';
import {
  assertOwnPartner,
  type AuthorizedPrincipal,
  CurrentActor,
  CurrentPrincipal,
  PartnerManaged,
  Roles,
} from '@technopark/security';
import { CreateSubscriptionDto } from './dto/subscription.dto';
import { SubscriptionPage, SubscriptionView, SubscriptionViews, SubscriptionWithSecretView } from './subscription.view';
import { SubscriptionsService, type WithSecret } from './subscriptions.service';

const NOT_FOUND = { description: 'PARTNER.NOT_FOUND, SUBSCRIPTION.NOT_FOUND' };
const ILLEGAL = { description: 'SUBSCRIPTION.ILLEGAL_STATE (with allowedActions), SUBSCRIPTION.CHANGED' };

@ApiTags('subscriptions')
@Controller('v1/partners/:partnerId/subscriptions')
@Roles('platform-admin', 'partner')
@PartnerManaged()
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly views: SubscriptionViews,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Subscribe to a filtered, consented feed: signed webhooks (the secret is shown once), or the partner's own Kafka topic",
  })
  @ApiCreatedResponse({ type: SubscriptionWithSecretView })
  @ApiNotFoundResponse(NOT_FOUND)
  async create(
    @Param('partnerId') partnerId: string,
    @Body() body: CreateSubscriptionDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
  ): Promise<SubscriptionWithSecretView> {
    assertOwnPartner(principal, partnerId);
    return this.withSecret(await this.subscriptions.create(partnerId, body, actor));
  }

  @Get()
  @ApiOkResponse({ type: SubscriptionPage })
  async list(
    @Param('partnerId') partnerId: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SubscriptionPage> {
    assertOwnPartner(principal, partnerId);
    return mapPage(await this.subscriptions.list(partnerId, query), (subscription) => this.views.of(subscription));
  }

  @Get(':subscriptionId')
  @ApiOkResponse({ type: SubscriptionView })
  @ApiNotFoundResponse(NOT_FOUND)
  async get(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SubscriptionView> {
    assertOwnPartner(principal, partnerId);
    return this.views.of(await this.subscriptions.get(partnerId, subscriptionId));
  }

  @Post(':subscriptionId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret, shown once; the previous one keeps signing beside it for the overlap',
  })
  @ApiOkResponse({ type: SubscriptionWithSecretView })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(ILLEGAL)
  async rotate(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SubscriptionWithSecretView> {
    assertOwnPartner(principal, partnerId);
    return this.withSecret(await this.subscriptions.rotateSecret(partnerId, subscriptionId));
  }

  @Delete(':subscriptionId')
  @ApiOperation({ summary: 'End a subscription: nothing more is delivered; its delivery log stays readable' })
  @ApiOkResponse({ type: SubscriptionView })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(ILLEGAL)
  async end(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
  ): Promise<SubscriptionView> {
    assertOwnPartner(principal, partnerId);
    return this.views.of(await this.subscriptions.end(partnerId, subscriptionId, actor));
  }

  private withSecret({ subscription, secret }: WithSecret): SubscriptionWithSecretView {
    return this.views.withSecret(subscription, secret);
  }
}
