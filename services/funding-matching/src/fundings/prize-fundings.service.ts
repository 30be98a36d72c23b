import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { CompetitionResultsPublishedV1, TeamResultV1 } from '@technopark/contracts';
import { isDuplicateKeyError } from '@technopark/persistence';
import { requestHashOf } from '@technopark/platform';
import { PRIZE_ACTOR } from '../common/system-actors';
import { FundersRepository } from '../funders/funders.repository';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { raisedEvent } from './funding-raised-event';
import { FundingsRepository } from './fundings.repository';
import type { Funding } from './schemas/funding.schema';

/** Why a prize of published results is not money raised here. */
export type PrizeSkip = 'no-cash' | 'no-startup' | 'no-sponsor' | 'unknown-funder' | 'unknown-startup' | 'recorded';

/**
 * A competition's cash prizes, recorded as grants from the funder that sponsors them: the startup
 * raised that money, and the funding KPIs count it. A prize with no sponsor among the site's funders
 * (the site's own, say) or won by a group of people is not a raise from a funder, and is left out.
 * Each prize is recorded once (its idempotency key is the competition and the team), however often
 * the results are delivered.
 */
@Injectable()
export class PrizeFundings {
  private readonly logger = new Logger('prize-fundings');

  constructor(
    private readonly fundings: FundingsRepository,
    private readonly funders: FundersRepository,
    private readonly profiles: ProfilesRepository,
  ) {}

  async record(results: CompetitionResultsPublishedV1, publishedAt: string): Promise<Funding[]> {
    const recorded: Funding[] = [];
    for (const result of results.results) {
      const outcome = await this.recordOne(results.eventId, result, publishedAt.slice(0, 10));
      if (typeof outcome === 'string') {
        if (result.prize)
          this.logger.log({ msg: 'prize not recorded as a raise', why: outcome, teamId: result.teamId });
      } else recorded.push(outcome);
    }
    return recorded;
  }

  private async recordOne(eventId: string, result: TeamResultV1, raisedOn: string): Promise<Funding | PrizeSkip> {
    const { prize, startupId } = result;
    if (!prize?.amountMad) return 'no-cash';
    if (!startupId) return 'no-startup';
    if (!prize.sponsorId) return 'no-sponsor';
    if (!(await this.funders.findById(prize.sponsorId))) return 'unknown-funder';
    const profile = await this.profiles.findById(startupId);
    if (!profile?.registered) return 'unknown-startup';
    const funding: Omit<Funding, 'createdAt' | 'updatedAt'> = {
      _id: randomUUID(),
      startupId,
      funderId: prize.sponsorId,
      amountMad: prize.amountMad,
      instrument: 'grant',
      raisedOn,
      evidence: { kind: 'grant-decision', reference: `competition ${eventId}: ${prize.label}, rank ${result.rank}` },
      recordedBy: PRIZE_ACTOR,
      introductionFunded: false,
      idempotencyKey: `prize|${eventId}|${result.teamId}`,
      requestHash: requestHashOf(result),
    };
    try {
      return await this.fundings.insert(funding, [raisedEvent(funding, profile)]);
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'recorded';
      throw error;
    }
  }
}
