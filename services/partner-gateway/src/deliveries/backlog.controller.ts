import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  assertOwnPartner,
  type AuthorizedPrincipal,
  CurrentPrincipal,
  PartnerManaged,
  Roles,
} from '@technopark/security';
import { RetryNowView, SubscriptionView, SubscriptionViews } from '../subscriptions/subscription.view';
import { BacklogService } from './backlog.service';

const NOT_FOUND = { description: 'PARTNER.NOT_FOUND, SUBSCRIPTION.NOT_FOUND' };
const ILLEGAL = { description: 'SUBSCRIPTION.ILLEGAL_STATE (with allowedActions), SUBSCRIPTION.CHANGED' };

@ApiTags('subscriptions')
@Controller('v1/partners/:partnerId/subscriptions/:subscriptionId')
@Roles('platform-admin', 'partner')
@PartnerManaged()
export class BacklogController {
  constructor(
    private readonly backlog: BacklogService,
    private readonly views: SubscriptionViews,
  ) {}

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a suspended subscription: its pending deliveries, kept meanwhile, go at once' })
  @ApiOkResponse({ type: SubscriptionView })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(ILLEGAL)
  async resume(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SubscriptionView> {
    assertOwnPartner(principal, partnerId);
    return this.views.of(await this.backlog.resume(partnerId, subscriptionId));
  }

  @Post('retry-now')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make every pending delivery due now instead of at its next retry: after fixing the endpoint',
  })
  @ApiOkResponse({ type: RetryNowView })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(ILLEGAL)
  async retryNow(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<RetryNowView> {
    assertOwnPartner(principal, partnerId);
    return { due: await this.backlog.retryNow(partnerId, subscriptionId) };
  }
}
