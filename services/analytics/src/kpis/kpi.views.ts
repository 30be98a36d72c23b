import { ApiProperty } from '@nestjs/swagger';
import { CommunityView } from './community.views';
import { FundingView } from './funding.views';

/** What the KPI endpoints answer, for the OpenAPI document (the services build plain objects of these shapes). */
export class FunnelCountsView {
  @ApiProperty({ example: 120 }) submitted!: number;
  @ApiProperty({ example: 30, name: 'in-review' }) 'in-review'!: number;
  @ApiProperty({ example: 40 }) accepted!: number;
  @ApiProperty({ example: 35 }) rejected!: number;
  @ApiProperty({ example: 5 }) waitlisted!: number;
  @ApiProperty({ example: 3 }) withdrawn!: number;
}

export class DaysView {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 21,
    description: 'Median whole days; null with no decision in the range',
  })
  median!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 45, description: '90th percentile' })
  p90!: number | null;

  @ApiProperty({ example: 75, description: 'Decisions measured' })
  decisions!: number;
}

export class FunnelView {
  @ApiProperty({ type: FunnelCountsView, description: 'Events per stage in the range, by event month' })
  counts!: FunnelCountsView;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.533,
    description: 'accepted / (accepted + rejected); null before any decision',
  })
  acceptanceRate!: number | null;

  @ApiProperty({ type: DaysView, description: 'Days from submission to decision (accepted, rejected or waitlisted)' })
  daysToDecision!: DaysView;
}

export class WaitlistDaysView {
  @ApiProperty({ type: Number, nullable: true, example: 34 }) median!: number | null;
  @ApiProperty({ example: 6, description: 'Allocations from the waitlist in the range' }) allocations!: number;
}

export class ResidentsView {
  @ApiProperty({ example: 38, description: 'Moved in and not ended, as of the end of `to`' }) residentsNow!: number;
  @ApiProperty({ example: 12 }) arrivals!: number;
  @ApiProperty({ example: 9 }) departures!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.27,
    description: 'Departures in the 12 months up to `to` over the average residents at those month ends',
  })
  annualTurnoverRate!: number | null;

  @ApiProperty({ type: WaitlistDaysView, description: 'Days from joining the waitlist to an allocation' })
  waitlistDays!: WaitlistDaysView;
}

export class UsageView {
  @ApiProperty({ example: 18 }) used!: number;
  @ApiProperty({ example: 20 }) total!: number;
}

export class SiteOccupancyView {
  @ApiProperty({ example: 'casablanca' }) site!: string;
  @ApiProperty({ example: 42, description: "The residency service's occupancy version" }) version!: number;
  @ApiProperty({ example: '2026-11-20T10:00:00.000Z' }) asOf!: string;
  @ApiProperty({ type: UsageView }) offices!: UsageView;
  @ApiProperty({ type: UsageView }) coworkingPositions!: UsageView;
  @ApiProperty({ type: UsageView }) areaM2!: UsageView;
  @ApiProperty({ example: 38 }) residents!: number;
  @ApiProperty({ example: 2 }) awaitingMoveIn!: number;
  @ApiProperty({ example: 4 }) waitlist!: number;
}

export class CohortView {
  @ApiProperty({ example: '2024-03', description: 'Residency start month' }) cohort!: string;
  @ApiProperty({ example: 7, description: 'Startups that moved in that month: read small cohorts with care' })
  size!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.857,
    description: 'Share still active or graduated 18 months after start; null until every member reached the mark',
  })
  successRate!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Share still active or graduated 5 years after start; null until then',
  })
  survivalRate!: number | null;
}

export class SiteJobsView {
  @ApiProperty({ example: 'casablanca' }) site!: string;
  @ApiProperty({ example: 412 }) jobs!: number;
}

export class EconomyView {
  @ApiProperty({
    example: 412,
    description: "Sum of every startup's latest reported headcount, residents and alumni, as of the end of `to`",
  })
  jobs!: number;
  @ApiProperty({ type: [SiteJobsView], description: 'Jobs per site' }) jobsBySite!: SiteJobsView[];
  @ApiProperty({ example: 18500000, description: 'Revenue reported for the quarters of the range, MAD' })
  revenueMad!: number;
  @ApiProperty({ example: 60 }) reports!: number;
  @ApiProperty({ example: 14, description: 'Reports saying the startup exports' }) exportingReports!: number;
  @ApiProperty({ example: 3, description: 'Reports saying the startup has a foreign branch' })
  foreignBranchReports!: number;
}

export class RangeView {
  @ApiProperty({ example: '2026-01' }) from!: string;
  @ApiProperty({ example: '2026-11' }) to!: string;
}

export class KpisView {
  @ApiProperty({ example: 'all', description: 'A site id, or `all`: every site this instance reads' }) scope!: string;
  @ApiProperty({ type: RangeView }) range!: RangeView;
  @ApiProperty({ type: FunnelView }) funnel!: FunnelView;
  @ApiProperty({ type: ResidentsView }) residents!: ResidentsView;
  @ApiProperty({ type: [SiteOccupancyView], description: "Each site's latest occupancy" })
  occupancy!: SiteOccupancyView[];
  @ApiProperty({ type: [CohortView] }) cohorts!: CohortView[];
  @ApiProperty({ type: EconomyView }) economy!: EconomyView;
  @ApiProperty({ type: FundingView }) funding!: FundingView;
  @ApiProperty({ type: CommunityView }) community!: CommunityView;
}

export class MonthView extends FunnelCountsView {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ example: 2 }) arrivals!: number;
  @ApiProperty({ example: 1 }) departures!: number;
  @ApiProperty({ example: 37, description: 'Residents at the month end' }) residents!: number;
}

export class SeriesView {
  @ApiProperty({ type: RangeView }) range!: RangeView;
  @ApiProperty({ type: [MonthView] }) months!: MonthView[];
}

export class SiteFreshnessView {
  @ApiProperty({ example: 'rabat' }) site!: string;
  @ApiProperty({ description: "The time of the newest event read from the site (the event's own `time`)" })
  lastEventAt!: string;
  @ApiProperty({ description: 'When this instance read it' }) lastReadAt!: string;
}

export class SitesView {
  @ApiProperty({ enum: ['site', 'national'] }) scope!: 'site' | 'national';
  @ApiProperty({ type: [String], example: ['agadir', 'casablanca', 'rabat'] }) sites!: string[];
  @ApiProperty({
    type: [SiteFreshnessView],
    description:
      "How fresh each site's figures are. At HQ a site whose link or broker is down keeps its last figures, and its `lastEventAt` stops moving.",
  })
  freshness!: SiteFreshnessView[];
}
