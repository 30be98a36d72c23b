import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, findPage, PageQuery } from '@technopark/platform';
import { Roles } from '@technopark/security';
import { IsOptional, Matches } from 'class-validator';
import type { Model } from 'mongoose';
import { cellId } from '../kpis/kpi-cell.schema';
import { monthsFrom } from '../kpis/series.service';
import { TimelineEntry } from './timeline-entry.schema';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class RecordsQuery extends PageQuery {
  @ApiProperty({ example: 'funnel.accepted', description: 'A counted KPI: funnel.<stage>, residency.arrivals, residency.departures, cohort.size, cohort.lost-before-success…' })
  @Matches(/^[a-z][a-z0-9.-]{1,99}$/, { message: 'kpi must be a KPI name such as funnel.accepted' })
  kpi!: string;

  @ApiProperty({ example: '2026-01' })
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({ example: 'program:incubation', description: 'all (default), program:<id>, outcome:<outcome>' })
  @IsOptional()
  @Matches(/^[a-z0-9:.-]{1,120}$/, { message: 'dimension must be all, program:<id> or outcome:<outcome>' })
  dimension?: string;

  @ApiPropertyOptional({ example: 'rabat', description: "National instance: one site's records" })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'site must be a site id' })
  site?: string;
}

/** Drill-down: the events a counted figure is made of, so a number on a dashboard can be checked. */
@ApiTags('kpis')
@Controller('v1/kpis/records')
export class RecordsController {
  constructor(@InjectModel(TimelineEntry.name) private readonly timeline: Model<TimelineEntry>, private readonly clock: Clock) {}

  @Get()
  @Roles('site-staff', 'committee-member')
  @ApiOperation({ summary: 'The records (events) a KPI figure counts over a range of months, a page at a time' })
  async records(@Query() query: RecordsQuery) {
    const sites = query.site ? [query.site] : await this.timeline.distinct('site');
    const cells = sites.flatMap((site) => monthsFrom(query.from, query.to).map((month) => cellId(site, query.kpi, month, query.dimension ?? 'all')));
    const page = await findPage(this.timeline, { cells: { $in: cells } }, { limit: query.limit, cursor: query.cursor, sortField: 'time', direction: 1 });
    return { items: page.items.map(({ _id, site, startupId, type, subject, time, data }) => ({ eventId: _id, site, startupId, type, subject, time, data })), nextCursor: page.nextCursor };
  }
}
