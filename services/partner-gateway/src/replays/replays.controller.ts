import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  assertOwnPartner,
  type AuthorizedPrincipal,
  CurrentPrincipal,
  PartnerManaged,
  Roles,
} from '@technopark/security';
import { ReplayDto, ReplayView } from './replay.dto';
import { ReplaysService } from './replays.service';

@ApiTags('subscriptions')
@Controller('v1/partners/:partnerId/subscriptions/:subscriptionId/replay')
export class ReplaysController {
  constructor(private readonly replays: ReplaysService) {}

  @Post()
  @HttpCode(200)
  @Roles('platform-admin', 'partner')
  @PartnerManaged()
  @ApiOperation({
    summary:
      "Send the feed again from a time or after an event, with today's consent and filters; each delivery carries technopark-replay: true",
  })
  @ApiOkResponse({ type: ReplayView })
  @ApiNotFoundResponse({ description: 'PARTNER.NOT_FOUND, SUBSCRIPTION.NOT_FOUND, REPLAY.EVENT_UNKNOWN' })
  @ApiConflictResponse({ description: 'SUBSCRIPTION.ILLEGAL_STATE (an ended subscription)' })
  @ApiUnprocessableEntityResponse({ description: 'REPLAY.TWO_STARTS' })
  replay(
    @Param('partnerId') partnerId: string,
    @Param('subscriptionId') subscriptionId: string,
    @Body() body: ReplayDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<ReplayView> {
    assertOwnPartner(principal, partnerId);
    return this.replays.replay(partnerId, subscriptionId, body);
  }
}
