import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import {
  assertOwnPartner,
  type AuthorizedPrincipal,
  CurrentActor,
  CurrentPrincipal,
  PartnerManaged,
  Roles,
} from '@technopark/security';
import type { Response } from 'express';
import { ReplayDto, ReplayView, replayView } from './replay.dto';
import { ReplaysService } from './replays.service';

@ApiTags('subscriptions')
@Controller('v1/partners/:partnerId/subscriptions/:subscriptionId')
@Roles('platform-admin', 'partner')
export class ReplaysController {
  constructor(private readonly replays: ReplaysService) {}

  @Post('replay')
  @HttpCode(202)
  @PartnerManaged()
  @ApiOperation({
    summary:
      "Send the feed again from a time or after an event, with today's consent and filters; each delivery carries technopark-replay: true. It runs in the background: follow it at Location",
  })
  @ApiAcceptedResponse({ type: ReplayView })
  @ApiNotFoundResponse({ description: 'PARTNER.NOT_FOUND, SUBSCRIPTION.NOT_FOUND, REPLAY.EVENT_UNKNOWN' })
  @ApiConflictResponse({ description: 'SUBSCRIPTION.ILLEGAL_STATE (an ended subscription)' })
  @ApiUnprocessableEntityResponse({ description: 'REPLAY.TWO_STARTS' })
  async replay(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @Body() body: ReplayDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReplayView> {
    assertOwnPartner(principal, partnerId);
    const replay = await this.replays.start(partnerId, subscriptionId, body, actor);
    response.setHeader('Location', `/v1/partners/${partnerId}/subscriptions/${subscriptionId}/replays/${replay._id}`);
    return replayView(replay);
  }

  @Get('replays/:replayId')
  @ApiOperation({ summary: "A replay's progress: records read, deliveries queued, and whether it is done" })
  @ApiOkResponse({ type: ReplayView })
  @ApiNotFoundResponse({ description: 'SUBSCRIPTION.NOT_FOUND, REPLAY.NOT_FOUND' })
  async get(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @Param('replayId') replayId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<ReplayView> {
    assertOwnPartner(principal, partnerId);
    return replayView(await this.replays.get(partnerId, subscriptionId, replayId));
  }
}
