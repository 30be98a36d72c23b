import { Injectable } from '@nestjs/common';
import { EVENT_KINDS } from '@technopark/contracts';
import { COMMUNITY_KPIS } from './community-kpis';
import type { CountedCell } from './kpi-cell';
import { KpiCellsRepository } from './kpi-cells.repository';
import { quarterOf } from '../reach/quarter';
import type { QuarterReach } from '../reach/quarter-reach';
import { ReachRepository } from '../reach/reach.repository';

export interface CommunityFigures {
  /** Events held in the months of the range (the month each started). */
  readonly eventsHeld: number;
  readonly byKind: { readonly kind: string; readonly held: number }[];
  /** Seats confirmed in the range. */
  readonly registrations: number;
  /** At the events held in the range: checked in ÷ confirmed (null before any), and walk-ins. */
  readonly attendance: {
    readonly confirmed: number;
    readonly checkedIn: number;
    readonly rate: number | null;
    readonly walkIns: number;
  };
  /** Who the events reached in the quarter of the range's last month, and the residents among them. */
  readonly reach: QuarterReach & { readonly residentShare: number | null };
  /** Competitions and hackathons whose results were published in the range, the prizes won and their cash. */
  readonly competitions: {
    readonly judged: number;
    readonly prizesWon: number;
    readonly prizeMoneyMad: number;
  };
}

const sum = (cells: readonly CountedCell[], kpi: string) =>
  cells.filter((cell) => cell.kpi === kpi).reduce((total, cell) => total + cell.value, 0);

/** The community KPIs of a site or of the network, read from the projection's cells. */
@Injectable()
export class CommunityService {
  constructor(
    private readonly cells: KpiCellsRepository,
    private readonly reach: ReachRepository,
  ) {}

  async figures(query: { site?: string; from: string; to: string }): Promise<CommunityFigures> {
    const range = { site: query.site, from: query.from, to: query.to };
    const [totals, kinds, reach] = await Promise.all([
      this.cells.find({ kpis: Object.values(COMMUNITY_KPIS), ...range, dimension: 'all' }),
      Promise.all(
        EVENT_KINDS.map(async (kind) => ({
          kind,
          held: sum(
            await this.cells.find({ kpis: [COMMUNITY_KPIS.eventsHeld], ...range, dimension: `kind:${kind}` }),
            COMMUNITY_KPIS.eventsHeld,
          ),
        })),
      ),
      this.reach.ofQuarter(quarterOf(query.to), query.site),
    ]);
    const confirmed = sum(totals, COMMUNITY_KPIS.confirmedAtHeld);
    const checkedIn = sum(totals, COMMUNITY_KPIS.checkedInAtHeld);
    return {
      eventsHeld: sum(totals, COMMUNITY_KPIS.eventsHeld),
      byKind: kinds.filter((slice) => slice.held > 0).sort((a, b) => b.held - a.held || a.kind.localeCompare(b.kind)),
      registrations: sum(totals, COMMUNITY_KPIS.registrations),
      attendance: {
        confirmed,
        checkedIn,
        rate: confirmed === 0 ? null : Math.round((checkedIn / confirmed) * 1000) / 1000,
        walkIns: sum(totals, COMMUNITY_KPIS.walkInsAtHeld),
      },
      reach: {
        ...reach,
        residentShare:
          reach.residents === 0 ? null : Math.round((reach.residentsReached / reach.residents) * 1000) / 1000,
      },
      competitions: {
        judged: sum(totals, COMMUNITY_KPIS.competitionsJudged),
        prizesWon: sum(totals, COMMUNITY_KPIS.prizesWon),
        prizeMoneyMad: sum(totals, COMMUNITY_KPIS.prizeMoneyMad),
      },
    };
  }
}
