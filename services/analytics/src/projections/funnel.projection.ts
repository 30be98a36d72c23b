/** The funnel stages counted per site, program and month (by event time). */
export const FUNNEL_STAGES = ['submitted', 'in-review', 'accepted', 'rejected', 'waitlisted', 'withdrawn'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const STAGE_OF_TYPE: Record<string, FunnelStage> = {
  'ma.technopark.application.submitted.v1': 'submitted',
  'ma.technopark.application.review-started.v1': 'in-review',
  'ma.technopark.application.accepted.v1': 'accepted',
  'ma.technopark.application.rejected.v1': 'rejected',
  'ma.technopark.application.waitlisted.v1': 'waitlisted',
  'ma.technopark.application.withdrawn.v1': 'withdrawn',
};

/** One counter a fact adds to: a KPI, in a site, for a month, split by one dimension (`all` for the total). */
export interface CellIncrement {
  readonly kpi: string;
  readonly site: string;
  /** `YYYY-MM` of the event time. */
  readonly period: string;
  readonly dimension: string;
  readonly by: number;
}

/** The funnel counters an application event adds to: the stage, in total and for its program. */
export function funnelIncrements(type: string, site: string, time: string, data: { programId?: string }): CellIncrement[] {
  const stage = STAGE_OF_TYPE[type];
  if (!stage) return [];
  const period = time.slice(0, 7);
  const kpi = `funnel.${stage}`;
  return [
    { kpi, site, period, dimension: 'all', by: 1 },
    ...(data.programId ? [{ kpi, site, period, dimension: `program:${data.programId}`, by: 1 }] : []),
  ];
}
