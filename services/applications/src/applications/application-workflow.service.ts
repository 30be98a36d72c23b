import { isDuplicateKeyError } from '@technopark/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { ActorV1 } from '@technopark/contracts';
import type { NewEvent } from '@technopark/messaging';
import { averageOf, Clock, rubricScore, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { actorOf, type AuthorizedPrincipal } from '@technopark/security';
import { CatalogueService } from '../catalogue/catalogue.service';
import { scopedIdempotencyKey } from '@technopark/platform';
import { isOpen } from '../catalogue/schemas/call.schema';
import type { ApplicationsEnvironment } from '../config/applications.environment';
import { accepted, rejected, reviewStarted, scored, submitted, waitlisted, withdrawn } from './application-events';
import { changedMeanwhile, cohortFull, notEnoughScores, outsideWindow } from './applications.errors';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { type ApplicationAction, nextStatus } from './domain/application-lifecycle';
import type { DecideApplicationDto, Outcome, ScoreApplicationDto } from './dto/application-actions.dto';
import { type Application, endedKeyOf, seatsOf } from './schemas/application.schema';

/** What a move changes besides the status, and the events it publishes. */
interface MovePlan {
  readonly set?: Record<string, unknown>;
  readonly events: NewEvent[];
  /** Alternative extra fields under a unique index, tried in order (cohort seats); all taken → `exhausted`. */
  readonly claims?: { readonly options: Record<string, unknown>[]; readonly exhausted: () => Error };
}

type Planner = (application: Application, actor: ActorV1, now: Date) => MovePlan | Promise<MovePlan>;

/** The application after a move; `replayed` when a retry of an applied move was answered. */
export interface MoveResult {
  readonly application: Application;
  readonly replayed: boolean;
}

interface MoveRequest {
  readonly id: string;
  readonly principal: AuthorizedPrincipal;
  readonly action: ApplicationAction;
  readonly idempotencyKey?: string;
}

const ATTEMPTS = 3;
const OUTCOME_ACTIONS: Record<Outcome, ApplicationAction> = {
  accepted: 'accept',
  rejected: 'reject',
  waitlisted: 'waitlist',
};

/** The lifecycle moves: each checks its rule, then changes status, history and events in one write. */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly applications: ApplicationsService,
    private readonly catalogue: CatalogueService,
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: ApplicationsEnvironment,
    private readonly clock: Clock,
  ) {}

  submit(id: string, principal: AuthorizedPrincipal, idempotencyKey?: string): Promise<MoveResult> {
    return this.move({ id, principal, action: 'submit', idempotencyKey }, async (application, actor, now) => {
      const call = await this.catalogue.call(application.callId);
      if (!isOpen(call, now)) throw outsideWindow(call, now);
      return { set: { submittedAt: now }, events: [submitted(application, now, actor)] };
    });
  }

  withdraw(id: string, principal: AuthorizedPrincipal, idempotencyKey?: string): Promise<MoveResult> {
    return this.move({ id, principal, action: 'withdraw', idempotencyKey }, (application, actor) => ({
      set: { liveKey: endedKeyOf(application) },
      events: [withdrawn(application, actor)],
    }));
  }

  startReview(id: string, principal: AuthorizedPrincipal, idempotencyKey?: string): Promise<MoveResult> {
    return this.move({ id, principal, action: 'start-review', idempotencyKey }, (application, actor) => ({
      events: [reviewStarted(application, actor)],
    }));
  }

  /** A member scoring again replaces their earlier score. */
  score(
    id: string,
    { marks, comment = '' }: ScoreApplicationDto,
    principal: AuthorizedPrincipal,
    idempotencyKey?: string,
  ): Promise<MoveResult> {
    return this.move({ id, principal, action: 'score', idempotencyKey }, async (application, actor, now) => {
      const program = await this.catalogue.program(application.programId);
      const score = rubricScore(program.rubric, marks, 'APPLICATION.MARKS_DO_NOT_FIT_RUBRIC');
      const scores = [
        ...application.scores.filter(({ memberId }) => memberId !== actor.id),
        { memberId: actor.id, marks, score, comment, scoredAt: now },
      ];
      return { set: { scores }, events: [scored(application, score, scores.length, actor)] };
    });
  }

  decide(
    id: string,
    { outcome, reason }: DecideApplicationDto,
    principal: AuthorizedPrincipal,
    idempotencyKey?: string,
  ): Promise<MoveResult> {
    return this.move(
      { id, principal, action: OUTCOME_ACTIONS[outcome], idempotencyKey },
      async (application, actor, now) => {
        const required = this.environment.DECISION_MINIMUM_SCORES;
        if (application.scores.length < required) throw notEnoughScores(application.scores.length, required);
        const decision = { outcome, reason, decidedBy: actor, decidedAt: now };
        if (outcome === 'accepted') return { set: { decision }, ...(await this.acceptance(application, actor)) };
        if (outcome === 'rejected')
          return { set: { decision, liveKey: endedKeyOf(application) }, events: [rejected(application, actor)] };
        return { set: { decision }, events: [waitlisted(application, actor)] };
      },
    );
  }

  /** The acceptance event, and the call's seats to claim: one of them, or the cohort is full. */
  private async acceptance(application: Application, actor: ActorV1): Promise<Pick<MovePlan, 'events' | 'claims'>> {
    const [call, program] = await Promise.all([
      this.catalogue.call(application.callId),
      this.catalogue.program(application.programId),
    ]);
    const acceptedCount = await this.repository.countInCall(call._id, 'accepted');
    if (acceptedCount >= call.cohortCapacity) throw cohortFull(call, acceptedCount);
    const options = seatsOf(call._id, call.cohortCapacity, acceptedCount).map((cohortSeat) => ({ cohortSeat }));
    const event = accepted(application, program, averageOf(application.scores.map(({ score }) => score)), actor);
    return { events: [event], claims: { options, exhausted: () => cohortFull(call, call.cohortCapacity) } };
  }

  /**
   * Reads, checks and writes conditionally; a concurrent change makes it read again (a few
   * times). A retry of a move already made with the same Idempotency-Key answers the application.
   */
  private async move(request: MoveRequest, plan: Planner): Promise<MoveResult> {
    const { id, principal, action } = request;
    const actor = actorOf(principal);
    const requestKey = request.idempotencyKey && scopedIdempotencyKey(actor.id, request.idempotencyKey, id);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const application = await this.applications.get(id, principal);
      if (requestKey && application.history.some((entry) => entry.requestKey === requestKey && entry.action === action))
        return { application, replayed: true };
      const to = nextStatus(application.status, action);
      const now = this.clock.now();
      const { set = {}, events, claims } = await plan(application, actor, now);
      const entry = { action, from: application.status, to, actor, at: now, ...(requestKey && { requestKey }) };
      const write = (extra: Record<string, unknown>) =>
        this.repository.updateIfUnchanged(
          application,
          { $set: { ...set, ...extra, status: to }, $push: { history: entry } },
          events,
        );
      const updated = claims ? await this.firstClaim(claims, write) : await write({});
      if (updated) return { application: updated, replayed: false };
    }
    throw changedMeanwhile(id);
  }

  /** Writes with the first claim nobody holds; a duplicate key means that one was taken. */
  private async firstClaim(
    claims: NonNullable<MovePlan['claims']>,
    write: (extra: Record<string, unknown>) => Promise<Application | null>,
  ): Promise<Application | null> {
    for (const option of claims.options) {
      try {
        return await write(option);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw claims.exhausted();
  }
}
