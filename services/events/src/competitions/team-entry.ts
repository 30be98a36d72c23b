import { assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import { notInOwnTeam, startupOrMembers } from './competitions.errors';
import type { EnterTeamDto } from './dto/competition.dto';

/** What a team entry enters: a startup, or a group of people. */
export interface Entry {
  readonly startupId?: string;
  readonly memberIds: string[];
}

/** Who a team entry enters, from the caller's role: its own startup, a group with themself, or what staff name. */
export function entryOf(body: EnterTeamDto, principal: AuthorizedPrincipal): Entry {
  if (principal.actingAs === 'individual') {
    if (body.startupId) throw startupOrMembers();
    const memberIds = [...new Set(body.memberIds ?? [principal.subject])];
    if (!memberIds.includes(principal.subject)) throw notInOwnTeam();
    return { memberIds };
  }
  const startupId = principal.actingAs === 'startup' ? (body.startupId ?? principal.startupId) : body.startupId;
  if (Boolean(startupId) === Boolean(body.memberIds)) throw startupOrMembers();
  if (startupId) {
    assertOwnStartup(principal, startupId);
    return { startupId, memberIds: [] };
  }
  return { memberIds: [...new Set(body.memberIds)] };
}
