import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Clock } from '@technopark/platform';
import { Roles } from '@technopark/security';
import { funnelFilterOf, KpiQueryDto, rangeOf } from './kpi-query.dto';
import { CommunityView } from './community.views';
import { FundingView } from './funding.views';
import { FunnelView, KpisView, ResidentsView, SeriesView } from './kpi.views';
import { KpisService } from './kpis.service';
import { monthsBefore, SeriesService } from './series.service';

@ApiTags('kpis')
@Controller('v1/kpis')
export class KpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly seriesOf: SeriesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({
    summary: "The site's KPIs over a range of months: funnel, residents and turnover, occupancy, cohorts, economy",
  })
  @ApiOkResponse({ type: KpisView })
  all(@Query() query: KpiQueryDto) {
    return this.kpis.all(this.range(query), funnelFilterOf(query));
  }

  @Get('funnel')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: "The site's application funnel (counts per stage, acceptance rate)" })
  @ApiOkResponse({ type: FunnelView })
  funnel(@Query() query: KpiQueryDto): Promise<FunnelView> {
    return this.kpis.funnel.figures({ ...this.range(query), ...funnelFilterOf(query) });
  }

  @Get('residents')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'Residents as of the end of `to`, arrivals and departures in the range, annual turnover' })
  @ApiOkResponse({ type: ResidentsView })
  residents(@Query() query: KpiQueryDto): Promise<ResidentsView> {
    return this.kpis.residents.figures(this.range(query));
  }

  @Get('funding')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({
    summary:
      'Money raised (per sector, instrument, quarter and cohort), introduction conversion, days to funding, residents with a qualified match',
  })
  @ApiOkResponse({ type: FundingView })
  async funding(@Query() query: KpiQueryDto): Promise<FundingView> {
    const range = this.range(query);
    const residentsNow = this.kpis.residents.figures(range).then((figures) => figures.residentsNow);
    return this.kpis.funding.figures(range, residentsNow);
  }

  @Get('community')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'Events held per kind, seats confirmed, and the attendance rate at the events held' })
  @ApiOkResponse({ type: CommunityView })
  community(@Query() query: KpiQueryDto): Promise<CommunityView> {
    return this.kpis.community.figures(this.range(query));
  }

  @Get('series')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({
    summary:
      'Monthly series (the last 24 months unless from/to say otherwise; at most 240): funnel stages, arrivals, departures, residents at each month end',
  })
  @ApiOkResponse({ type: SeriesView })
  @ApiUnprocessableEntityResponse({ description: 'KPI.SERIES_TOO_LONG: more than 240 months' })
  async series(@Query() query: KpiQueryDto): Promise<SeriesView> {
    const to = this.range(query).to;
    const range = { from: query.from ?? monthsBefore(to, 23), to };
    return { range, months: await this.seriesOf.monthly(range) };
  }

  private range(query: KpiQueryDto): { from: string; to: string } {
    return rangeOf(query, this.clock);
  }
}
