import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type DeclineReason,
  type EventActorV1,
  FUNDING_ACTOR_ROLES,
  type FundingActorV1,
  type InvestorInterestRecordedV1,
} from '@technopark/contracts';
import { isDuplicateKeyError } from '@technopark/persistence';
import { Clock, replayOf, requestHashOf, scopedIdempotencyKey } from '@technopark/platform';
import { type AuthorizedPrincipal, fundingActorOf } from '@technopark/security';
import { pairKey } from '../matching/match';
import { MatchesRepository } from '../matching/matches.repository';
import { ENDED, type IntroductionAction, nextStatus } from './domain/introduction-lifecycle';
import type { RequestIntroductionDto } from './dto/introduction.dto';
import { eventOf, requested } from './introduction-events';
import {
  introductionChanged,
  introductionExists,
  introductionNotFound,
  matchSuppressed,
  noMatch,
  notEligible,
} from './introductions.errors';
import { IntroductionsRepository } from './introductions.repository';
import { IntroductionQueries } from './introduction-queries';
import type { Introduction } from './schemas/introduction.schema';

const ATTEMPTS = 3;

/** The introduction after a move; `replayed` when a retry of an applied move was answered. */
export interface MoveResult {
  readonly introduction: Introduction;
  readonly replayed: boolean;
}

export interface MoveOptions {
  readonly idempotencyKey?: string;
  readonly note?: string;
  readonly reason?: DeclineReason;
  /** Extra fields the move sets (the funding it was funded with). */
  readonly set?: Record<string, unknown>;
}

/** Who moves an introduction: a caller (whose access is checked), or an automatic process finishing interrupted work. */
export type Mover = AuthorizedPrincipal | { readonly system: FundingActorV1 };

/** Requests and every later move: each checks its rule, then changes status, history and events in one write. */
@Injectable()
export class IntroductionWorkflowService {
  constructor(
    private readonly introductions: IntroductionsRepository,
    private readonly queries: IntroductionQueries,
    private readonly matches: MatchesRepository,
    private readonly clock: Clock,
  ) {}

  /** A startup asking consents by asking; staff asking for it leave the consent to the startup. */
  async request(
    body: RequestIntroductionDto,
    principal: AuthorizedPrincipal,
    idempotencyKey?: string,
  ): Promise<MoveResult> {
    const actor = fundingActorOf(principal);
    const id = randomUUID();
    return this.create(id, body, actor, principal.actingAs === 'startup', {
      key: scopedIdempotencyKey(actor.id, idempotencyKey, id),
      requestHash: requestHashOf(body),
      replayable: idempotencyKey !== undefined,
    });
  }

  /**
   * A funder's interest recorded at an investor session: an introduction awaiting the startup's
   * consent. Keyed by the interest, so a redelivered event answers the introduction it made.
   */
  async requestForInterest(interest: InvestorInterestRecordedV1): Promise<MoveResult> {
    const actor = fundingActorFromEvent(interest.actor);
    const body = {
      startupId: interest.startupId,
      funderId: interest.funderId,
      note: 'interest at an investor session',
    };
    return this.create(randomUUID(), body, actor, false, {
      key: `interest:${interest.interestId}`,
      requestHash: requestHashOf({ interestId: interest.interestId }),
      replayable: true,
    });
  }

  private async create(
    id: string,
    body: { startupId: string; funderId: string; note?: string },
    actor: FundingActorV1,
    byStartup: boolean,
    request: { key: string; requestHash: string; replayable: boolean },
  ): Promise<MoveResult> {
    const { key, requestHash, replayable } = request;
    const earlier = replayable && (await this.introductions.findByIdempotencyKey(key));
    if (earlier) return { introduction: replayOf(earlier, requestHash), replayed: true };
    const match = await this.matches.findById(pairKey(body.startupId, body.funderId));
    if (!match) throw noMatch(body.startupId, body.funderId);
    if (match.suppressed) throw matchSuppressed(body.funderId);
    if (!match.eligible)
      throw notEligible(
        body.funderId,
        match.gates.filter((gate) => !gate.passed),
      );
    const now = this.clock.now();
    const status = byStartup ? 'requested' : 'awaiting-consent';
    const introduction: Omit<Introduction, 'createdAt' | 'updatedAt'> = {
      _id: id,
      startupId: body.startupId,
      funderId: body.funderId,
      status,
      liveKey: pairKey(body.startupId, body.funderId),
      ...(byStartup && { consentedAt: now }),
      requestedAt: now,
      scoreAtRequest: match.score,
      ...(body.note && { note: body.note }),
      history: [{ action: 'request', to: status, actor, at: now }],
      idempotencyKey: key,
      requestHash,
      version: 0,
    };
    try {
      const events = byStartup ? [requested(introduction as Introduction, actor)] : [];
      return { introduction: await this.introductions.insert(introduction, events), replayed: false };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const replay = replayable && (await this.introductions.findByIdempotencyKey(key));
      if (replay) return { introduction: replayOf(replay, requestHash), replayed: true };
      throw introductionExists(body.startupId, body.funderId);
    }
  }

  /**
   * Reads, checks and writes conditionally; a concurrent change makes it read again (a few times).
   * A retry of a move already made with the same Idempotency-Key answers the introduction.
   */
  async move(id: string, action: IntroductionAction, mover: Mover, options: MoveOptions = {}): Promise<MoveResult> {
    const actor = 'system' in mover ? mover.system : fundingActorOf(mover);
    const requestKey = options.idempotencyKey && scopedIdempotencyKey(actor.id, options.idempotencyKey, id);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const introduction = await this.read(id, mover);
      if (
        requestKey &&
        introduction.history.some((entry) => entry.requestKey === requestKey && entry.action === action)
      )
        return { introduction, replayed: true };
      const to = nextStatus(introduction.status, action);
      const now = this.clock.now();
      const entry = {
        action,
        from: introduction.status,
        to,
        actor,
        at: now,
        ...(options.note && { note: options.note }),
        ...(requestKey && { requestKey }),
      };
      const set = {
        ...options.set,
        status: to,
        ...(ENDED.includes(to) && { liveKey: `ended:${id}` }),
        ...(action === 'consent' && { consentedAt: now }),
        ...(action === 'decline' && { declineReason: options.reason }),
        ...(action === 'close' && options.reason && { closedReason: options.reason }),
      };
      const events = eventOf(action, introduction, to, actor, options.reason);
      const updated = await this.introductions.transition(
        introduction,
        { $set: set, $push: { history: entry } },
        events,
      );
      if (updated) return { introduction: updated, replayed: false };
    }
    throw introductionChanged(id);
  }

  private async read(id: string, mover: Mover): Promise<Introduction> {
    if (!('system' in mover)) return this.queries.get(id, mover);
    const introduction = await this.introductions.findById(id);
    if (!introduction) throw introductionNotFound(id);
    return introduction;
  }
}

/** The actor of an interest, as a funding event records actors: a role funding events do not know acts as the system. */
function fundingActorFromEvent(actor: EventActorV1): FundingActorV1 {
  return (FUNDING_ACTOR_ROLES as readonly string[]).includes(actor.role)
    ? (actor as FundingActorV1)
    : { id: actor.id, role: 'system' };
}
