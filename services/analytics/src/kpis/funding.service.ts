import { Injectable } from '@nestjs/common';
import { INSTRUMENTS, SECTORS } from '@technopark/contracts';
import { quantileOfHistogram } from './day-histogram';
import { quarterOf } from './economy.service';
import { FUNDING_KPIS } from './funding-kpis';
import type { CountedCell } from './kpi-cell';
import { KpiCellsRepository } from './kpi-cells.repository';

/** Money raised in one slice (a sector, an instrument, a cohort, a quarter), with the deals behind it. */
export interface RaisedSlice {
  readonly key: string;
  readonly raisedMad: number;
  readonly deals: number;
}

export interface FundingFigures {
  /** Raised in the months of the range (the month each deal closed). */
  readonly raisedMad: number;
  readonly deals: number;
  readonly bySector: RaisedSlice[];
  readonly byInstrument: RaisedSlice[];
  readonly byQuarter: RaisedSlice[];
  /** Everything each cohort (the month its residencies started, up to the end of the range) raised, whenever it raised it. */
  readonly byCohort: RaisedSlice[];
  /** Introductions requested, accepted and funded in the range, and the rates between them (null before any). */
  readonly introductions: {
    readonly requested: number;
    readonly accepted: number;
    readonly funded: number;
    readonly acceptanceRate: number | null;
    readonly fundedRate: number | null;
  };
  /** Whole days from an introduction's request to its money, for raises in the range. */
  readonly daysToFunding: { readonly median: number | null; readonly raises: number };
  /** Residents that had a qualified match while in residency, and their share of the residents now. */
  readonly matchedResidents: number;
  readonly matchedResidentShare: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const sum = (cells: readonly CountedCell[], kpi: string) =>
  cells.filter((cell) => cell.kpi === kpi).reduce((total, cell) => total + cell.value, 0);
const mad = (amount: number) => Math.round(amount * 100) / 100;

/** The funding KPIs of a site or of the network, read from the projection's cells. */
@Injectable()
export class FundingService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(
    query: { site?: string; from: string; to: string },
    residentsNowAnswer: PromiseLike<number>,
  ): Promise<FundingFigures> {
    const range = { site: query.site, from: query.from, to: query.to };
    const money = [FUNDING_KPIS.raisedMad, FUNDING_KPIS.deals];
    const [total, bySector, byInstrument, cohorts, flow, histogram, matched] = await Promise.all([
      this.cells.find({ kpis: money, ...range, dimension: 'all' }),
      this.slices(
        SECTORS.map((sector) => `sector:${sector}`),
        range,
      ),
      this.slices(
        INSTRUMENTS.map((instrument) => `instrument:${instrument}`),
        range,
      ),
      this.cells.find({
        kpis: [FUNDING_KPIS.cohortRaisedMad, FUNDING_KPIS.cohortDeals],
        site: query.site,
        from: '0000-01',
        to: query.to,
        dimension: 'all',
      }),
      this.cells.find({
        kpis: [
          FUNDING_KPIS.introductionsRequested,
          FUNDING_KPIS.introductionsAccepted,
          FUNDING_KPIS.introductionsFunded,
        ],
        ...range,
        dimension: 'all',
      }),
      this.cells.findByDimensionPrefix({ kpi: FUNDING_KPIS.daysToFunding, ...range, prefix: 'days:' }),
      this.cells.find({
        kpis: [FUNDING_KPIS.matchedResidents],
        site: query.site,
        from: 'latest',
        to: 'latest',
        dimension: 'all',
      }),
    ]);
    const requested = sum(flow, FUNDING_KPIS.introductionsRequested);
    const accepted = sum(flow, FUNDING_KPIS.introductionsAccepted);
    const funded = sum(flow, FUNDING_KPIS.introductionsFunded);
    const days = new Map<number, number>();
    for (const cell of histogram)
      days.set(
        Number(cell.dimension.slice('days:'.length)),
        (days.get(Number(cell.dimension.slice('days:'.length))) ?? 0) + cell.value,
      );
    const matchedResidents = sum(matched, FUNDING_KPIS.matchedResidents);
    const residentsNow = await residentsNowAnswer;
    return {
      raisedMad: mad(sum(total, FUNDING_KPIS.raisedMad)),
      deals: sum(total, FUNDING_KPIS.deals),
      bySector,
      byInstrument,
      byQuarter: grouped(total, (cell) => quarterOf(cell.period), FUNDING_KPIS.raisedMad, FUNDING_KPIS.deals),
      byCohort: grouped(cohorts, (cell) => cell.period, FUNDING_KPIS.cohortRaisedMad, FUNDING_KPIS.cohortDeals),
      introductions: {
        requested,
        accepted,
        funded,
        acceptanceRate: rate(accepted, requested),
        fundedRate: rate(funded, requested),
      },
      daysToFunding: {
        median: quantileOfHistogram(days, 0.5),
        raises: [...days.values()].reduce((all, count) => all + count, 0),
      },
      matchedResidents,
      matchedResidentShare: residentsNow === 0 ? null : rate(Math.min(matchedResidents, residentsNow), residentsNow),
    };
  }

  /** One slice per dimension with money in the range, largest first. */
  private async slices(
    dimensions: readonly string[],
    range: { site?: string; from: string; to: string },
  ): Promise<RaisedSlice[]> {
    const found = await Promise.all(
      dimensions.map(async (dimension) => {
        const cells = await this.cells.find({
          kpis: [FUNDING_KPIS.raisedMad, FUNDING_KPIS.deals],
          ...range,
          dimension,
        });
        return {
          key: dimension.slice(dimension.indexOf(':') + 1),
          raisedMad: mad(sum(cells, FUNDING_KPIS.raisedMad)),
          deals: sum(cells, FUNDING_KPIS.deals),
        };
      }),
    );
    return found
      .filter((slice) => slice.deals > 0)
      .sort((a, b) => b.raisedMad - a.raisedMad || a.key.localeCompare(b.key));
  }
}

function grouped(
  cells: readonly CountedCell[],
  keyOf: (cell: CountedCell) => string,
  amountKpi: string,
  countKpi: string,
): RaisedSlice[] {
  const slices = new Map<string, { raisedMad: number; deals: number }>();
  for (const cell of cells) {
    const slice = slices.get(keyOf(cell)) ?? { raisedMad: 0, deals: 0 };
    if (cell.kpi === amountKpi) slice.raisedMad += cell.value;
    if (cell.kpi === countKpi) slice.deals += cell.value;
    slices.set(keyOf(cell), slice);
  }
  return [...slices]
    .map(([key, slice]) => ({ key, raisedMad: mad(slice.raisedMad), deals: slice.deals }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
