import { IsInt, IsISO8601, IsNumber, Matches, Min } from 'class-validator';
import { Nullable } from '../lib/validators';
import { defineEvent } from '../lib/event-contract';

/**
 * A KPI's new value, for external dashboards. The topic is compacted and keyed by `<scope>:<kpi>`,
 * so a consumer reading it from the beginning gets the latest value of every KPI.
 */
export class KpiUpdatedV1 {
  /** A site id, or `national` for the network's figures. */
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  scope!: string;

  /** e.g. `funnel.acceptance-rate`, `residents.now`, `economy.jobs`. */
  @Matches(/^[a-z][a-z0-9.-]{1,99}$/)
  kpi!: string;

  /** null when the figure cannot be computed yet (a rate with nothing to divide by). */
  @Nullable()
  @IsNumber()
  value!: number | null;

  /** The KPI change sequence of the instance that computed it. */
  @IsInt()
  @Min(1)
  sequence!: number;

  @IsISO8601()
  asOf!: string;
}

export const KpiUpdated = defineEvent<KpiUpdatedV1>({
  type: 'ma.technopark.kpi.updated.v1',
  stream: 'kpis',
  producer: 'analytics',
  aggregate: 'kpi',
  payload: KpiUpdatedV1,
  subjectOf: (event) => `${event.scope}:${event.kpi}`,
  description:
    "A KPI's new value; the topic is compacted, keyed by scope and KPI, so it always holds every KPI's latest value.",
  example: {
    scope: 'essaouira',
    kpi: 'funnel.acceptance-rate',
    value: 0.42,
    sequence: 118,
    asOf: '2026-11-22T10:00:00.000Z',
  },
  compacted: true,
});
