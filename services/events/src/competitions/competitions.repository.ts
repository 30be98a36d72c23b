import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { versionedWrite } from '@technopark/persistence';
import type { Model, UpdateQuery } from 'mongoose';
import { Competition } from './schemas/competition.schema';
import { JuryScore, juryScoreIdOf } from './schemas/jury-score.schema';
import { Team } from './schemas/team.schema';

/** The only place that touches competitions, their teams and the jury's scores. */
@Injectable()
export class CompetitionsRepository {
  constructor(
    @InjectModel(Competition.name) private readonly competitions: Model<Competition>,
    @InjectModel(Team.name) private readonly teams: Model<Team>,
    @InjectModel(JuryScore.name) private readonly scores: Model<JuryScore>,
    private readonly outbox: EventOutbox,
  ) {}

  findCompetition(eventId: string): Promise<Competition | null> {
    return this.competitions.findById(eventId).lean<Competition>();
  }

  async insertCompetition(competition: Omit<Competition, 'createdAt' | 'updatedAt'>): Promise<Competition> {
    return (await this.competitions.create(competition)).toObject();
  }

  /** A change to the competition as it was read; null when someone changed it meanwhile. */
  changeCompetition(
    read: Pick<Competition, '_id' | 'version'>,
    update: UpdateQuery<Competition>,
    events: NewEvent[],
  ): Promise<Competition | null> {
    const write = versionedWrite<Competition>(read, update);
    return this.outbox.update(this.competitions, write.filter, write.update, events);
  }

  async insertTeam(team: Omit<Team, 'createdAt' | 'updatedAt'>): Promise<Team> {
    return (await this.teams.create(team)).toObject();
  }

  findTeam(teamId: string): Promise<Team | null> {
    return this.teams.findById(teamId).lean<Team>();
  }

  teamsOf(eventId: string): Promise<Team[]> {
    return this.teams.find({ eventId }).sort({ createdAt: 1 }).lean<Team[]>();
  }

  /** A juror's marks for a team, replacing the ones they gave before. */
  async putScore(score: Omit<JuryScore, '_id' | 'createdAt' | 'updatedAt'>): Promise<JuryScore> {
    const _id = juryScoreIdOf(score.teamId, score.jurorId);
    const { comment, ...given } = score;
    return this.scores
      .findOneAndUpdate(
        { _id },
        {
          $set: { ...given, ...(comment !== undefined && { comment }) },
          ...(comment === undefined && { $unset: { comment: '' } }),
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<JuryScore>() as Promise<JuryScore>;
  }

  scoresOf(eventId: string): Promise<JuryScore[]> {
    return this.scores.find({ eventId }).lean<JuryScore[]>();
  }

  async anyScore(eventId: string): Promise<boolean> {
    return (await this.scores.findOne({ eventId }, { _id: 1 }).lean()) !== null;
  }
}
