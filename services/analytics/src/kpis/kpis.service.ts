import { Injectable } from '@nestjs/common';
import { Clock } from '@technopark/platform';
import { KpiVersionRepository } from './kpi-version.repository';
import { OccupancyRepository } from '../occupancy/occupancy.repository';
import { CohortsService } from './cohorts.service';
import { EconomyService } from './economy.service';
import { CommunityService } from './community.service';
import { FundingService } from './funding.service';
import { FunnelService } from './funnel.service';
import type { KpisView } from './kpi.views';
import { ResidentsService } from './residents.service';

/** Answers kept per KPI change sequence: dashboards on the stream all ask for the same set after each change. */
const RECENT_ANSWERS = 64;

/** Every KPI of a site, read from the materialized projections. */
@Injectable()
export class KpisService {
  private readonly recent = new Map<string, Promise<KpisView>>();

  constructor(
    private readonly versions: KpiVersionRepository,
    private readonly clock: Clock,
    readonly funnel: FunnelService,
    readonly residents: ResidentsService,
    readonly cohorts: CohortsService,
    readonly economy: EconomyService,
    readonly funding: FundingService,
    readonly community: CommunityService,
    private readonly occupancy: OccupancyRepository,
  ) {}

  /** One site's KPIs, or (without `site`) those of every site this instance reads: the network's for a national instance. */
  async all(
    range: { from: string; to: string },
    funnelFilter: { programId?: string; sector?: string },
    site?: string,
  ): Promise<KpisView> {
    // Every change to a figure bumps the sequence, and cohort rates depend on the day: same key, same answer.
    const key = JSON.stringify([await this.versions.current(), this.clock.today(), range, funnelFilter, site ?? null]);
    const known = this.recent.get(key);
    if (known) return known;
    const answer = this.compute(range, funnelFilter, site);
    this.recent.set(key, answer);
    answer.catch(() => this.recent.delete(key));
    if (this.recent.size > RECENT_ANSWERS) this.recent.delete(this.recent.keys().next().value as string);
    return answer;
  }

  private async compute(
    range: { from: string; to: string },
    funnelFilter: { programId?: string; sector?: string },
    site?: string,
  ): Promise<KpisView> {
    const scoped = { ...range, site };
    // Every figure asks for its cells in the same turn, so the repository reads them in one query.
    const residentsFigures = this.residents.figures(scoped);
    const [funnel, residents, cohorts, economy, occupancy, funding, community] = await Promise.all([
      this.funnel.figures({ ...scoped, ...funnelFilter }),
      residentsFigures,
      this.cohorts.figures(scoped),
      this.economy.figures(scoped),
      this.occupancy.latest(site),
      this.funding.figures(
        scoped,
        residentsFigures.then((figures) => figures.residentsNow),
      ),
      this.community.figures(scoped),
    ]);
    return {
      scope: site ?? 'all',
      range,
      funnel,
      residents,
      occupancy: occupancy.map(({ _id, version, figures, asOf }) => ({ site: _id, version, asOf, ...figures })),
      cohorts,
      economy,
      funding,
      community,
    };
  }
}
