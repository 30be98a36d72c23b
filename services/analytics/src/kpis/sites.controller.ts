import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@technopark/security';
import { KnownSitesService } from './known-sites.service';
import { KpiVersionRepository } from './kpi-version.repository';
import { SitesView } from './kpi.views';

/** Which sites this instance has figures for: its own, or (national) every site it has read an event of. */
@ApiTags('kpis')
@Controller('v1/sites')
export class SitesController {
  constructor(
    private readonly sites: KnownSitesService,
    private readonly versions: KpiVersionRepository,
  ) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({
    summary:
      "The sites whose KPIs this instance serves (a national instance: every site it has read), and each one's freshness",
  })
  @ApiOkResponse({ type: SitesView })
  async list(): Promise<SitesView> {
    const [sites, freshness] = await Promise.all([this.sites.list(), this.versions.freshness()]);
    return {
      scope: this.sites.scope,
      sites,
      freshness: sites.flatMap((site) => {
        const known = freshness[site];
        return known
          ? [{ site, lastEventAt: known.lastEventAt.toISOString(), lastReadAt: known.lastReadAt.toISOString() }]
          : [];
      }),
    };
  }
}
