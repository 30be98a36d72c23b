import { isDuplicateKeyError } from '@technopark/persistence';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, DomainError, type Page } from '@technopark/platform';
import { actorOf, assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import { CatalogueService } from '../catalogue/catalogue.service';
import { replayOf, requestHashOf, scopedIdempotencyKey } from '@technopark/platform';
import { found } from '../common/views';
import { StartupsService } from '../startups/startups.service';
import { applicationFilterOf, sortOf } from './application-query';
import { alreadyApplied, applicationNotFound } from './applications.errors';
import { ApplicationsRepository } from './applications.repository';
import type { ApplicationQuery } from './dto/application-query.dto';
import type { CreateApplicationDto } from './dto/create-application.dto';
import { type Application, liveKeyOf, unseated } from './schemas/application.schema';

export interface Creation {
  readonly application: Application;
  readonly replayed: boolean;
}

/** Drafts, reads and lists; the lifecycle moves are in `ApplicationWorkflowService`. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly catalogue: CatalogueService,
    private readonly startups: StartupsService,
    private readonly clock: Clock,
  ) {}

  async createDraft(
    request: CreateApplicationDto,
    principal: AuthorizedPrincipal,
    idempotencyKey?: string,
  ): Promise<Creation> {
    // A startup applies for itself: naming another startup is refused, never silently replaced.
    if (request.startupId !== undefined) assertOwnStartup(principal, request.startupId);
    const startupId = principal.actingAs === 'startup' ? (principal.startupId as string) : request.startupId;
    const [startup, call] = await Promise.all([
      this.startups.get(found(startupId, missingStartupId), principal),
      this.catalogue.call(request.callId),
    ]);
    const actor = actorOf(principal);
    const id = randomUUID();
    const draft = {
      _id: id,
      startupId: startup._id,
      programId: call.programId,
      callId: call._id,
      status: 'draft',
      startup: { name: startup.name, nameKey: startup.nameKey, sectors: startup.sectors, stage: startup.stage },
      answers: request.answers,
      needs: request.needs,
      pitch: request.pitch,
      scores: [],
      history: [{ action: 'create', to: 'draft', actor, at: this.clock.now() }],
      createdBy: actor,
      liveKey: liveKeyOf(startup._id, call._id),
      cohortSeat: unseated(id),
      idempotencyKey: scopedIdempotencyKey(actor.id, idempotencyKey, id),
      requestHash: requestHashOf(request),
    } as unknown as Application;
    try {
      return { application: await this.repository.insert(draft), replayed: false };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.resolveDuplicate(draft, idempotencyKey);
    }
  }

  async get(id: string, principal: AuthorizedPrincipal): Promise<Application> {
    const application = found(await this.repository.findById(id), () => applicationNotFound(id));
    assertOwnStartup(principal, application.startupId);
    return application;
  }

  /** A startup token lists only its own applications. */
  list(query: ApplicationQuery, principal: AuthorizedPrincipal): Promise<Page<Application>> {
    const own = principal.actingAs === 'startup' ? { startupId: principal.startupId } : {};
    return this.repository.list({ ...applicationFilterOf(query), ...own }, { ...query, ...sortOf(query.sort) });
  }

  /** The same request retried, or a second live application to the call (refused). */
  private async resolveDuplicate(draft: Application, idempotencyKey?: string): Promise<Creation> {
    const earlier = idempotencyKey ? await this.repository.findByIdempotencyKey(draft.idempotencyKey) : null;
    if (earlier) return { application: replayOf(earlier, draft.requestHash), replayed: true };
    const live = await this.repository.findLive(draft.liveKey);
    throw alreadyApplied(live?._id ?? 'unknown', draft.callId);
  }
}

function missingStartupId(): Error {
  return new DomainError(
    'APPLICATION.STARTUP_REQUIRED',
    'staff must name the startup they apply for (startupId)',
    400,
    {
      fields: [{ field: 'startupId', problems: ['startupId is required when staff create an application'] }],
    },
  );
}
