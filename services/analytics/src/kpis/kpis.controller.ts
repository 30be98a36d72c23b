import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@technopark/platform';
import { Roles } from '@technopark/security';
import { funnelFilterOf, KpiQueryDto, rangeOf } from './kpi-query.dto';
import { KpisService } from './kpis.service';
import { monthsBefore, SeriesService } from './series.service';

@ApiTags('kpis')
@Controller('v1/kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService, private readonly seriesOf: SeriesService, private readonly clock: Clock) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: "The site's KPIs over a range of months: funnel, residents and turnover, occupancy, cohorts, economy" })
  all(@Query() query: KpiQueryDto) {
    return this.kpis.all(this.range(query), funnelFilterOf(query));
  }

  @Get('funnel')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: "The site's application funnel (counts per stage, acceptance rate)" })
  funnel(@Query() query: KpiQueryDto) {
    return this.kpis.funnel.figures({ ...this.range(query), ...funnelFilterOf(query) });
  }

  @Get('residents')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'Residents as of the end of `to`, arrivals and departures in the range, annual turnover' })
  residents(@Query() query: KpiQueryDto) {
    return this.kpis.residents.figures(this.range(query));
  }

  @Get('series')
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'Monthly series (the last 24 months unless from/to say otherwise; at most 240): funnel stages, arrivals, departures, residents at each month end' })
  async series(@Query() query: KpiQueryDto) {
    const to = this.range(query).to;
    const range = { from: query.from ?? monthsBefore(to, 23), to };
    return { range, months: await this.seriesOf.monthly(range) };
  }

  private range(query: KpiQueryDto): { from: string; to: string } {
    return rangeOf(query, this.clock);
  }
}
