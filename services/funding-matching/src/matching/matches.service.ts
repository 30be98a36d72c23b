import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Page, type PageQuery, pageOfList, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import type { FundingMatchingEnvironment } from '../config/funding-matching.environment';
import { IntroductionsRepository } from '../introductions/introductions.repository';
import { ProfilesRepository } from '../profiles/profiles.repository';
import type { StartupMatchesQuery } from './dto/match-queries.dto';
import { matchNotFound } from './matches.errors';
import { MatchesRepository } from './matches.repository';
import type { DealFlowEntryView } from './match.view';
import type { Match } from './match';
import type { QualifiedMatch } from './schemas/qualified-match.schema';

/** Reads of stored matches: never computed on a read. */
@Injectable()
export class MatchesService {
  private readonly site: string;

  constructor(
    private readonly matches: MatchesRepository,
    private readonly introductions: IntroductionsRepository,
    private readonly profiles: ProfilesRepository,
    @Inject(SERVICE_ENVIRONMENT) environment: FundingMatchingEnvironment,
  ) {
    this.site = environment.SITE_ID;
  }

  /**
   * A startup's matches, best first. The startup itself does not see the ones staff suppressed.
   * Served from the startup's row: one document, paged in memory (a site has hundreds of funders).
   */
  async forStartup(
    startupId: string,
    query: StartupMatchesQuery,
    principal: AuthorizedPrincipal,
  ): Promise<Page<Match>> {
    assertOwnStartup(principal, startupId);
    const shown = (await this.matches.forStartup(startupId)).filter(
      (match) =>
        (query.qualified === undefined || match.qualified === query.qualified) &&
        !(principal.actingAs === 'startup' && match.suppressed),
    );
    return pageOfList(shown, (match) => ({ value: match.rank, id: match._id }), query);
  }

  async get(id: string, principal: AuthorizedPrincipal): Promise<Match> {
    const match = await this.matches.findById(id);
    if (!match || (principal.actingAs === 'startup' && match.suppressed)) throw matchNotFound(id);
    assertOwnStartup(principal, match.startupId);
    return match;
  }

  /** A funder's qualified matches, best first: anonymized teasers, except where the startup consented to an introduction. */
  async dealFlow(funderId: string, query: PageQuery): Promise<Page<DealFlowEntryView>> {
    const page = await this.matches.dealFlow(funderId, { limit: query.limit, cursor: query.cursor });
    const startupIds = page.items.map((match) => match.startupId);
    const consented = new Map(
      (await this.introductions.consentedTo(funderId, startupIds)).map((introduction) => [
        introduction.startupId,
        introduction,
      ]),
    );
    const names = new Map(
      (await this.profiles.findByIds([...consented.keys()])).map((profile) => [profile._id, profile.name]),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((match) => {
        const introduction = consented.get(match.startupId);
        const name = names.get(match.startupId);
        return {
          score: match.score,
          contributions: match.contributions,
          teaser: { reference: referenceOf(match), site: this.site, ...match.teaser },
          ...(introduction && {
            startupId: match.startupId,
            introductionId: introduction._id,
            ...(name && { startupName: name }),
          }),
        };
      }),
    };
  }
}

/** Stable per match and different for every funder, so funders cannot link teasers to each other's or to startups. */
function referenceOf(match: QualifiedMatch): string {
  return createHash('sha256').update(match._id).digest('hex').slice(0, 12);
}
