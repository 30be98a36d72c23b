import { isDuplicateKeyError } from '@technopark/persistence';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { applyMergePatch, mergePatchUpdate, type Page } from '@technopark/platform';
import { actorOf, assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import type { QueryFilter } from 'mongoose';
import { replayOf, requestHashOf, scopedIdempotencyKey } from '@technopark/platform';
import { escapeRegex } from '../common/text';
import { found } from '../common/views';
import type { StartupQuery } from './dto/startup-query.dto';
import type { RegisterStartupDto, UpdateStartupDto } from './dto/startup.dto';
import type { Startup } from './schemas/startup.schema';
import { profileUpdated, startupRegistered } from './startup-events';
import { changedMeanwhile, startupExists, startupIdNotUuid, startupNotFound } from './startups.errors';
import { StartupsRepository } from './startups.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface Registration {
  readonly startup: Startup;
  /** True when an earlier request with the same Idempotency-Key already registered it. */
  readonly replayed: boolean;
}

@Injectable()
export class StartupsService {
  constructor(private readonly repository: StartupsRepository) {}

  /** A startup registers under its token's startup id; staff register walk-ins under a new id. */
  async register(
    profile: RegisterStartupDto,
    principal: AuthorizedPrincipal,
    idempotencyKey?: string,
  ): Promise<Registration> {
    const id = principal.actingAs === 'startup' ? this.ownId(principal) : randomUUID();
    const actor = actorOf(principal);
    const key = scopedIdempotencyKey(actor.id, idempotencyKey, id);
    const startup: Startup = {
      _id: id,
      ...profile,
      nameKey: profile.name.toLowerCase(),
      description: profile.description ?? '',
      createdBy: actor,
      idempotencyKey: key,
      requestHash: requestHashOf(profile),
    } as Startup;
    try {
      return { startup: await this.repository.insert(startup, [startupRegistered(startup, actor)]), replayed: false };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const earlier = idempotencyKey ? await this.repository.findByIdempotencyKey(key) : null;
      if (earlier) return { startup: replayOf(earlier, startup.requestHash), replayed: true };
      throw startupExists(id);
    }
  }

  async update(id: string, changes: UpdateStartupDto, principal: AuthorizedPrincipal): Promise<Startup> {
    assertOwnStartup(principal, id);
    const before = await this.get(id, principal);
    const settable = { ...changes, ...(changes.name && { nameKey: changes.name.toLowerCase() }) };
    const actor = actorOf(principal);
    const events = profileUpdated(before, applyMergePatch(before, settable), actor);
    const updated = await this.repository.updateIfUnchanged(
      before,
      mergePatchUpdate(settable, { updatedBy: actor }),
      events,
    );
    return found(updated, () => changedMeanwhile(id));
  }

  async get(id: string, principal: AuthorizedPrincipal): Promise<Startup> {
    assertOwnStartup(principal, id);
    return found(await this.repository.findById(id), () => startupNotFound(id));
  }

  /** A startup token lists only itself; staff and the committee list every startup of the site. */
  list(query: StartupQuery, principal: AuthorizedPrincipal): Promise<Page<Startup>> {
    const own = principal.actingAs === 'startup' ? { _id: principal.startupId } : {};
    return this.repository.list({ ...own, ...filterOf(query) }, { ...query, sortField: 'nameKey', direction: 1 });
  }

  /** What partner programs may see: consenting startups only. */
  sharedWithPartners(query: StartupQuery): Promise<Page<Startup>> {
    return this.repository.list(
      { ...filterOf(query), partnerSharingConsent: true },
      { ...query, sortField: 'nameKey', direction: 1 },
    );
  }

  private ownId(principal: AuthorizedPrincipal): string {
    if (!principal.startupId || !UUID.test(principal.startupId)) throw startupIdNotUuid();
    return principal.startupId;
  }
}

function filterOf({ sector, stage, q }: StartupQuery): QueryFilter<Startup> {
  return {
    ...(sector && { sectors: sector }),
    ...(stage && { stage }),
    ...(q && { nameKey: { $regex: escapeRegex(q.toLowerCase()) } }),
  };
}
