import { DECISION_DAYS_KPI, dayHistogramIncrements } from '../../kpis/day-histogram';
import type { CellIncrement } from '../../kpis/kpi-cell';

/** Whole days from submission to decision, in the decision's month (all programs, and the program). */
export function decisionTimeIncrements(
  site: string,
  decidedAt: string,
  submittedAt: string,
  programId: string,
): CellIncrement[] {
  return dayHistogramIncrements(DECISION_DAYS_KPI, site, submittedAt, decidedAt, [`program:${programId}`]);
}
