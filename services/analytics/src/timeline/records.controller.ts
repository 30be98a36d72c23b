import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { mapPage, PageQuery } from '@technopark/platform';
import { Roles } from '@technopark/security';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { invertedRange } from '../kpis/kpi-query.dto';
import { FUNNEL_STAGES } from '../kpis/funnel-stages';
import { cellId } from '../kpis/kpi-cell';
import { quarterOf } from '../kpis/economy.service';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { monthsFrom } from '../kpis/series.service';
import { StartupSectorsRepository } from '../sectors/startup-sectors.repository';
import { TimelineRepository } from './timeline.repository';
import { RecordPage } from './timeline.views';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The figures that are counts of events, so that a count can be drilled down to its records. */
export const COUNTED_KPIS = [
  ...FUNNEL_STAGES.map((stage) => `funnel.${stage}`),
  'residency.arrivals',
  'residency.departures',
  'cohort.size',
  'cohort.lost-before-success',
  'cohort.lost-before-survival',
  'economy.reports',
  'economy.exporting',
  'economy.foreign-branch',
  'funding.deals',
  'funding.introductions-requested',
  'funding.introductions-accepted',
  'funding.introductions-funded',
  'funding.deals-closed',
];

export class RecordsQuery extends PageQuery {
  @ApiProperty({
    example: 'funnel.accepted',
    enum: COUNTED_KPIS,
    description:
      'A counted KPI: funnel.<stage>, residency.arrivals, residency.departures, cohort.size, cohort.lost-before-success, economy.reports, economy.exporting…',
  })
  @IsIn(COUNTED_KPIS, { message: `kpi must be a counted KPI: ${COUNTED_KPIS.join(', ')}` })
  kpi!: string;

  @ApiProperty({ example: '2026-01' })
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({
    example: 'program:incubation',
    description: 'all (default), program:<id>, sector:<sector>, program:<id>:sector:<sector>, outcome:<outcome>',
  })
  @IsOptional()
  @Matches(/^[a-z0-9:.-]{1,120}$/, {
    message: 'dimension must be all, program:<id>, sector:<sector> or outcome:<outcome>',
  })
  dimension?: string;

  @ApiPropertyOptional({ example: 'rabat', description: "National instance: one site's records" })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'site must be a site id' })
  site?: string;
}

/** `program:incubation:sector:ai` → the program's cell and the sector; `sector:ai` → `all` and the sector. */
function splitSector(dimension: string): { dimension: string; sector?: string } {
  const match = /^(?:(program:[^:]+):)?sector:([a-z0-9-]+)$/.exec(dimension);
  return match ? { dimension: match[1] ?? 'all', sector: match[2] } : { dimension };
}

/** Drill-down: the events a counted figure is made of, so a number on a dashboard can be checked. */
@ApiTags('kpis')
@Controller('v1/kpis/records')
export class RecordsController {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly sectors: StartupSectorsRepository,
    private readonly cells: KpiCellsRepository,
  ) {}

  @Get()
  @Roles('site-staff', 'committee-member')
  @ApiOperation({ summary: 'The records (events) a KPI figure counts over a range of months, a page at a time' })
  @ApiOkResponse({ type: RecordPage })
  async records(@Query() query: RecordsQuery): Promise<RecordPage> {
    if (query.from > query.to) throw invertedRange(query);
    const sites = query.site ? [query.site] : await this.cells.siteIds();
    // Sector cells follow the startups' current profiles: their records are the startups' ones in the cell without the sector.
    const { dimension, sector } = splitSector(query.dimension ?? 'all');
    // Figures from reports are counted per quarter: the quarters the months fall in.
    const months = monthsFrom(query.from, query.to);
    const periods = [...months, ...new Set(months.map(quarterOf))];
    const cells = sites.flatMap((site) => periods.map((period) => cellId(site, query.kpi, period, dimension)));
    const startups = sector ? await this.sectors.startupsIn(sector, sites) : undefined;
    const page = await this.timeline.pageOfCells(cells, startups, query);
    return mapPage(page, ({ _id, site, startupId, type, subject, time, data }) => ({
      eventId: _id,
      site,
      startupId,
      type,
      subject,
      time,
      data,
    }));
  }
}
