import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { mapPage } from '@technopark/platform';
import { type AuthorizedPrincipal, CurrentPrincipal, eventActorOf, Roles } from '@technopark/security';
import { CancelEventDto, CreateEventDto, PostponeEventDto } from './dto/event.dto';
import { EventsQuery } from './dto/event-queries.dto';
import { UpdateEventDto } from './dto/update-event.dto';
import { SiteEventPage, SiteEventView, siteEventView } from './site-event.view';
import { SiteEventsService } from './site-events.service';

const SHAPE_RULES =
  'EVENT.ENDS_BEFORE_START, EVENT.REGISTRATION_WINDOW_INVERTED, EVENT.REGISTRATION_CLOSES_AFTER_START, EVENT.NO_PLACE, EVENT.COHORT_NEEDS_PROGRAM, ROOM.NOT_FOUND, ROOM.RETIRED, ROOM.TOO_SMALL';

@ApiTags('events')
@Controller('v1/events')
export class SiteEventsController {
  constructor(private readonly events: SiteEventsService) {}

  @Post()
  @Roles('site-staff')
  @ApiOperation({ summary: 'Draft an event: published later, once its room is booked' })
  @ApiCreatedResponse({ type: SiteEventView })
  @ApiUnprocessableEntityResponse({ description: SHAPE_RULES })
  async create(
    @Body() body: CreateEventDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SiteEventView> {
    return siteEventView(await this.events.create(body, eventActorOf(principal)));
  }

  @Get()
  @Roles('site-staff')
  @ApiOperation({ summary: "The site's events, drafts included, by start" })
  @ApiOkResponse({ type: SiteEventPage })
  async list(@Query() query: EventsQuery): Promise<SiteEventPage> {
    return mapPage(await this.events.list(query), siteEventView);
  }

  @Get(':eventId')
  @Roles('site-staff')
  @ApiOkResponse({ type: SiteEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  async get(@Param('eventId') id: string): Promise<SiteEventView> {
    return siteEventView(await this.events.get(id));
  }

  @Patch(':eventId')
  @Roles('site-staff')
  @ApiOperation({ summary: 'Change an event (merge patch); a published one tells partners with event.updated' })
  @ApiOkResponse({ type: SiteEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'EVENT.CHANGED, EVENT.ILLEGAL_TRANSITION, ROOM.BOOKED' })
  @ApiUnprocessableEntityResponse({
    description: `${SHAPE_RULES}, EVENT.DATES_VIA_POSTPONE, EVENT.CAPACITY_BELOW_CONFIRMED`,
  })
  async update(
    @Param('eventId') id: string,
    @Body() body: UpdateEventDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SiteEventView> {
    return siteEventView(await this.events.update(id, body, eventActorOf(principal)));
  }

  @Post(':eventId/publish')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Book the room and publish: registrations open in their window' })
  @ApiOkResponse({ type: SiteEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'ROOM.BOOKED, EVENT.ILLEGAL_TRANSITION, EVENT.CHANGED' })
  @ApiUnprocessableEntityResponse({ description: 'ROOM.RETIRED, ROOM.TOO_SMALL' })
  async publish(
    @Param('eventId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SiteEventView> {
    return siteEventView(await this.events.publish(id, eventActorOf(principal)));
  }

  @Post(':eventId/postpone')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Move the event to new dates (its room booked again); registrations stand' })
  @ApiOkResponse({ type: SiteEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'ROOM.BOOKED, EVENT.ILLEGAL_TRANSITION, EVENT.CHANGED' })
  @ApiUnprocessableEntityResponse({ description: 'EVENT.POSTPONED_INTO_PAST, EVENT.ENDS_BEFORE_START' })
  async postpone(
    @Param('eventId') id: string,
    @Body() body: PostponeEventDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SiteEventView> {
    return siteEventView(await this.events.postpone(id, body, eventActorOf(principal)));
  }

  @Post(':eventId/cancel')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Call the event off: its room is freed and every registrant told' })
  @ApiOkResponse({ type: SiteEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'EVENT.ILLEGAL_TRANSITION, EVENT.CHANGED' })
  async cancel(
    @Param('eventId') id: string,
    @Body() body: CancelEventDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SiteEventView> {
    return siteEventView(await this.events.cancel(id, body.reason, eventActorOf(principal)));
  }

  @Post(':eventId/complete')
  @HttpCode(200)
  @Roles('site-staff')
  @ApiOperation({ summary: 'Close a held event: no-shows derived, attendance published with event.completed' })
  @ApiOkResponse({ type: SiteEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'EVENT.ILLEGAL_TRANSITION, EVENT.CHANGED' })
  @ApiUnprocessableEntityResponse({ description: 'EVENT.NOT_ENDED' })
  async complete(
    @Param('eventId') id: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<SiteEventView> {
    return siteEventView(await this.events.complete(id, eventActorOf(principal)));
  }
}
