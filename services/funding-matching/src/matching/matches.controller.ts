import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mapPage, PageQuery } from '@technopark/platform';
import {
  assertOwnFunder,
  type AuthorizedPrincipal,
  CurrentPrincipal,
  fundingActorOf,
  Roles,
} from '@technopark/security';
import { CurationDto } from './dto/curation.dto';
import { StartupMatchesQuery } from './dto/match-queries.dto';
import { MatchCurationService } from './match-curation.service';
import { DealFlowPage, MatchPage, MatchView, matchView } from './match.view';
import { MatchesService } from './matches.service';

const CURATION_CONFLICTS = { description: 'MATCH.ALREADY_CURATED, MATCH.NOT_CURATED, MATCH.CHANGED' };

@ApiTags('matches')
@Controller('v1')
export class MatchesController {
  constructor(
    private readonly matches: MatchesService,
    private readonly curation: MatchCurationService,
  ) {}

  @Get('startups/:startupId/matches')
  @Roles('site-staff', 'startup')
  @ApiOperation({ summary: "A startup's matches, pinned first then by score, each with its gates and explained score" })
  @ApiOkResponse({ type: MatchPage })
  async forStartup(
    @Param('startupId') startupId: string,
    @Query() query: StartupMatchesQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<MatchPage> {
    return mapPage(await this.matches.forStartup(startupId, query, principal), matchView);
  }

  @Get('matches/:matchId')
  @Roles('site-staff', 'startup')
  @ApiOkResponse({ type: MatchView })
  @ApiNotFoundResponse({ description: 'MATCH.NOT_FOUND' })
  async get(@Param('matchId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<MatchView> {
    return matchView(await this.matches.get(id, principal));
  }

  @Get('funders/:funderId/deal-flow')
  @Roles('site-staff', 'funder')
  @ApiOperation({
    summary: "A funder's qualified matches, best first; anonymized until the startup consents to an introduction",
  })
  @ApiOkResponse({ type: DealFlowPage })
  dealFlow(
    @Param('funderId') funderId: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<DealFlowPage> {
    assertOwnFunder(principal, funderId);
    return this.matches.dealFlow(funderId, query);
  }

  @Post('matches/:matchId/pin')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Pin a match: listed first and qualified whatever its score (its gates still apply)' })
  @ApiOkResponse({ type: MatchView })
  @ApiNotFoundResponse({ description: 'MATCH.NOT_FOUND' })
  @ApiConflictResponse(CURATION_CONFLICTS)
  async pin(
    @Param('matchId') id: string,
    @Body() body: CurationDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<MatchView> {
    return matchView(await this.curation.set(id, 'pinned', body.reason, fundingActorOf(principal)));
  }

  @Delete('matches/:matchId/pin')
  @Roles('site-staff')
  @ApiOkResponse({ type: MatchView })
  @ApiNotFoundResponse({ description: 'MATCH.NOT_FOUND' })
  @ApiConflictResponse(CURATION_CONFLICTS)
  async unpin(@Param('matchId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<MatchView> {
    return matchView(await this.curation.clear(id, 'pinned', fundingActorOf(principal)));
  }

  @Post('matches/:matchId/suppress')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Suppress a match: never qualified, hidden from the startup and the funder' })
  @ApiOkResponse({ type: MatchView })
  @ApiNotFoundResponse({ description: 'MATCH.NOT_FOUND' })
  @ApiConflictResponse(CURATION_CONFLICTS)
  async suppress(
    @Param('matchId') id: string,
    @Body() body: CurationDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<MatchView> {
    return matchView(await this.curation.set(id, 'suppressed', body.reason, fundingActorOf(principal)));
  }

  @Delete('matches/:matchId/suppress')
  @Roles('site-staff')
  @ApiOkResponse({ type: MatchView })
  @ApiNotFoundResponse({ description: 'MATCH.NOT_FOUND' })
  @ApiConflictResponse(CURATION_CONFLICTS)
  async unsuppress(
    @Param('matchId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<MatchView> {
    return matchView(await this.curation.clear(id, 'suppressed', fundingActorOf(principal)));
  }
}
