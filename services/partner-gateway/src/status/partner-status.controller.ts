import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { loadBrowserPage } from '@technopark/platform';
import { assertOwnPartner, type AuthorizedPrincipal, CurrentPrincipal, Public, Roles } from '@technopark/security';
import { join } from 'node:path';
import { PartnerStatusView } from './partner-status.view';
import { PartnerStatusService } from './partner-status.service';

@ApiTags('partners')
@Controller()
export class PartnerStatusController {
  private readonly page = loadBrowserPage({
    name: 'status',
    directory: __dirname,
    sources: join(__dirname, 'browser'),
  });

  constructor(private readonly status: PartnerStatusService) {}

  @Get('v1/partners/:partnerId/status')
  @Roles('platform-admin', 'partner')
  @ApiOperation({ summary: "A partner's health: each subscription's state, lag, dead letters, failures and latency" })
  @ApiOkResponse({ type: PartnerStatusView })
  @ApiNotFoundResponse({ description: 'PARTNER.NOT_FOUND' })
  statusOf(
    @Param('partnerId') partnerId: string,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<PartnerStatusView> {
    assertOwnPartner(principal, partnerId);
    return this.status.statusOf(partnerId);
  }

  /** The page is public; the figures it shows need a token, sent by its script. */
  @Get('status')
  @Public()
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  statusPage(): string {
    return this.page.html;
  }

  @Get('status/app.js')
  @Public()
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  statusScript(): string {
    return this.page.script;
  }
}
