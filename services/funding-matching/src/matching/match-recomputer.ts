import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { FundingMatchingEnvironment } from '../config/funding-matching.environment';
import { criteriaOf } from '../funders/funder-criteria';
import { FundersRepository } from '../funders/funders.repository';
import type { Funder } from '../funders/schemas/funder.schema';
import { startupFactsOf } from '../profiles/profile-facts';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { evaluateMatch, revenueBandOf } from './domain/match-evaluation';
import { MatchesRepository } from './matches.repository';
import { type RowChange, RowEditor } from './row-editor';
import { WeightsRepository } from './weights.repository';

const ATTEMPTS = 3;
/** How often a long pass logs its progress. */
const PROGRESS_EVERY_MS = 10_000;

/** What one recomputation did. */
export interface RecomputeReport {
  /** Pairs evaluated. */
  readonly computed: number;
  /** Pairs whose stored line changed. */
  readonly written: number;
  /** Pairs that crossed into qualified. */
  readonly qualifiedNow: number;
}

/** Which pairs of a row a recomputation evaluates: all of them (funders gone are dropped), or some funders' columns. */
type Scope = { readonly funders: readonly Funder[]; readonly wholeRow: boolean };

/**
 * Computes exactly the matches a change affects and stores them, row by row (see MatchRow): a
 * startup's row after its profile changed; the columns of every funder whose criteria or window
 * changed, together in one pass over the rows; every pair after new weights. Unchanged pairs are
 * skipped; a row written by someone else meanwhile is computed again from fresh reads. Reads never
 * compute: they are served from what this stores.
 */
@Injectable()
export class MatchRecomputer {
  private readonly logger = new Logger('match-recomputer');
  private readonly site: string;
  private readonly batchPairs: number;

  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly funders: FundersRepository,
    private readonly matches: MatchesRepository,
    private readonly weights: WeightsRepository,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: FundingMatchingEnvironment,
  ) {
    this.site = environment.SITE_ID;
    this.batchPairs = environment.MATCH_BATCH_PAIRS;
  }

  /** A startup's row: its matches with every funder of the site. */
  async forStartup(startupId: string): Promise<RecomputeReport> {
    return this.forStartups([startupId]);
  }

  /** Whole rows (a recheck day reached). */
  async forStartups(startupIds: readonly string[]): Promise<RecomputeReport> {
    return this.overRows(startupIds, { funders: await this.funders.all(), wholeRow: true });
  }

  /**
   * The columns of every funder marked stale, `funderId`'s among them, in one pass over the rows:
   * funders registered in a burst cost one pass, not one each. Each is marked computed for the
   * version it was computed from, so one changed meanwhile stays stale and is computed again.
   */
  async forFunder(funderId: string): Promise<RecomputeReport> {
    const stale = (await this.funders.all()).filter((funder) => funder.matchesStale);
    if (stale.length === 0) return { computed: 0, written: 0, qualifiedNow: 0 };
    const report = await this.overRows(await this.profiles.registeredIds(), { funders: stale, wholeRow: false });
    for (const funder of stale) await this.funders.markMatched(funder._id, funder.version);
    this.logger.log({ msg: 'columns computed', funders: stale.length, queuedFor: funderId, ...report });
    return report;
  }

  /** Every pair of the site, after new weights. */
  async everything(): Promise<RecomputeReport> {
    const weights = await this.weights.current();
    const funders = await this.funders.all();
    const report = await this.overRows(await this.profiles.registeredIds(), { funders, wholeRow: true });
    for (const funder of funders) await this.funders.markMatched(funder._id, funder.version);
    await this.weights.markMatched(weights.version);
    return report;
  }

  /** The scope's pairs of each startup, a batch of rows at a time, with progress in the log on long passes. */
  private async overRows(startupIds: readonly string[], scope: Scope): Promise<RecomputeReport> {
    const total = { computed: 0, written: 0, qualifiedNow: 0 };
    if (startupIds.length <= 1) return this.retrying(startupIds, scope);
    // A row read holds every pair of its startup, whatever the scope.
    const pairsPerRow = Math.max(1, await this.funders.count(), scope.funders.length);
    const batchSize = Math.max(1, Math.floor(this.batchPairs / pairsPerRow));
    let logged = Date.now();
    for (let start = 0; start < startupIds.length; start += batchSize) {
      addTo(total, await this.retrying(startupIds.slice(start, start + batchSize), scope));
      const done = start + batchSize >= startupIds.length;
      if (startupIds.length > batchSize && (done || Date.now() - logged >= PROGRESS_EVERY_MS)) {
        logged = Date.now();
        this.logger.log({
          msg: 'recomputing matches',
          rows: `${Math.min(start + batchSize, startupIds.length)}/${startupIds.length}`,
          funders: scope.funders.length,
          ...total,
        });
      }
    }
    return total;
  }

  /** Computes the rows and writes them; rows written by someone else meanwhile are computed again. */
  private async retrying(startupIds: readonly string[], scope: Scope): Promise<RecomputeReport> {
    const total = { computed: 0, written: 0, qualifiedNow: 0 };
    let pending = startupIds;
    // Copies an attempt wrote for rows another writer got to first: the next attempt puts them right.
    let copied = new Map<string, string[]>();
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
      const { changes, computed } = await this.changesOf(pending, scope, copied);
      const conflicts = new Set(await this.matches.write(changes));
      const landed = changes.filter((change) => !conflicts.has(change.read.startupId));
      copied = new Map(
        changes
          .filter((change) => conflicts.has(change.read.startupId))
          .map((change) => [
            change.read.startupId,
            [...change.qualified.map((entry) => entry._id), ...change.unqualified],
          ]),
      );
      addTo(total, {
        computed: attempt === 0 ? computed : 0,
        written: landed.reduce((sum, change) => sum + change.changedPairs, 0),
        qualifiedNow: landed.reduce((sum, change) => sum + change.events.length, 0),
      });
      pending = [...conflicts];
    }
    if (pending.length > 0)
      this.logger.warn({
        msg: 'match rows kept changing while computed; the next change computes them again',
        rows: pending.length,
      });
    return total;
  }

  private async changesOf(
    startupIds: readonly string[],
    scope: Scope,
    copied: ReadonlyMap<string, readonly string[]>,
  ): Promise<{ changes: RowChange[]; computed: number }> {
    const [profiles, rows, weights] = await Promise.all([
      this.profiles.findByIds(startupIds),
      this.matches.rowsOf(startupIds),
      this.weights.current(),
    ]);
    const context = { site: this.site, today: this.clock.today() };
    const now = this.clock.now();
    const criteria = scope.funders.map((funder) => criteriaOf(funder));
    const changes: RowChange[] = [];
    let computed = 0;
    for (const profile of profiles) {
      const facts = startupFactsOf(profile);
      const read = rows.get(profile._id);
      if (!facts || !read) continue;
      const editor = new RowEditor(
        read,
        {
          sectors: [...facts.sectors],
          stage: facts.stage,
          revenueBand: revenueBandOf(facts.latestReport?.revenueMad),
          resident: facts.residencies.some((residency) => residency.status === 'started'),
        },
        now,
      );
      for (const funder of criteria) editor.compute(funder.funderId, evaluateMatch(facts, funder, weights, context));
      if (scope.wholeRow) editor.keepOnly(new Set(criteria.map((funder) => funder.funderId)));
      editor.recopy(copied.get(profile._id) ?? []);
      computed += criteria.length;
      const change = editor.change();
      if (change) changes.push(change);
    }
    return { changes, computed };
  }
}

function addTo(total: { computed: number; written: number; qualifiedNow: number }, report: RecomputeReport): void {
  total.computed += report.computed;
  total.written += report.written;
  total.qualifiedNow += report.qualifiedNow;
}
