import { Injectable } from '@nestjs/common';
import type { Page } from '@technopark/platform';
import { assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import type { QueryFilter } from 'mongoose';
import { HOLDING_SPACE } from './domain/residency-lifecycle';
import type { ResidencyListQuery } from './dto/residency-list.query';
import { ResidenciesRepository } from './residencies.repository';
import { ResidencyWorkflowService } from './residency-workflow.service';
import type { Residency } from './schemas/residency.schema';

/** Reads residencies as the caller may: a startup token sees its own only. */
@Injectable()
export class ResidencyQueries {
  constructor(
    private readonly residencies: ResidenciesRepository,
    private readonly workflow: ResidencyWorkflowService,
  ) {}

  /** Newest acceptance first; a startup token sees its own residencies only, and none when it names no startup. */
  list(query: ResidencyListQuery, principal: AuthorizedPrincipal): Promise<Page<Residency>> {
    const own =
      principal.actingAs === 'startup'
        ? { startupId: principal.startupId ?? { $exists: false } }
        : query.startupId
          ? { startupId: query.startupId }
          : {};
    const filter: QueryFilter<Residency> = {
      ...(query.status ? { status: query.status } : {}),
      ...own,
      ...(query.programId ? { programId: query.programId } : {}),
      ...(query.spaceId ? { 'space.spaceId': query.spaceId, status: query.status ?? { $in: [...HOLDING_SPACE] } } : {}),
    };
    return this.residencies.list(filter, {
      limit: query.limit,
      cursor: query.cursor,
      sortField: 'acceptedAt',
      direction: -1,
    });
  }

  async get(id: string, principal: AuthorizedPrincipal): Promise<Residency> {
    const residency = await this.workflow.get(id);
    assertOwnStartup(principal, residency.startupId);
    return residency;
  }
}
