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
import { IdempotencyKey, mapPage } from '@technopark/platform';
import {
  assertOwnFunder,
  assertOwnStartup,
  type AuthorizedPrincipal,
  CurrentPrincipal,
  Roles,
} from '@technopark/security';
import type { Response } from 'express';
import { RecordFundingDto } from './dto/funding.dto';
import { FundingListQuery } from './dto/funding-list.query';
import { FundingPage, FundingView, fundingView } from './funding.view';
import { FundingsService } from './fundings.service';

@ApiTags('fundings')
@Controller('v1/fundings')
export class FundingsController {
  constructor(private readonly fundings: FundingsService) {}

  @Post()
  @Roles('site-staff', 'startup')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key answers the first record',
  })
  @ApiOperation({ summary: 'Record money raised, with its evidence; an introduction it came from moves to funded' })
  @ApiCreatedResponse({ type: FundingView })
  @ApiNotFoundResponse({ description: 'STARTUP.NOT_FOUND, INTRODUCTION.NOT_FOUND' })
  @ApiConflictResponse({ description: 'INTRODUCTION.ILLEGAL_TRANSITION (the introduction cannot be funded now)' })
  @ApiUnprocessableEntityResponse({
    description:
      'FUNDING.UNKNOWN_FUNDER, FUNDING.RAISED_IN_FUTURE, FUNDING.BEFORE_INTRODUCTION, FUNDING.INTRODUCTION_MISMATCH',
  })
  async record(
    @Body() body: RecordFundingDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FundingView> {
    assertOwnStartup(principal, body.startupId);
    const { funding, replayed } = await this.fundings.record(body, principal, key);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return fundingView(funding);
  }

  @Get()
  @Roles('site-staff', 'startup', 'funder')
  @ApiOperation({ summary: 'Raises, latest first (a startup sees its own, a funder those it funded)' })
  @ApiOkResponse({ type: FundingPage })
  async list(
    @Query() query: FundingListQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<FundingPage> {
    const scoped = {
      ...query,
      ...(principal.actingAs === 'startup' && { startupId: principal.startupId }),
      ...(principal.actingAs === 'funder' && { funderId: principal.funderId }),
    };
    return mapPage(await this.fundings.list(scoped), fundingView);
  }

  @Get(':fundingId')
  @Roles('site-staff', 'startup', 'funder')
  @ApiOkResponse({ type: FundingView })
  @ApiNotFoundResponse({ description: 'FUNDING.NOT_FOUND' })
  async get(@Param('fundingId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal): Promise<FundingView> {
    const funding = await this.fundings.get(id);
    assertOwnStartup(principal, funding.startupId);
    assertOwnFunder(principal, funding.funderId);
    return fundingView(funding);
  }
}
