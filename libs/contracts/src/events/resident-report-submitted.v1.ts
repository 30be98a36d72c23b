import { IsDecimal } from '../lib/validators';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { EXAMPLE_RESIDENCY, ResidencyReferenceV1 } from './residency-events.v1';

/** A calendar quarter, e.g. `2026-Q3`. */
export const REPORT_PERIOD = /^(19|20)\d{2}-Q[1-4]$/;

/** A resident's (or alumnus') figures for one quarter: the source of the jobs, revenue and export KPIs. */
export class ResidentReportSubmittedV1 extends ResidencyReferenceV1 {
  @Matches(REPORT_PERIOD, { message: 'period must be a calendar quarter such as 2026-Q3' })
  period!: string;

  /** People working for the startup at the end of the period, founders included. */
  @IsInt()
  @Min(0)
  @Max(100_000)
  headcount!: number;

  /** Revenue of the period in Moroccan dirhams. */
  @IsDecimal(2)
  @Min(0)
  revenueMad!: number;

  @IsBoolean()
  exporting!: boolean;

  @IsBoolean()
  foreignBranch!: boolean;
}

export const ResidentReportSubmitted = defineEvent<ResidentReportSubmittedV1>({
  type: 'ma.technopark.resident.report-submitted.v1',
  stream: 'resident-reports',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidentReportSubmittedV1,
  subjectOf: (event) => event.residencyId,
  description:
    "A resident's figures for a quarter: headcount, revenue (MAD), whether it exports and has a foreign branch.",
  example: {
    ...EXAMPLE_RESIDENCY,
    actor: { id: 'user-7f3a', role: 'startup' },
    period: '2026-Q3',
    headcount: 7,
    revenueMad: 420000,
    exporting: true,
    foreignBranch: false,
  },
});
