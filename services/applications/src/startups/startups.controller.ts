import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { mapPage } from '@technopark/platform';
import { type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import type { Response } from 'express';
import { IdempotencyKey } from '@technopark/platform';
import { listedStartupView, partnerStartupView, startupView } from './startup-view';
import { StartupQuery } from './dto/startup-query.dto';
import { RegisterStartupDto, UpdateStartupDto } from './dto/startup.dto';
import { StartupsService } from './startups.service';
import { PartnerStartupPage, StartupPage, StartupView } from './dto/startup.views';

const IDEMPOTENCY_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first result instead of registering twice',
};
@ApiTags('startups')
@Controller('v1/startups')
export class StartupsController {
  constructor(private readonly startups: StartupsService) {}

  @Post()
  @Roles('site-staff', 'startup')
  @ApiHeader(IDEMPOTENCY_DOC)
  @ApiOperation({
    summary: 'Register a startup: a startup token registers itself under its startup_id, staff register walk-ins',
  })
  @ApiCreatedResponse({
    type: StartupView,
    description: 'Registered (or, with a reused Idempotency-Key, the first registration: header Idempotent-Replayed)',
  })
  @ApiConflictResponse({ description: 'STARTUP.ALREADY_REGISTERED' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.IDEMPOTENCY_KEY_REUSED for another request' })
  async register(
    @Body() body: RegisterStartupDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { startup, replayed } = await this.startups.register(body, principal, key);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return startupView(startup);
  }

  @Patch(':startupId')
  @Roles('site-staff', 'startup')
  @ApiOperation({ summary: "Update a startup's profile; public changes are published as startup.profile-updated" })
  @ApiNotFoundResponse({ description: 'STARTUP.NOT_FOUND' })
  @ApiConflictResponse({ description: 'STARTUP.CHANGED_MEANWHILE: read it again and retry' })
  @ApiOkResponse({ type: StartupView })
  async update(
    @Param('startupId') id: string,
    @Body() body: UpdateStartupDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ) {
    return startupView(await this.startups.update(id, body, principal));
  }

  @Get()
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiOperation({
    summary: 'Startups of the site by name (a startup token sees only itself); founders are in the detail only',
  })
  @ApiOkResponse({ type: StartupPage })
  async list(@Query() query: StartupQuery, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return mapPage(await this.startups.list(query, principal), listedStartupView);
  }

  @Get('shared-with-partners')
  @Roles('partner', 'site-staff')
  @ApiOperation({ summary: 'Public profiles of the startups that agreed to be shown to partner programs' })
  @ApiOkResponse({ type: PartnerStartupPage, description: 'No founders, no contact data' })
  async sharedWithPartners(@Query() query: StartupQuery) {
    return mapPage(await this.startups.sharedWithPartners(query), partnerStartupView);
  }

  @Get(':startupId')
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiOkResponse({ type: StartupView })
  @ApiNotFoundResponse({ description: 'STARTUP.NOT_FOUND' })
  async get(@Param('startupId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return startupView(await this.startups.get(id, principal));
  }
}
