import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FundingActorV1 } from '@technopark/contracts';
import { isDuplicateKeyError } from '@technopark/persistence';
import { Clock, type Page, replayOf, requestHashOf, scopedIdempotencyKey } from '@technopark/platform';
import { type AuthorizedPrincipal, fundingActorOf } from '@technopark/security';
import { FundersRepository } from '../funders/funders.repository';
import { nextStatus } from '../introductions/domain/introduction-lifecycle';
import { IntroductionQueries } from '../introductions/introduction-queries';
import { IntroductionWorkflowService } from '../introductions/introduction-workflow.service';
import type { Introduction } from '../introductions/schemas/introduction.schema';
import { profileNotFound } from '../profiles/profiles.errors';
import { ProfilesService } from '../profiles/profiles.service';
import type { StartupProfile } from '../profiles/schemas/startup-profile.schema';
import type { RecordFundingDto } from './dto/funding.dto';
import { raisedEvent } from './funding-raised-event';
import {
  fundingNotFound,
  introductionMismatch,
  raisedBeforeIntroduction,
  raisedInFuture,
  unknownFunder,
} from './fundings.errors';
import { FundingsRepository } from './fundings.repository';
import type { Funding } from './schemas/funding.schema';

export interface RecordResult {
  readonly funding: Funding;
  readonly replayed: boolean;
}

/** Money raised: recorded with its evidence, published for analytics, and moving its introduction to funded. */
@Injectable()
export class FundingsService {
  constructor(
    private readonly fundings: FundingsRepository,
    private readonly funders: FundersRepository,
    private readonly profiles: ProfilesService,
    private readonly introductions: IntroductionQueries,
    private readonly workflow: IntroductionWorkflowService,
    private readonly clock: Clock,
  ) {}

  async record(body: RecordFundingDto, principal: AuthorizedPrincipal, idempotencyKey?: string): Promise<RecordResult> {
    const actor = fundingActorOf(principal);
    const id = randomUUID();
    const key = scopedIdempotencyKey(actor.id, idempotencyKey, id);
    const requestHash = requestHashOf(body);
    const earlier = idempotencyKey && (await this.fundings.findByIdempotencyKey(key));
    if (earlier) return { funding: replayOf(earlier, requestHash), replayed: true };
    const profile = await this.profiles.get(body.startupId);
    if (!profile.registered) throw profileNotFound(body.startupId);
    if (!(await this.funders.findById(body.funderId))) throw unknownFunder(body.funderId);
    if (body.raisedOn > this.clock.today()) throw raisedInFuture(body.raisedOn);
    const introduction = body.introductionId ? await this.fundableIntroduction(body, principal) : undefined;
    const funding = await this.insert({ id, body, actor, key, requestHash, profile, introduction });
    if (introduction) await this.showOnIntroduction(funding, principal);
    return { funding, replayed: false };
  }

  /** Finishes raises a crash kept from their introduction. */
  async completeInterrupted(actor: FundingActorV1): Promise<number> {
    const interrupted = await this.fundings.interrupted(this.clock.now());
    for (const funding of interrupted) await this.showOnIntroduction(funding, { system: actor });
    return interrupted.length;
  }

  async get(id: string): Promise<Funding> {
    const funding = await this.fundings.findById(id);
    if (!funding) throw fundingNotFound(id);
    return funding;
  }

  list(query: { startupId?: string; funderId?: string; limit: number; cursor?: string }): Promise<Page<Funding>> {
    const filter = {
      ...(query.startupId && { startupId: query.startupId }),
      ...(query.funderId && { funderId: query.funderId }),
    };
    return this.fundings.list(filter, { limit: query.limit, cursor: query.cursor });
  }

  private async fundableIntroduction(body: RecordFundingDto, principal: AuthorizedPrincipal): Promise<Introduction> {
    const introduction = await this.introductions.get(body.introductionId as string, principal);
    if (introduction.startupId !== body.startupId || introduction.funderId !== body.funderId)
      throw introductionMismatch(introduction._id);
    nextStatus(introduction.status, 'fund');
    const requestedOn = introduction.requestedAt.toISOString().slice(0, 10);
    if (body.raisedOn < requestedOn) throw raisedBeforeIntroduction(body.raisedOn, requestedOn);
    return introduction;
  }

  private async insert(draft: FundingDraft): Promise<Funding> {
    const { id, body, actor, key, requestHash, profile, introduction } = draft;
    const funding: Omit<Funding, 'createdAt' | 'updatedAt'> = {
      _id: id,
      startupId: body.startupId,
      funderId: body.funderId,
      ...(introduction && { introductionId: introduction._id }),
      amountMad: body.amountMad,
      instrument: body.instrument,
      raisedOn: body.raisedOn,
      evidence: { kind: body.evidence.kind, reference: body.evidence.reference },
      recordedBy: actor,
      introductionFunded: false,
      idempotencyKey: key,
      requestHash,
    };
    try {
      return await this.fundings.insert(funding, [raisedEvent(funding, profile, introduction)]);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.fundings.findByIdempotencyKey(key);
      if (existing) return replayOf(existing, requestHash);
      // Another raise of this introduction was recorded meanwhile: the introduction is no longer fundable.
      throw error;
    }
  }

  private async showOnIntroduction(
    funding: Funding,
    mover: Parameters<IntroductionWorkflowService['move']>[2],
  ): Promise<void> {
    await this.workflow
      .move(funding.introductionId as string, 'fund', mover, { set: { fundingId: funding._id } })
      .catch((error) => {
        if ((error as { code?: string }).code !== 'INTRODUCTION.ILLEGAL_TRANSITION') throw error;
      });
    await this.fundings.markIntroductionFunded(funding._id);
  }
}

interface FundingDraft {
  readonly id: string;
  readonly body: RecordFundingDto;
  readonly actor: FundingActorV1;
  readonly key: string;
  readonly requestHash: string;
  readonly profile: StartupProfile;
  readonly introduction?: Introduction;
}
