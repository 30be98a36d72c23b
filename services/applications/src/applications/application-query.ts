import type { QueryFilter } from 'mongoose';
import { escapeRegex } from '../common/text';
import type { ApplicationQuery, ApplicationSort } from './dto/application-query.dto';
import type { Application } from './schemas/application.schema';

/** The list filters as one MongoDB filter; absent ones do not constrain. */
export function applicationFilterOf(query: ApplicationQuery): QueryFilter<Application> {
  const { status, programId, callId, startupId, sector, stage, q, createdFrom, createdTo } = query;
  const created = { ...(createdFrom && { $gte: createdFrom }), ...(createdTo && { $lt: createdTo }) };
  return {
    ...(status && { status }),
    ...(programId && { programId }),
    ...(callId && { callId }),
    ...(startupId && { startupId }),
    ...(sector && { 'startup.sectors': sector }),
    ...(stage && { 'startup.stage': stage }),
    ...(q && { 'startup.nameKey': { $regex: escapeRegex(q.toLowerCase()) } }),
    ...(Object.keys(created).length > 0 && { createdAt: created }),
  };
}

const SORT_FIELDS: Record<string, string> = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  startupName: 'startup.nameKey',
};

export function sortOf(sort: ApplicationSort): { sortField: string; direction: 1 | -1 } {
  const descending = sort.startsWith('-');
  return { sortField: SORT_FIELDS[descending ? sort.slice(1) : sort] as string, direction: descending ? -1 : 1 };
}
