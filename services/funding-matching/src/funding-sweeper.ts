import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { SWEEPER_ACTOR } from './common/system-actors';
import type { FundingMatchingEnvironment } from './config/funding-matching.environment';
import { FundersService } from './funders/funders.service';
import { FundingsService } from './fundings/fundings.service';
import { datesFrom, daysBefore } from './matching/domain/calendar';
import { MatchRecomputer } from './matching/match-recomputer';
import { MatchesRepository } from './matching/matches.repository';
import { ProfilesRepository } from './profiles/profiles.repository';
import { WeightsService } from './matching/weights.service';

const RECHECKS_PER_SWEEP = 500;
/** How far back the first sweep after a start looks for recheck days it may have missed while down. */
const RECHECK_LOOKBACK_DAYS = 400;

/**
 * The durable half of funding matching: everything it acts on is in the database, so a restart loses
 * nothing. Each sweep publishes windows that opened or closed, recomputes rows with a pair whose
 * residency months are reached, requeues columns and weights a crash left stale, and finishes raises a crash kept from
 * their introduction.
 */
@Injectable()
export class FundingSweeper extends BackgroundTask {
  /** The last day whose rechecks were all done: later sweeps search only the days after it. */
  private recheckedThrough?: string;
  /** Whether a sweep since the start looked for startups without a row of matches. */
  private rowsChecked = false;

  constructor(
    private readonly funders: FundersService,
    private readonly weights: WeightsService,
    private readonly matches: MatchesRepository,
    private readonly recomputer: MatchRecomputer,
    private readonly fundings: FundingsService,
    private readonly profiles: ProfilesRepository,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: FundingMatchingEnvironment,
  ) {
    super({ name: 'funding-sweep', intervalMs: environment.SWEEP_INTERVAL_SECONDS * 1000, mode: 'repeat' });
  }

  protected async run(): Promise<void> {
    const report = await this.sweep();
    if (Object.values(report).some((count) => Number(count) > 0)) this.logger.log({ msg: 'sweep', ...report });
  }

  async sweep() {
    const windowsChanged = await this.funders.sweepWindows(SWEEPER_ACTOR);
    const today = this.clock.today();
    const from =
      this.recheckedThrough && this.recheckedThrough <= today
        ? this.recheckedThrough
        : daysBefore(today, RECHECK_LOOKBACK_DAYS);
    const due = await this.matches.dueForRecheck(datesFrom(from, today), RECHECKS_PER_SWEEP);
    const rechecked = (await this.recomputer.forStartups(due)).written;
    // A pair is computed with its recheck day in the future, so once today's are done none is left.
    if (due.length < RECHECKS_PER_SWEEP) this.recheckedThrough = today;
    const staleFunders = await this.funders.requeueStale();
    const staleWeights = (await this.weights.requeueStale()) ? 1 : 0;
    const raisesCompleted = await this.fundings.completeInterrupted(SWEEPER_ACTOR);
    const rowsRebuilt = await this.rebuildMissingRows();
    return { windowsChanged, rechecked, staleFunders, staleWeights, raisesCompleted, rowsRebuilt };
  }

  /**
   * A site with startups but no rows of matches (its matches were kept in an earlier layout, or
   * restored without them) gets every match computed again, once per start.
   */
  private async rebuildMissingRows(): Promise<number> {
    if (this.rowsChecked) return 0;
    this.rowsChecked = true;
    if ((await this.matches.rowCount()) > 0 || (await this.profiles.countRegistered()) === 0) return 0;
    this.weights.recomputeEverything();
    return 1;
  }
}
