import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { FundingMatchingEnvironment } from '../config/funding-matching.environment';
import { criteriaOf } from '../funders/funder-criteria';
import { FundersRepository } from '../funders/funders.repository';
import type { Funder } from '../funders/schemas/funder.schema';
import { startupFactsOf } from '../profiles/profile-facts';
import { ProfilesRepository } from '../profiles/profiles.repository';
import type { StartupProfile } from '../profiles/schemas/startup-profile.schema';
import { evaluateMatch, isQualified, rankOf, revenueBandOf } from './domain/match-evaluation';
import type { MatchWeights } from './domain/match-inputs';
import { WeightsRepository } from './weights.repository';
import { qualifiedEvent } from './match-qualified-event';
import { type ComputedFields, MatchesRepository, type MatchState, type MatchWrite } from './matches.repository';

const ATTEMPTS = 3;

/** What one recomputation wrote. */
export interface RecomputeReport {
  readonly computed: number;
  readonly written: number;
  readonly qualifiedNow: number;
}

/**
 * Computes exactly the matches a change affects and stores them: a startup's row after its profile
 * changed, a funder's column after its criteria or window changed, every pair after new weights.
 * Unchanged pairs are skipped; a pair written by someone else meanwhile is computed again from
 * fresh reads. Reads never compute: they are served from what this stores.
 */
@Injectable()
export class MatchRecomputer {
  private readonly logger = new Logger('match-recomputer');
  private readonly site: string;
  private readonly batchSize: number;

  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly funders: FundersRepository,
    private readonly matches: MatchesRepository,
    private readonly weights: WeightsRepository,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: FundingMatchingEnvironment,
  ) {
    this.site = environment.SITE_ID;
    this.batchSize = environment.MATCH_WRITE_BATCH;
  }

  /** A startup's row: its matches with every funder of the site. */
  async forStartup(startupId: string): Promise<RecomputeReport> {
    return this.retrying(async () => {
      const profile = await this.profiles.findById(startupId);
      return profile ? this.pairsOf([profile], await this.funders.all()) : [];
    });
  }

  /** A funder's column: its matches with every registered startup, a batch of startups at a time. */
  async forFunder(funderId: string): Promise<RecomputeReport> {
    const total = { computed: 0, written: 0, qualifiedNow: 0 };
    const funder = await this.funders.findById(funderId);
    if (!funder) return total;
    const startupIds = await this.profiles.registeredIds();
    for (let start = 0; start < startupIds.length; start += this.batchSize) {
      const ids = startupIds.slice(start, start + this.batchSize);
      const report = await this.retrying(async () => this.pairsOf(await this.profiles.findByIds(ids), [funder]));
      addTo(total, report);
    }
    await this.funders.markMatched(funder._id, funder.version);
    return total;
  }

  /** Named pairs (a recheck day reached). */
  async forPairs(pairs: readonly { startupId: string; funderId: string }[]): Promise<RecomputeReport> {
    const total = { computed: 0, written: 0, qualifiedNow: 0 };
    for (const { startupId, funderId } of pairs) {
      addTo(
        total,
        await this.retrying(async () => {
          const [profile, funder] = await Promise.all([
            this.profiles.findById(startupId),
            this.funders.findById(funderId),
          ]);
          return profile && funder ? this.pairsOf([profile], [funder]) : [];
        }),
      );
    }
    return total;
  }

  /** Every pair of the site, after new weights, with progress in the log. */
  async everything(): Promise<RecomputeReport> {
    const total = { computed: 0, written: 0, qualifiedNow: 0 };
    const funders = await this.funders.all();
    const weights = await this.weights.current();
    for (const [index, funder] of funders.entries()) {
      addTo(total, await this.forFunder(funder._id));
      this.logger.log({ msg: 'recomputing every match', funders: `${index + 1}/${funders.length}`, ...total });
    }
    await this.weights.markMatched(weights.version);
    return total;
  }

  /** Computes the pairs `plan` names and writes them; pairs written by someone else meanwhile are planned again. */
  private async retrying(plan: () => Promise<PlannedPair[]>): Promise<RecomputeReport> {
    const total = { computed: 0, written: 0, qualifiedNow: 0 };
    let only: Set<string> | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const pairs = (await plan()).filter((pair) => !only || only.has(pair.id));
      const writes = await this.writesOf(pairs);
      const conflicts = await this.matches.write(writes);
      addTo(total, {
        computed: attempt === 0 ? pairs.length : 0,
        written: writes.length - conflicts.length,
        qualifiedNow: writes.filter((write) => write.events.length > 0 && !conflicts.includes(write.id)).length,
      });
      if (conflicts.length === 0) return total;
      only = new Set(conflicts);
    }
    this.logger.warn({
      msg: 'matches kept changing while computed; the next change computes them again',
      pairs: only?.size,
    });
    return total;
  }

  private async pairsOf(profiles: readonly StartupProfile[], funders: readonly Funder[]): Promise<PlannedPair[]> {
    const weights = await this.weights.current();
    const today = this.clock.today();
    const pairs: PlannedPair[] = [];
    for (const profile of profiles) {
      const facts = startupFactsOf(profile);
      if (!facts) continue;
      const teaser = {
        sectors: [...facts.sectors],
        stage: facts.stage,
        revenueBand: revenueBandOf(facts.latestReport?.revenueMad),
        resident: facts.residencies.some((residency) => residency.status === 'started'),
      };
      for (const funder of funders) {
        const evaluation = evaluateMatch(facts, criteriaOf(funder), weights, { site: this.site, today });
        pairs.push({
          id: `${profile._id}:${funder._id}`,
          startupId: profile._id,
          funderId: funder._id,
          evaluation,
          teaser,
          weights,
        });
      }
    }
    return pairs;
  }

  private async writesOf(pairs: readonly PlannedPair[]): Promise<MatchWrite[]> {
    const states = new Map(
      (await this.matches.states(pairs.map((pair) => pair.id))).map((state) => [state._id, state]),
    );
    const now = this.clock.now();
    return pairs.flatMap((pair) => {
      const read = states.get(pair.id);
      const write = writeOf(pair, read, now);
      return write ? [write] : [];
    });
  }
}

/** A computed pair before it is written. */
interface PlannedPair {
  readonly id: string;
  readonly startupId: string;
  readonly funderId: string;
  readonly evaluation: ReturnType<typeof evaluateMatch>;
  readonly teaser: ComputedFields['teaser'];
  readonly weights: MatchWeights;
}

function writeOf(pair: PlannedPair, read: MatchState | undefined, now: Date): MatchWrite | undefined {
  const { evaluation } = pair;
  const computed = {
    gates: evaluation.gates,
    eligible: evaluation.eligible,
    score: evaluation.score,
    contributions: evaluation.contributions,
    weightsVersion: evaluation.weightsVersion,
    threshold: evaluation.threshold,
    teaser: pair.teaser,
    ...(evaluation.recheckOn && { recheckOn: evaluation.recheckOn }),
  };
  const digest = createHash('sha1').update(JSON.stringify(computed)).digest('base64url');
  if (read?.digest === digest) return undefined;
  const curation = { pinned: read?.pinned, suppressed: read?.suppressed };
  const qualified = isQualified(evaluation, curation);
  const crossing = qualified && !read?.qualified;
  const fields: ComputedFields = {
    startupId: pair.startupId,
    funderId: pair.funderId,
    ...computed,
    qualified,
    rank: rankOf(evaluation, curation),
    digest,
    ...(crossing && { qualifiedAt: now, crossingId: `${pair.id}|${digest}` }),
  };
  const events = crossing
    ? [
        qualifiedEvent(
          { ...pair.evaluation, id: pair.id, startupId: pair.startupId, funderId: pair.funderId, teaser: pair.teaser },
          Boolean(read?.pinned),
        ),
      ]
    : [];
  return { id: pair.id, read, fields, events, unset: evaluation.recheckOn ? [] : ['recheckOn'] };
}

function addTo(total: { computed: number; written: number; qualifiedNow: number }, report: RecomputeReport): void {
  total.computed += report.computed;
  total.written += report.written;
  total.qualifiedNow += report.qualifiedNow;
}
