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
import { mapPage } from '@technopark/platform';
import { type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import type { Response } from 'express';
import { IdempotencyKey } from '@technopark/platform';
import { applicationViewFor } from './application-view';
import { ApplicationsService } from './applications.service';
import { ApplicationQuery } from './dto/application-query.dto';
import { CreateApplicationDto } from './dto/create-application.dto';
import { ApplicationPage, ApplicationView } from './dto/application.views';

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('startup', 'site-staff')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the first draft instead of creating a second one',
  })
  @ApiOperation({ summary: 'Start a draft application to a call (a startup for itself, staff on its behalf)' })
  @ApiCreatedResponse({
    type: ApplicationView,
    description: 'The draft (or, with a reused Idempotency-Key, the first one: header Idempotent-Replayed)',
  })
  @ApiConflictResponse({ description: 'APPLICATION.ALREADY_APPLIED: the startup has a live application to this call' })
  @ApiUnprocessableEntityResponse({ description: 'REQUEST.IDEMPOTENCY_KEY_REUSED for another request' })
  async create(
    @Body() body: CreateApplicationDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { application, replayed } = await this.applications.createDraft(body, principal, key);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return applicationViewFor(principal)(application);
  }

  @Get()
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiOperation({ summary: 'Applications, filtered and sorted, a page at a time (a startup token sees its own)' })
  @ApiOkResponse({ type: ApplicationPage })
  async list(@Query() query: ApplicationQuery, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return mapPage(await this.applications.list(query, principal), applicationViewFor(principal));
  }

  @Get(':applicationId')
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiNotFoundResponse({ description: 'APPLICATION.NOT_FOUND' })
  @ApiOkResponse({ type: ApplicationView })
  async get(@Param('applicationId') id: string, @CurrentPrincipal() principal: AuthorizedPrincipal) {
    return applicationViewFor(principal)(await this.applications.get(id, principal));
  }
}
