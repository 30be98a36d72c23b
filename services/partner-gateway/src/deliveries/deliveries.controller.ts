import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, mapPage } from '@technopark/platform';
import {
  assertOwnPartner,
  type AuthorizedPrincipal,
  CurrentPrincipal,
  PartnerManaged,
  Roles,
} from '@technopark/security';
import { deliveryNotDead, deliveryNotFound } from './deliveries.errors';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryLanes } from './delivery-lanes';
import { DeliveryPage, DeliveryView, deliveryView } from './delivery.view';
import { DeliveryQuery } from './dto/delivery-query.dto';

@ApiTags('deliveries')
@Controller('v1/partners/:partnerId/deliveries')
@Roles('platform-admin', 'partner')
export class DeliveriesController {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly lanes: DeliveryLanes,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The delivery log, newest first: what was sent, when, every attempt, its answer and latency',
  })
  @ApiOkResponse({ type: DeliveryPage })
  async list(
    @Param('partnerId') partnerId: string,
    @Query() query: DeliveryQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<DeliveryPage> {
    assertOwnPartner(principal, partnerId);
    const { subscriptionId, state, startupId } = query;
    const filter = {
      partnerId,
      ...(subscriptionId && { subscriptionId }),
      ...(state && { state }),
      ...(startupId && { startupId }),
    };
    const page = { limit: query.limit, cursor: query.cursor, sortField: 'sequence', direction: -1 as const };
    return mapPage(await this.deliveries.list(filter, page), deliveryView);
  }

  @Get(':deliveryId')
  @ApiOkResponse({ type: DeliveryView })
  @ApiNotFoundResponse({ description: 'DELIVERY.NOT_FOUND' })
  async get(
    @Param('partnerId') partnerId: string,
    @Param('deliveryId') deliveryId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<DeliveryView> {
    assertOwnPartner(principal, partnerId);
    const delivery = await this.deliveries.findOne(partnerId, deliveryId);
    if (!delivery) throw deliveryNotFound(deliveryId);
    return deliveryView(delivery);
  }

  @Post(':deliveryId/redeliver')
  @HttpCode(200)
  @PartnerManaged()
  @ApiOperation({
    summary: 'Queue a dead delivery again: it goes at its place, signed anew, with today’s consent checked',
  })
  @ApiOkResponse({ type: DeliveryView })
  @ApiNotFoundResponse({ description: 'DELIVERY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DELIVERY.NOT_DEAD' })
  async redeliver(
    @Param('partnerId') partnerId: string,
    @Param('deliveryId') deliveryId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<DeliveryView> {
    assertOwnPartner(principal, partnerId);
    const requeued = await this.deliveries.requeue(partnerId, deliveryId, this.clock.now());
    if (requeued) {
      this.lanes.wake([requeued.subscriptionId]);
      return deliveryView(requeued);
    }
    const delivery = await this.deliveries.findOne(partnerId, deliveryId);
    if (!delivery) throw deliveryNotFound(deliveryId);
    throw deliveryNotDead(deliveryId, delivery.state);
  }
}
