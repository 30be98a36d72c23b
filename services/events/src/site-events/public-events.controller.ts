import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mapPage } from '@technopark/platform';
import { Public } from '@technopark/security';
import { PublicEventsQuery } from './dto/event-queries.dto';
import { PublicEventPage, PublicEventView, publicEventView } from './site-event.view';
import { SiteEventsService } from './site-events.service';

/** The site's programme as anyone sees it, without a token: published, postponed and held events. */
@ApiTags('public events')
@Controller('v1/public/events')
export class PublicEventsController {
  constructor(private readonly events: SiteEventsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The site's published events, by start (no token needed)" })
  @ApiOkResponse({ type: PublicEventPage })
  async list(@Query() query: PublicEventsQuery): Promise<PublicEventPage> {
    return mapPage(await this.events.listPublic(query), publicEventView);
  }

  @Get(':eventId')
  @Public()
  @ApiOkResponse({ type: PublicEventView })
  @ApiNotFoundResponse({ description: 'EVENT.NOT_FOUND' })
  async get(@Param('eventId') id: string): Promise<PublicEventView> {
    return publicEventView(await this.events.getPublic(id));
  }
}
