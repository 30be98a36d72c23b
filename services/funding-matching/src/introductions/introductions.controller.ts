import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IdempotencyKey } from '@technopark/platform';
import { assertOwnStartup, type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import type { Response } from 'express';
import { RequestIntroductionDto } from './dto/introduction.dto';
import { IntroductionListQuery } from './dto/introduction-list.query';
import { IntroductionQueries } from './introduction-queries';
import { IntroductionPresenter } from './introduction-presenter';
import { IntroductionPage, IntroductionView } from './introduction.view';
import { IntroductionWorkflowService } from './introduction-workflow.service';

@ApiTags('introductions')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key answers the first result',
})
@Controller('v1/introductions')
export class IntroductionsController {
  constructor(
    private readonly workflow: IntroductionWorkflowService,
    private readonly queries: IntroductionQueries,
    private readonly presenter: IntroductionPresenter,
  ) {}

  @Post()
  @Roles('site-staff', 'startup')
  @ApiOperation({
    summary:
      'Ask for an introduction to a funder the startup is eligible for; asked by staff, it waits for the startup to consent',
  })
  @ApiCreatedResponse({ type: IntroductionView })
  @ApiConflictResponse({ description: 'INTRODUCTION.EXISTS' })
  @ApiUnprocessableEntityResponse({
    description:
      'INTRODUCTION.NO_MATCH, INTRODUCTION.NOT_ELIGIBLE (with failedGates), INTRODUCTION.MATCH_SUPPRESSED, REQUEST.IDEMPOTENCY_KEY_REUSED',
  })
  async request(
    @Body() body: RequestIntroductionDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntroductionView> {
    assertOwnStartup(principal, body.startupId);
    return this.presenter.answer(principal, response, await this.workflow.request(body, principal, key));
  }

  @Get()
  @Roles('site-staff', 'startup', 'funder')
  @ApiOperation({ summary: 'Introductions, newest first (a startup sees its own, a funder those consented to it)' })
  @ApiOkResponse({ type: IntroductionPage })
  async list(
    @Query() query: IntroductionListQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<IntroductionPage> {
    return this.presenter.page(await this.queries.list(query, principal), principal);
  }

  @Get(':introductionId')
  @Roles('site-staff', 'startup', 'funder')
  @ApiOkResponse({ type: IntroductionView })
  @ApiNotFoundResponse({ description: 'INTRODUCTION.NOT_FOUND' })
  async get(
    @Param('introductionId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<IntroductionView> {
    return this.presenter.one(await this.queries.get(id, principal), principal);
  }
}
