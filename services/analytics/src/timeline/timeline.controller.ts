import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mapPage, PageQuery } from '@technopark/platform';
import { assertOwnStartup, type AuthorizedPrincipal, CurrentPrincipal, Roles } from '@technopark/security';
import { TimelineRepository } from './timeline.repository';
import { payloadFor } from './startup-view-policy';
import { TimelinePage } from './timeline.views';

@ApiTags('timeline')
@Controller('v1/startups')
export class TimelineController {
  constructor(private readonly timeline: TimelineRepository) {}

  @Get(':startupId/timeline')
  @Roles('site-staff', 'committee-member', 'startup')
  @ApiOperation({
    summary:
      "A startup's life across every service, in event time: applied, scored, accepted, allocated, moved in, reported, ended… A startup token sees no committee marks and no staff or member ids.",
  })
  @ApiOkResponse({ type: TimelinePage })
  async startupTimeline(
    @Param('startupId') startupId: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<TimelinePage> {
    assertOwnStartup(principal, startupId);
    const page = await this.timeline.pageOfStartup(startupId, query);
    return mapPage(page, ({ _id, site, type, subject, time, data }) => ({
      eventId: _id,
      site,
      type,
      subject,
      time,
      data: payloadFor(principal.actingAs, type, data),
    }));
  }
}
