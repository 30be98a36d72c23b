import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { EVENT_LANGUAGES, type EventLanguage } from '@technopark/contracts';
import { type AuthorizedPrincipal, CurrentPrincipal, Public, Roles } from '@technopark/security';
import { IsIn, IsOptional } from 'class-validator';
import { registrantKeyOf } from '../registrations/domain/registration-id';
import { CalendarsService } from './calendars.service';

const ICS = 'text/calendar; charset=utf-8';

export class CalendarQuery {
  @ApiPropertyOptional({
    enum: EVENT_LANGUAGES,
    description: 'The language of titles and descriptions, when the event has it',
  })
  @IsOptional()
  @IsIn(EVENT_LANGUAGES)
  lang?: EventLanguage;
}

export class CalendarLinkView {
  @ApiProperty({
    description: 'The private feed of the events the caller is registered for: subscribe to it, keep it to yourself',
    example: '/v1/calendars/cGVyc29uOnVzZXItN2YzYQ.Qm9ndXNTaWduYXR1cmUxMg/events.ics',
  })
  path!: string;
}

@ApiTags('calendars')
@Controller('v1')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get('public/calendar.ics')
  @Public()
  @Header('Content-Type', ICS)
  @ApiOperation({
    summary: "The site's programme as an iCalendar feed (no token): published events, cancellations marked",
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'An iCalendar (RFC 5545) document',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  publicFeed(@Query() query: CalendarQuery): Promise<string> {
    return this.calendars.publicFeed(query.lang);
  }

  @Get('calendars/:token/events.ics')
  @Public()
  @Header('Content-Type', ICS)
  @ApiOperation({ summary: "A registrant's private iCalendar feed, at the signed link GET /v1/me/calendar-link gives" })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'An iCalendar (RFC 5545) document',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'CALENDAR.NOT_FOUND' })
  privateFeed(@Param('token') token: string, @Query() query: CalendarQuery): Promise<string> {
    return this.calendars.privateFeed(token, query.lang);
  }

  @Get('me/calendar-link')
  @Roles('startup', 'individual')
  @ApiOperation({ summary: "The caller's private calendar link: their startup's registrations, or their own" })
  @ApiOkResponse({ type: CalendarLinkView })
  calendarLink(@CurrentPrincipal() principal: AuthorizedPrincipal): CalendarLinkView {
    const registrant =
      principal.actingAs === 'startup'
        ? { kind: 'startup' as const, startupId: principal.startupId as string }
        : { kind: 'individual' as const, personId: principal.subject };
    return { path: `/v1/calendars/${this.calendars.links.tokenFor(registrantKeyOf(registrant))}/events.ics` };
  }
}
