import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@technopark/security';
import { KnownSitesService } from './known-sites.service';
import { SitesView } from './kpi.views';

/** Which sites this instance has figures for: its own, or (national) every site it has read an event of. */
@ApiTags('kpis')
@Controller('v1/sites')
export class SitesController {
  constructor(private readonly sites: KnownSitesService) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'The sites whose KPIs this instance serves (a national instance: every site it has read)' })
  @ApiOkResponse({ type: SitesView })
  async list(): Promise<SitesView> {
    return { scope: this.sites.scope, sites: await this.sites.list() };
  }
}
