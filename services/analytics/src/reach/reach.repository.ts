import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { insertOnce } from '@technopark/messaging';
import type { Model } from 'mongoose';
import { type Quarter, quarterOf } from './quarter';
import { type QuarterReach, quarterReachOf } from './quarter-reach';
import { ResidencySpan, StartupReach } from './reach.schemas';

/**
 * The startups reached per quarter and the residencies' spans. Both are kept as facts that hold
 * whatever order their events arrive in (a check-in before the residency's start is read, a replay),
 * and a quarter's figure is their intersection, read when asked: at most a site's residents.
 */
@Injectable()
export class ReachRepository {
  constructor(
    @InjectModel(StartupReach.name) private readonly reach: Model<StartupReach>,
    @InjectModel(ResidencySpan.name) private readonly spans: Model<ResidencySpan>,
  ) {}

  /** A check-in of someone of a startup; true when it is the startup's first in the quarter. */
  async reached(site: string, startupId: string, checkedInAt: string): Promise<boolean> {
    const quarter = quarterOf(checkedInAt);
    const outcome = await insertOnce(this.reach, { _id: `${site}|${quarter}|${startupId}`, site, quarter, startupId });
    return outcome === 'applied';
  }

  /** A residency's start or end; true when it told something new. */
  async spanned(
    site: string,
    residency: { residencyId: string; startupId: string; startedOn?: string; endedOn?: string },
  ): Promise<boolean> {
    const { residencyId, startupId, startedOn, endedOn } = residency;
    const known = { ...(startedOn && { startedOn }), ...(endedOn && { endedOn }) };
    const { modifiedCount, upsertedCount } = await this.spans.updateOne(
      { _id: `${site}|${residencyId}` },
      { $set: { site, startupId, ...known } },
      { upsert: true },
    );
    return modifiedCount + upsertedCount > 0;
  }

  async ofQuarter(quarter: Quarter, site?: string): Promise<QuarterReach> {
    const scope = site ? { site } : {};
    const [reached, spans] = await Promise.all([
      this.reach.find({ quarter, ...scope }, { startupId: 1, site: 1 }).lean<StartupReach[]>(),
      this.spans.find(scope).lean<ResidencySpan[]>(),
    ]);
    return quarterReachOf(quarter, reached, spans);
  }
}
