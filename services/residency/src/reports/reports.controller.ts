import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ActorV1 } from '@technopark/contracts';
import { mapPage, PageQuery } from '@technopark/platform';
import {
  assertOwnStartup,
  type AuthorizedPrincipal,
  CurrentActor,
  CurrentPrincipal,
  Roles,
} from '@technopark/security';
import { ResidencyWorkflowService } from '../residencies/residency-workflow.service';
import { ReportListQuery, SubmitReportDto } from './dto/report.dto';
import { ReportPage, ReportView, reportView } from './report.view';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('v1')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly residencies: ResidencyWorkflowService,
  ) {}

  @Post('residencies/:residencyId/reports')
  @HttpCode(201)
  @Roles('startup', 'site-staff')
  @ApiOperation({
    summary: "A resident's (or alumnus') figures for a quarter: headcount, revenue in MAD, exports, foreign branch",
  })
  @ApiCreatedResponse({ type: ReportView })
  @ApiConflictResponse({ description: 'REPORT.EXISTS, REPORT.NOT_A_RESIDENT' })
  @ApiUnprocessableEntityResponse({ description: 'REPORT.PERIOD_IN_FUTURE' })
  async submit(
    @Param('residencyId') id: string,
    @Body() body: SubmitReportDto,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
    @CurrentActor() actor: ActorV1,
  ): Promise<ReportView> {
    const residency = await this.residencies.get(id);
    assertOwnStartup(principal, residency.startupId);
    return reportView(await this.reports.submit(residency, body, actor));
  }

  @Get('residencies/:residencyId/reports')
  @Roles('startup', 'site-staff', 'committee-member')
  @ApiOperation({ summary: "One residency's reports, latest quarter first" })
  @ApiOkResponse({ type: ReportPage })
  async ofResidency(
    @Param('residencyId') id: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() principal: AuthorizedPrincipal,
  ): Promise<ReportPage> {
    assertOwnStartup(principal, (await this.residencies.get(id)).startupId);
    return mapPage(await this.reports.list({ residencyId: id }, query), reportView);
  }

  @Get('reports')
  @Roles('site-staff', 'committee-member')
  @ApiOperation({ summary: "The site's reports, latest quarter first, optionally of one quarter" })
  @ApiOkResponse({ type: ReportPage })
  async list(@Query() query: ReportListQuery): Promise<ReportPage> {
    return mapPage(await this.reports.list(query.period ? { period: query.period } : {}, query), reportView);
  }
}
