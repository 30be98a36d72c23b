import { Injectable } from '@nestjs/common';
import {
  CompetitionResultsPublished,
  type EventActorV1,
  JUDGED_EVENT_KINDS,
  type JudgedEventKind,
} from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import { Clock } from '@technopark/platform';
import type { SiteEvent } from '../site-events/schemas/site-event.schema';
import { SiteEventsService } from '../site-events/site-events.service';
import {
  competitionChanged,
  competitionNotSetUp,
  duplicateCriterion,
  duplicatePrizeRank,
  eventCalledOff,
  notHeldYet,
  notJudged,
  resultsNotPublished,
  resultsPublished,
  scoringStarted,
} from './competitions.errors';
import { CompetitionsRepository } from './competitions.repository';
import { resultsOf } from './domain/results';
import type { PublishResultsDto, SetUpCompetitionDto } from './dto/competition.dto';
import { type Standing, standingsOf } from './domain/standings';
import type { Competition } from './schemas/competition.schema';

const HELD_OR_OPEN = new Set(['published', 'postponed', 'completed']);

/** How a site's competitions and hackathons are judged, ranked, and their results published once. */
@Injectable()
export class CompetitionsService {
  constructor(
    private readonly competitions: CompetitionsRepository,
    private readonly events: SiteEventsService,
    private readonly clock: Clock,
  ) {}

  async setUp(eventId: string, body: SetUpCompetitionDto, actor: EventActorV1): Promise<Competition> {
    const event = await this.judgedEvent(eventId);
    if (!HELD_OR_OPEN.has(event.status) && event.status !== 'draft') throw eventCalledOff(event.status);
    assertDistinct(body);
    const setUp = {
      rubric: body.rubric.map((criterion) => definedOnly({ ...criterion })),
      jurorIds: [...new Set(body.jurorIds)],
      prizes: body.prizes.map((prize) => definedOnly({ ...prize })),
      setUpBy: actor,
    };
    const read = await this.competitions.findCompetition(eventId);
    if (!read) return this.first({ _id: eventId, kind: event.kind as JudgedEventKind, ...setUp, version: 0 });
    if (read.results) throw resultsPublished();
    if (!sameRubric(read, body) && (await this.competitions.anyScore(eventId))) throw scoringStarted();
    const changed = await this.competitions.changeCompetition(read, { $set: setUp }, []);
    if (!changed) throw competitionChanged();
    return changed;
  }

  /** The first set-up; another one written meanwhile is the caller's to read again. */
  private async first(competition: Omit<Competition, 'createdAt' | 'updatedAt'>): Promise<Competition> {
    try {
      return await this.competitions.insertCompetition(competition);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw competitionChanged();
      throw error;
    }
  }

  async get(eventId: string): Promise<Competition> {
    const competition = await this.competitions.findCompetition(eventId);
    if (!competition) throw competitionNotSetUp(eventId);
    return competition;
  }

  /** Where each team stands now: its scores so far and, once every juror scored it, its average and rank. */
  async standings(eventId: string): Promise<{ competition: Competition; standings: Standing[] }> {
    const competition = await this.get(eventId);
    const [teams, scores] = await Promise.all([
      this.competitions.teamsOf(eventId),
      this.competitions.scoresOf(eventId),
    ]);
    return { competition, standings: standingsOf(competition, teams, scores) };
  }

  async publishResults(eventId: string, body: PublishResultsDto, actor: EventActorV1): Promise<Competition> {
    const event = await this.judgedEvent(eventId);
    if (!HELD_OR_OPEN.has(event.status)) throw eventCalledOff(event.status);
    if (this.clock.now() < event.startsAt) throw notHeldYet(event.startsAt);
    const { competition, standings } = await this.standings(eventId);
    if (competition.results) throw resultsPublished();
    const results = resultsOf(competition, standings, body.tieOrder ?? []);
    const published = await this.competitions.changeCompetition(
      competition,
      { $set: { results, resultsPublishedAt: this.clock.now(), resultsPublishedBy: actor } },
      [
        newEvent(CompetitionResultsPublished, {
          eventId,
          kind: competition.kind,
          jurors: competition.jurorIds.length,
          results,
          actor,
        }),
      ],
    );
    if (!published) throw competitionChanged();
    return published;
  }

  /** The published results, for anyone. */
  async results(eventId: string): Promise<Competition> {
    const competition = await this.competitions.findCompetition(eventId);
    if (!competition?.results) throw resultsNotPublished(eventId);
    return competition;
  }

  private async judgedEvent(eventId: string): Promise<SiteEvent> {
    const event = await this.events.get(eventId);
    if (!(JUDGED_EVENT_KINDS as readonly string[]).includes(event.kind)) throw notJudged(event.kind);
    return event;
  }
}

function assertDistinct(body: SetUpCompetitionDto): void {
  const criteria = body.rubric.map((each) => each.criterion);
  const repeated = criteria.filter((criterion, index) => criteria.indexOf(criterion) !== index);
  if (repeated.length > 0) throw duplicateCriterion([...new Set(repeated)]);
  const ranks = body.prizes.map((prize) => prize.rank);
  const repeatedRanks = ranks.filter((rank, index) => ranks.indexOf(rank) !== index);
  if (repeatedRanks.length > 0) throw duplicatePrizeRank([...new Set(repeatedRanks)]);
}

function sameRubric(read: Competition, body: SetUpCompetitionDto): boolean {
  const key = (rubric: readonly { criterion: string; weight: number }[]) =>
    JSON.stringify(rubric.map(({ criterion, weight }) => [criterion, weight]).sort());
  return key(read.rubric) === key(body.rubric);
}

/** The object without its undefined or null fields: they would be stored as null. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null)) as T;
}
