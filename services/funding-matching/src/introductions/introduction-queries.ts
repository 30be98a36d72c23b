import { Injectable } from '@nestjs/common';
import { type Page, type PageQuery } from '@technopark/platform';
import { assertOwnFunder, assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import type { QueryFilter } from 'mongoose';
import type { IntroductionStatus } from './domain/introduction-lifecycle';
import { introductionNotFound } from './introductions.errors';
import { IntroductionsRepository } from './introductions.repository';
import type { Introduction } from './schemas/introduction.schema';

export interface IntroductionFilter extends PageQuery {
  readonly startupId?: string;
  readonly funderId?: string;
  readonly status?: IntroductionStatus;
}

/** Reads of introductions, each caller seeing its own: a startup its introductions, a funder those consented to it. */
@Injectable()
export class IntroductionQueries {
  constructor(private readonly introductions: IntroductionsRepository) {}

  async get(id: string, principal: AuthorizedPrincipal): Promise<Introduction> {
    const introduction = await this.introductions.findById(id);
    // Before consent the funder must not learn the introduction exists: the same 404 as a wrong id.
    if (!introduction || (principal.actingAs === 'funder' && !introduction.consentedAt)) throw introductionNotFound(id);
    assertOwnStartup(principal, introduction.startupId);
    assertOwnFunder(principal, introduction.funderId);
    return introduction;
  }

  list(query: IntroductionFilter, principal: AuthorizedPrincipal): Promise<Page<Introduction>> {
    const filter: QueryFilter<Introduction> = {
      ...(query.startupId && { startupId: query.startupId }),
      ...(query.funderId && { funderId: query.funderId }),
      ...(query.status && { status: query.status }),
      ...(principal.actingAs === 'startup' && { startupId: principal.startupId }),
      ...(principal.actingAs === 'funder' && { funderId: principal.funderId, consentedAt: { $exists: true } }),
    };
    return this.introductions.list(filter, { limit: query.limit, cursor: query.cursor });
  }
}
