import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@technopark/platform';
import { Roles, SiteFromRoute } from '@technopark/security';
import { funnelFilterOf, KpiQueryDto, rangeOf } from './kpi-query.dto';
import { KpisView } from './kpi.views';
import { KnownSitesService } from './known-sites.service';
import { KpisService } from './kpis.service';
import { SiteParam } from './site-param.dto';

/** A national instance serves every site's KPIs; staff and committee of a site may read their own site's. */
@ApiTags('kpis')
@Controller('v1/sites/:site/kpis')
export class SiteKpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly sites: KnownSitesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @SiteFromRoute('site')
  @ApiOperation({ summary: "One site's KPIs (a national instance has every site's; a site instance its own)" })
  @ApiOkResponse({ type: KpisView })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: a malformed site or month; KPI.INVERTED_RANGE' })
  @ApiNotFoundResponse({ description: 'KPI.UNKNOWN_SITE: this instance has no figures for the site' })
  async ofSite(@Param() { site }: SiteParam, @Query() query: KpiQueryDto) {
    const range = rangeOf(query, this.clock);
    await this.sites.assertKnown(site);
    return this.kpis.all(range, funnelFilterOf(query), site);
  }
}
