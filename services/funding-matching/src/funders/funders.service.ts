import { Inject, Injectable } from '@nestjs/common';
import { FUNDER_PROFILE_FIELDS, type FundingActorV1 } from '@technopark/contracts';
import { isDuplicateKeyError } from '@technopark/persistence';
import {
  applyMergePatch,
  Clock,
  mergePatchUpdate,
  type Page,
  type PageQuery,
  SERVICE_ENVIRONMENT,
} from '@technopark/platform';
import type { FundingMatchingEnvironment } from '../config/funding-matching.environment';
import { MatchRecomputer } from '../matching/match-recomputer';
import { MatchingQueue } from '../matching/matching-queue';
import type { CreateFunderDto } from './dto/funder.dto';
import type { UpdateFunderDto } from './dto/update-funder.dto';
import { registered, updated, windowChanged } from './funder-events';
import { assertCoherentFunder, openWindowOf } from './funder-rules';
import { funderChanged, funderExists, funderNotFound } from './funders.errors';
import { FundersRepository } from './funders.repository';
import type { Funder } from './schemas/funder.schema';

const ATTEMPTS = 3;

/** The funders covering this site. Every change of criteria queues its column of matches. */
@Injectable()
export class FundersService {
  private readonly site: string;

  constructor(
    private readonly funders: FundersRepository,
    private readonly recomputer: MatchRecomputer,
    private readonly queue: MatchingQueue,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: FundingMatchingEnvironment,
  ) {
    this.site = environment.SITE_ID;
  }

  async register(body: CreateFunderDto, actor: FundingActorV1): Promise<Funder> {
    assertCoherentFunder(body, this.site);
    const { funderId, ...criteria } = withoutUndefined(body);
    const funder = {
      _id: funderId,
      ...criteria,
      openWindowId: openWindowOf(body.windows, this.clock.today()),
      version: 0,
      matchesStale: true,
      registeredBy: actor,
    } as Omit<Funder, 'createdAt' | 'updatedAt'>;
    try {
      const created = await this.funders.insert(funder, [registered(funder as Funder, actor)]);
      this.queueColumn(created._id);
      return created;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw funderExists(funderId);
      throw error;
    }
  }

  /** A seeded funder is registered like one an admin adds, unless it exists (then it is left as admins changed it). */
  async registerIfMissing(body: CreateFunderDto, actor: FundingActorV1): Promise<boolean> {
    if (await this.funders.findById(body.funderId)) return false;
    try {
      await this.register(body, actor);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'FUNDER.EXISTS') return false;
      throw error;
    }
  }

  async update(id: string, body: UpdateFunderDto, actor: FundingActorV1): Promise<Funder> {
    const patch = withoutUndefined(body);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.get(id);
      const next = applyMergePatch(current, patch);
      assertCoherentFunder(next, this.site);
      const changedFields = FUNDER_PROFILE_FIELDS.filter(
        (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]),
      );
      const contactChanged = JSON.stringify(current.contact) !== JSON.stringify(next.contact);
      if (changedFields.length === 0 && !contactChanged) return current;
      const update = mergePatchUpdate(patch, {
        updatedBy: actor,
        ...(changedFields.length > 0 && { matchesStale: true }),
      });
      const events = changedFields.length > 0 ? [updated(next, changedFields, actor)] : [];
      const written = await this.funders.change(current, update, events);
      if (written) {
        if (changedFields.length > 0) this.queueColumn(id);
        return written;
      }
    }
    throw funderChanged(id);
  }

  async get(id: string): Promise<Funder> {
    const funder = await this.funders.findById(id);
    if (!funder) throw funderNotFound(id);
    return funder;
  }

  list(query: PageQuery): Promise<Page<Funder>> {
    return this.funders.list({}, { limit: query.limit, cursor: query.cursor, sortField: '_id', direction: 1 });
  }

  /** Windows that opened or closed since the last sweep: each is published, and its funder's column computed again. */
  async sweepWindows(actor: FundingActorV1): Promise<number> {
    const today = this.clock.today();
    let changed = 0;
    for (const funder of await this.funders.all()) {
      const open = openWindowOf(funder.windows, today);
      if (open === funder.openWindowId) continue;
      const events = [
        ...windowEvent(funder, funder.openWindowId, false, actor),
        ...windowEvent(funder, open, true, actor),
      ];
      if (await this.funders.change(funder, { $set: { openWindowId: open, matchesStale: true } }, events)) {
        this.queueColumn(funder._id);
        changed++;
      }
    }
    return changed;
  }

  /** Funders whose matches a crash left behind their criteria. */
  async requeueStale(): Promise<number> {
    const stale = await this.funders.staleIds();
    for (const id of stale) this.queueColumn(id);
    return stale.length;
  }

  private queueColumn(funderId: string): void {
    this.queue.enqueue(`funder:${funderId}`, () => this.recomputer.forFunder(funderId));
  }
}

function windowEvent(funder: Funder, windowId: string | null, opened: boolean, actor: FundingActorV1) {
  const window = funder.windows.find((each) => each.windowId === windowId);
  return window ? [windowChanged(funder._id, window, opened, actor)] : [];
}

/** A plain copy without absent fields, nested ones included: stored documents never hold nulls for "not set". */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
