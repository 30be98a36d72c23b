import { Injectable } from '@nestjs/common';
import { type EventActorV1, JUDGED_EVENT_KINDS } from '@technopark/contracts';
import { isDuplicateKeyError } from '@technopark/persistence';
import { Clock, rubricScore } from '@technopark/platform';
import { assertOwnEvent, type AuthorizedPrincipal } from '@technopark/security';
import { derivedIdOf, registrationIdOf } from '../registrations/domain/registration-id';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import type { Registrant } from '../registrations/schemas/registration.schema';
import { SiteEventsService } from '../site-events/site-events.service';
import {
  eventCalledOff,
  memberTaken,
  notAJuror,
  notJudged,
  notRegistered,
  resultsPublished,
  teamExists,
  teamNotFound,
} from './competitions.errors';
import { CompetitionsRepository } from './competitions.repository';
import { CompetitionsService } from './competitions.service';
import type { EnterTeamDto, ScoreTeamDto } from './dto/competition.dto';
import { type Entry, entryOf } from './team-entry';
import type { JuryScore } from './schemas/jury-score.schema';
import type { Team } from './schemas/team.schema';

const ENTRY_STATUSES = new Set(['draft', 'published', 'postponed']);
/** A claim older than this whose team was never written is an interrupted entry's: another may take it. */
const STALE_CLAIM_MS = 60_000;

/** Teams entering a competition, and the jurors' scores of them. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly competitions: CompetitionsRepository,
    private readonly setUps: CompetitionsService,
    private readonly events: SiteEventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly clock: Clock,
  ) {}

  /** A startup's team (its members registered with it) or a group of people each registered themself. */
  async enter(eventId: string, body: EnterTeamDto, principal: AuthorizedPrincipal, actor: EventActorV1): Promise<Team> {
    await this.assertOpenForEntries(eventId);
    const entry = entryOf(body, principal);
    const places = await this.confirmedPlaces(eventId, entry);
    const team = {
      _id: derivedIdOf(
        entry.startupId
          ? `team|${eventId}|startup:${entry.startupId}`
          : `team|${eventId}|name:${body.name.trim().toLowerCase()}`,
      ),
      eventId,
      name: body.name.trim(),
      ...(entry.startupId && { startupId: entry.startupId }),
      memberIds: entry.memberIds,
      memberCount: entry.startupId ? places : entry.memberIds.length,
      enteredBy: actor,
    };
    const exists = () => teamExists(entry.startupId ? 'this startup' : `a team named '${team.name}'`);
    if (await this.competitions.findTeam(team._id)) throw exists();
    const claimed = await this.claimMembers(eventId, team._id, entry.memberIds);
    try {
      const entered = await this.competitions.insertTeam(team);
      await this.registrations.settleTeamClaims(claimed, team._id);
      return entered;
    } catch (error) {
      await this.registrations.releaseFromTeam(claimed, team._id);
      if (isDuplicateKeyError(error)) throw exists();
      throw error;
    }
  }

  teams(eventId: string): Promise<Team[]> {
    return this.competitions.teamsOf(eventId);
  }

  /** A juror's marks for a team by the rubric; scoring again replaces their earlier marks. */
  async score(eventId: string, teamId: string, body: ScoreTeamDto, principal: AuthorizedPrincipal): Promise<JuryScore> {
    assertOwnEvent(principal, eventId);
    const competition = await this.setUps.get(eventId);
    if (!competition.jurorIds.includes(principal.subject)) throw notAJuror();
    if (competition.results) throw resultsPublished();
    const team = await this.competitions.findTeam(teamId);
    if (team?.eventId !== eventId) throw teamNotFound(teamId);
    const score = rubricScore(competition.rubric, body.marks, 'COMPETITION.MARKS_DO_NOT_FIT_RUBRIC');
    return this.competitions.putScore({
      eventId,
      teamId,
      jurorId: principal.subject,
      marks: body.marks,
      score,
      ...(body.comment !== undefined && { comment: body.comment }),
    });
  }

  private async assertOpenForEntries(eventId: string): Promise<void> {
    const event = await this.events.get(eventId);
    if (!(JUDGED_EVENT_KINDS as readonly string[]).includes(event.kind)) throw notJudged(event.kind);
    const competition = await this.competitions.findCompetition(eventId);
    if (competition?.results) throw resultsPublished();
    if (!ENTRY_STATUSES.has(event.status)) throw eventCalledOff(event.status);
  }

  /**
   * Each member's place, claimed for the team with one conditional write, so that two entries racing
   * for one person cannot both have them. A person in another team fails the entry, which gives
   * back what it claimed.
   */
  private async claimMembers(eventId: string, teamId: string, memberIds: readonly string[]): Promise<string[]> {
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
    const claimed: string[] = [];
    const taken: string[] = [];
    for (const personId of memberIds) {
      const id = registrationIdOf(eventId, { kind: 'individual', personId });
      if (await this.registrations.claimForTeam(id, teamId, now, staleBefore)) claimed.push(id);
      else taken.push(personId);
    }
    if (taken.length === 0) return claimed;
    await this.registrations.releaseFromTeam(claimed, teamId);
    throw memberTaken(taken);
  }

  /** The seats a startup's team holds, or checks every member of a group holds a place; refuses anyone without one. */
  private async confirmedPlaces(eventId: string, entry: Entry): Promise<number> {
    const registrants: Registrant[] = entry.startupId
      ? [{ kind: 'startup', startupId: entry.startupId }]
      : entry.memberIds.map((personId) => ({ kind: 'individual', personId }));
    const places = await Promise.all(
      registrants.map((registrant) => this.registrations.findById(registrationIdOf(eventId, registrant))),
    );
    const missing = registrants.filter((_, index) => places[index]?.status !== 'confirmed');
    if (missing.length > 0) throw notRegistered(missing.map((each) => each.startupId ?? (each.personId as string)));
    return places.reduce((sum, place) => sum + (place?.seats ?? 0), 0);
  }
}
