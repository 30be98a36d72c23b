import { Injectable } from '@nestjs/common';
import { mapPage, type Page } from '@technopark/platform';
import type { AuthorizedPrincipal } from '@technopark/security';
import type { Response } from 'express';
import { ProfilesRepository } from '../profiles/profiles.repository';
import { type IntroductionPage, type IntroductionView, introductionView } from './introduction.view';
import type { MoveResult } from './introduction-workflow.service';
import type { Introduction } from './schemas/introduction.schema';

/** Introductions as the caller sees them, with the startup's name once it consented. */
@Injectable()
export class IntroductionPresenter {
  constructor(private readonly profiles: ProfilesRepository) {}

  async one(introduction: Introduction, principal: AuthorizedPrincipal): Promise<IntroductionView> {
    const names = await this.namesOf([introduction.startupId]);
    return introductionView(introduction, principal.actingAs, names.get(introduction.startupId));
  }

  async page(page: Page<Introduction>, principal: AuthorizedPrincipal): Promise<IntroductionPage> {
    const names = await this.namesOf(page.items.map((item) => item.startupId));
    return mapPage(page, (item) => introductionView(item, principal.actingAs, names.get(item.startupId)));
  }

  /** The introduction after a move, flagged when a retry was answered from the first attempt. */
  answer(
    principal: AuthorizedPrincipal,
    response: Response,
    { introduction, replayed }: MoveResult,
  ): Promise<IntroductionView> {
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return this.one(introduction, principal);
  }

  private async namesOf(startupIds: string[]): Promise<Map<string, string>> {
    const profiles = await this.profiles.findByIds([...new Set(startupIds)]);
    return new Map(profiles.flatMap((profile) => (profile.name ? [[profile._id, profile.name] as const] : [])));
  }
}
