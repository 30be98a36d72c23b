import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { mapPage } from '@technopark/platform';
import type { ActorV1 } from '@technopark/contracts';
import { type AuthorizedPrincipal, CurrentActor, CurrentPrincipal, Roles } from '@technopark/security';
import { RESIDENCY_ACTION_ROLES } from './domain/residency-lifecycle';
import {
  AllocateResidencyDto,
  DeclineResidencyDto,
  EndResidencyDto,
  ExtendResidencyDto,
  MoveResidencyDto,
  StartResidencyDto,
} from './dto/residency-actions.dto';
import { ResidencyListQuery } from './dto/residency-list.query';
import { ResidencyQueries } from './residency-queries';
import { ResidencyPage, ResidencyView, residencyView } from './residency.view';
import { ResidencyWorkflowService } from './residency-workflow.service';

@ApiTags('residencies')
@Controller('v1/residencies')
export class ResidenciesController {
  constructor(
    private readonly workflow: ResidencyWorkflowService,
    private readonly queries: ResidencyQueries,
  ) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiOperation({
    summary:
      'Residencies (allocations, waits, stays), newest acceptance first, a page at a time (a startup token sees its own)',
  })
  @ApiOkResponse({ type: ResidencyPage })
  async list(
    @Query() query: ResidencyListQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<ResidencyPage> {
    return mapPage(await this.queries.list(query, principal), (residency) =>
      residencyView(residency, principal.actingAs),
    );
  }

  @Get(':residencyId')
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiOkResponse({ type: ResidencyView })
  @ApiNotFoundResponse({ description: 'RESIDENCY.NOT_FOUND' })
  async get(
    @Param('residencyId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<ResidencyView> {
    return residencyView(await this.queries.get(id, principal), principal.actingAs);
  }

  @Post(':residencyId/allocate')
  @HttpCode(200)
  @Roles(...RESIDENCY_ACTION_ROLES.allocate)
  @ApiOperation({ summary: 'Allocate a waitlisted startup by hand: to the named space, or by the allocation rule' })
  @ApiOkResponse({ type: ResidencyView })
  @ApiConflictResponse({
    description: 'RESIDENCY.ILLEGAL_TRANSITION, RESIDENCY.NO_SPACE_FITS, SPACE.TAKEN, RESIDENCY.CHANGED',
  })
  @ApiUnprocessableEntityResponse({ description: 'SPACE.NOT_ALLOCATABLE, SPACE.TOO_SMALL' })
  async allocate(
    @Param('residencyId') id: string,
    @Body() body: AllocateResidencyDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<ResidencyView> {
    return residencyView(await this.workflow.allocateByHand(id, body.spaceId, actor), actor.role);
  }

  @Post(':residencyId/start')
  @HttpCode(200)
  @Roles(...RESIDENCY_ACTION_ROLES.start)
  @ApiOperation({ summary: 'Record the move-in: the residency runs until start + program duration' })
  @ApiOkResponse({ type: ResidencyView })
  @ApiConflictResponse({ description: 'RESIDENCY.ILLEGAL_TRANSITION, RESIDENCY.CHANGED' })
  @ApiUnprocessableEntityResponse({ description: 'RESIDENCY.MOVE_IN_IN_FUTURE' })
  async start(
    @Param('residencyId') id: string,
    @Body() body: StartResidencyDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<ResidencyView> {
    return residencyView(await this.workflow.start(id, body.startedOn, actor), actor.role);
  }

  @Post(':residencyId/extend')
  @HttpCode(200)
  @Roles(...RESIDENCY_ACTION_ROLES.extend)
  @ApiOperation({ summary: 'Move the planned end of a running residency later' })
  @ApiOkResponse({ type: ResidencyView })
  @ApiConflictResponse({ description: 'RESIDENCY.ILLEGAL_TRANSITION, RESIDENCY.CHANGED' })
  async extend(
    @Param('residencyId') id: string,
    @Body() body: ExtendResidencyDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<ResidencyView> {
    return residencyView(await this.workflow.extend(id, body.months, actor), actor.role);
  }

  @Post(':residencyId/move')
  @HttpCode(200)
  @Roles(...RESIDENCY_ACTION_ROLES.move)
  @ApiOperation({ summary: 'Move the startup to another office or coworking area; the old space goes to the waitlist' })
  @ApiOkResponse({ type: ResidencyView })
  @ApiConflictResponse({
    description: 'RESIDENCY.ILLEGAL_TRANSITION, RESIDENCY.SAME_SPACE, SPACE.TAKEN, RESIDENCY.CHANGED',
  })
  @ApiUnprocessableEntityResponse({ description: 'SPACE.NOT_ALLOCATABLE, SPACE.TOO_SMALL' })
  async move(
    @Param('residencyId') id: string,
    @Body() body: MoveResidencyDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<ResidencyView> {
    return residencyView(await this.workflow.move(id, body.spaceId, actor), actor.role);
  }

  @Post(':residencyId/end')
  @HttpCode(200)
  @Roles(...RESIDENCY_ACTION_ROLES.end)
  @ApiOperation({
    summary: 'End a residency with its outcome; its space goes to the next waitlisted startup that fits',
  })
  @ApiOkResponse({ type: ResidencyView })
  @ApiConflictResponse({ description: 'RESIDENCY.ILLEGAL_TRANSITION, RESIDENCY.CHANGED' })
  @ApiUnprocessableEntityResponse({ description: 'RESIDENCY.OUTCOME_NOT_ALLOWED, RESIDENCY.END_BEFORE_START' })
  async end(
    @Param('residencyId') id: string,
    @Body() body: EndResidencyDto,
    @CurrentActor() actor: ActorV1,
  ): Promise<ResidencyView> {
    return residencyView(await this.workflow.end(id, body.outcome, body.endedOn, actor, body.note), actor.role);
  }

  @Post(':residencyId/decline')
  @HttpCode(200)
  @Roles(...RESIDENCY_ACTION_ROLES.decline)
  @ApiOperation({ summary: 'The startup declines its allocation or leaves the waitlist before moving in' })
  @ApiOkResponse({ type: ResidencyView })
  @ApiConflictResponse({ description: 'RESIDENCY.ILLEGAL_TRANSITION, RESIDENCY.CHANGED' })
  async decline(
    @Param('residencyId') id: string,
    @Body() body: DeclineResidencyDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
  ): Promise<ResidencyView> {
    return residencyView(await this.workflow.decline(id, principal, actor, body.note), actor.role);
  }
}
