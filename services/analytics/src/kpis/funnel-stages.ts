/** The funnel stages counted per site, program and month (by event time), as `funnel.<stage>`. */
export const FUNNEL_STAGES = ['submitted', 'in-review', 'accepted', 'rejected', 'waitlisted', 'withdrawn'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
