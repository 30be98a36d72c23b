import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@technopark/platform';
import { Roles, SiteFromRoute } from '@technopark/security';
import { funnelFilterOf, KpiQueryDto, rangeOf } from './kpi-query.dto';
import { KpisView } from './kpi.views';
import { KpisService } from './kpis.service';

/** A national instance serves every site's KPIs; staff and committee of a site may read their own site's. */
@ApiTags('kpis')
@Controller('v1/sites/:site/kpis')
export class SiteKpisController {
  constructor(private readonly kpis: KpisService, private readonly clock: Clock) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @SiteFromRoute('site')
  @ApiOperation({ summary: "One site's KPIs (a national instance has every site's; a site instance its own)" })
  @ApiOkResponse({ type: KpisView })
  ofSite(@Param('site') site: string, @Query() query: KpiQueryDto) {
    return this.kpis.all(rangeOf(query, this.clock), funnelFilterOf(query), site);
  }
}
