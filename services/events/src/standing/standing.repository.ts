import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { applyOnce, type EffectOutcome, type ReceivedEvent } from '@technopark/messaging';
import type { Model, UpdateQuery } from 'mongoose';
import { StartupStanding } from './schemas/startup-standing.schema';

/** The only place that touches the startup standings collection. */
@Injectable()
export class StandingRepository {
  constructor(@InjectModel(StartupStanding.name) private readonly standings: Model<StartupStanding>) {}

  applyEvent(
    startupId: string,
    update: UpdateQuery<StartupStanding>,
    event: Pick<ReceivedEvent, 'id'>,
  ): Promise<EffectOutcome> {
    return applyOnce(this.standings, startupId, update, event);
  }

  findById(id: string): Promise<StartupStanding | null> {
    return this.standings.findById(id, { _appliedEvents: 0 }).lean<StartupStanding>();
  }
}
