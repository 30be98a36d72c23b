import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { type AuthorizedPrincipal, CurrentActor, CurrentPrincipal, Roles } from '@technopark/security';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';
import {
  ConsentHistoryView,
  consentHistoryView,
  PartnerConsentView,
  partnerConsentView,
  StartupConsentsView,
  startupConsentsView,
} from './consent.view';
import { ConsentChangeDto } from './dto/consent-change.dto';

const NOT_FOUND = { description: 'STARTUP.UNKNOWN, PARTNER.NOT_FOUND' };

@ApiTags('consents')
@Controller('v1/startups/:startupId/partner-consents')
export class ConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly stored: ConsentsRepository,
  ) {}

  @Get()
  @Roles('startup', 'platform-admin')
  @ApiOperation({ summary: 'What the startup shares with each partner program' })
  @ApiOkResponse({ type: StartupConsentsView })
  @ApiNotFoundResponse(NOT_FOUND)
  async list(
    @Param('startupId') startupId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<StartupConsentsView> {
    const startup = await this.consents.startupFor(startupId, principal);
    return startupConsentsView(startup, await this.stored.ofStartup(startupId));
  }

  @Get('history')
  @Roles('startup', 'platform-admin')
  @ApiOperation({ summary: "The startup's audit trail: every grant and revocation, who made it and when" })
  @ApiOkResponse({ type: ConsentHistoryView })
  @ApiNotFoundResponse(NOT_FOUND)
  async history(
    @Param('startupId') startupId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<ConsentHistoryView> {
    const startup = await this.consents.startupFor(startupId, principal);
    return consentHistoryView(startup, await this.stored.ofStartup(startupId));
  }

  @Post(':partnerId/grant')
  @HttpCode(200)
  @Roles('startup', 'platform-admin')
  @ApiOperation({ summary: 'Let one partner program receive the events of these scopes, from now on' })
  @ApiOkResponse({ type: PartnerConsentView })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CONSENT.CHANGED' })
  async grant(
    @Param('startupId') startupId: string,
    @Param('partnerId') partnerId: string,
    @Body() body: ConsentChangeDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
  ): Promise<PartnerConsentView> {
    const decision = { change: 'granted' as const, scopes: body.scopes };
    return partnerConsentView(await this.consents.decide(startupId, partnerId, decision, principal, actor));
  }

  @Post(':partnerId/revoke')
  @HttpCode(200)
  @Roles('startup', 'platform-admin')
  @ApiOperation({
    summary:
      'Stop sharing these scopes with one partner program: nothing of them is delivered after, even if already queued',
  })
  @ApiOkResponse({ type: PartnerConsentView })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CONSENT.CHANGED' })
  async revoke(
    @Param('startupId') startupId: string,
    @Param('partnerId') partnerId: string,
    @Body() body: ConsentChangeDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
  ): Promise<PartnerConsentView> {
    const decision = { change: 'revoked' as const, scopes: body.scopes };
    return partnerConsentView(await this.consents.decide(startupId, partnerId, decision, principal, actor));
  }
}
