import { Injectable } from '@nestjs/common';
import type { FundingActorV1, ResidentReportSubmittedV1 } from '@technopark/contracts';
import type { ReceivedEvent } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import type { UpdateQuery } from 'mongoose';
import { type RecomputeReport, MatchRecomputer } from '../matching/match-recomputer';
import type { Seeking } from '../matching/domain/match-inputs';
import { reportUpdate } from './profile-facts';
import { profileNotFound } from './profiles.errors';
import { ProfilesRepository } from './profiles.repository';
import type { StartupProfile } from './schemas/startup-profile.schema';

/** Changes to startup funding profiles; each is followed by the startup's row of matches. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly recomputer: MatchRecomputer,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies an event once, then recomputes the row even when the event was a redelivery: a crash
   * after the profile write and before the matches leaves the row to the redelivery.
   */
  async apply(startupId: string, update: UpdateQuery<StartupProfile>, event: ReceivedEvent): Promise<RecomputeReport> {
    await this.profiles.applyEvent(startupId, update, event);
    return this.recomputer.forStartup(startupId);
  }

  /** Only a report of a later quarter than the one kept replaces it (reports of several residencies may interleave). */
  async applyReport(event: ReceivedEvent<ResidentReportSubmittedV1>): Promise<RecomputeReport> {
    const { startupId, period } = event.data;
    const kept = (await this.profiles.findById(startupId))?.latestReport?.period;
    const update = kept && kept > period ? {} : reportUpdate(event.data);
    return this.apply(startupId, update, event);
  }

  async seek(startupId: string, seeking: Seeking, actor: FundingActorV1): Promise<StartupProfile> {
    const updated = await this.profiles.update(startupId, {
      $set: { seeking: { ...seeking, updatedBy: actor, updatedAt: this.clock.now() } },
    });
    if (!updated) throw profileNotFound(startupId);
    await this.recomputer.forStartup(startupId);
    return updated;
  }

  async get(startupId: string): Promise<StartupProfile> {
    const profile = await this.profiles.findById(startupId);
    if (!profile) throw profileNotFound(startupId);
    return profile;
  }
}
