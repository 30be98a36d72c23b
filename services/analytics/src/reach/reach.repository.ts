import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { collidedOnKey, insertOnce } from '@technopark/messaging';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { type Quarter, quarterDays, quarterOf, quartersBetween } from './quarter';
import { type QuarterReach, quarterReachOf, type ResidencySpanFacts } from './quarter-reach';
import { ResidencySpan, ResidentQuarter, type SpanState, StartupReach } from './reach.schemas';

/**
 * The startups reached per quarter and the residencies' spans. Both are kept as facts that hold
 * whatever order their events arrive in (a check-in before the residency's start is read, a replay),
 * and a quarter's figure is their intersection, read when asked from three equality lookups: the
 * quarter's reached startups, the quarter's residents of ended residencies, and the open residencies
 * (at most a site's residents), so an answer does not grow with the site's history.
 */
/** One-time upgrades of a site's analytics data, by name. */
export const MIGRATIONS_COLLECTION = 'migrations';
const SPAN_STATES_MIGRATION = 'residency-span-states';

@Injectable()
export class ReachRepository {
  constructor(
    @InjectModel(StartupReach.name) private readonly reach: Model<StartupReach>,
    @InjectModel(ResidencySpan.name) private readonly spans: Model<ResidencySpan>,
    @InjectModel(ResidentQuarter.name) private readonly residentQuarters: Model<ResidentQuarter>,
  ) {}

  /**
   * Spans written before they had a state (an upgraded site) get it, and their quarters, once: a
   * marker in `migrations` saves later starts the scan of every span. Returns how many it upgraded.
   */
  async upgradeStatelessSpans(): Promise<number> {
    const migrations = this.spans.db.collection<{ _id: string; at: Date }>(MIGRATIONS_COLLECTION);
    if (await migrations.findOne({ _id: SPAN_STATES_MIGRATION })) return 0;
    const stateless = await this.spans.find({ state: { $exists: false } }).lean<ResidencySpan[]>();
    for (const span of stateless) {
      await this.recordQuarters(span);
      await this.spans.updateOne({ _id: span._id }, { $min: { state: stateOf(span) } });
    }
    await migrations.updateOne({ _id: SPAN_STATES_MIGRATION }, { $set: { at: new Date() } }, { upsert: true });
    return stateless.length;
  }

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
    const id = `${site}|${residencyId}`;
    const before = await this.spans
      .findOneAndUpdate(
        { _id: id },
        {
          $set: { site, startupId, ...known },
          ...(endedOn || startedOn ? { $min: { state: endedOn ? 'closed' : 'open' } } : {}),
        },
        { upsert: true, returnDocument: 'before' },
      )
      .lean<ResidencySpan>();
    const after: ResidencySpan = { ...before, _id: id, site, startupId, ...known };
    // Always, not only on a change: a crash may have come between the span and its quarters.
    await this.recordQuarters(after);
    return !before || before.startedOn !== after.startedOn || before.endedOn !== after.endedOn || before.site !== site;
  }

  async ofQuarter(quarter: Quarter, site?: string): Promise<QuarterReach> {
    const scope = site ? { site } : {};
    const { first, last } = quarterDays(quarter);
    const [reached, ended, open] = await Promise.all([
      this.reach.find({ quarter, ...scope }, { startupId: 1, site: 1 }).lean<StartupReach[]>(),
      this.residentQuarters.find({ quarter, ...scope }, { startupId: 1, site: 1 }).lean<ResidentQuarter[]>(),
      this.spans.find({ state: 'open', ...scope }).lean<ResidencySpan[]>(),
    ]);
    const spans: ResidencySpanFacts[] = [
      ...ended.map(({ site: of, startupId }) => ({ site: of, startupId, startedOn: first, endedOn: last })),
      ...open,
    ];
    return quarterReachOf(quarter, reached, spans);
  }

  /** An ended span's quarters, once its both ends are known. */
  private async recordQuarters(span: ResidencySpanFacts & { _id: string }): Promise<void> {
    if (!span.startedOn || !span.endedOn) return;
    const residencyId = span._id.slice(span.site.length + 1);
    const facts = quartersBetween(span.startedOn, span.endedOn).map((quarter) => ({
      _id: `${span.site}|${quarter}|${residencyId}`,
      site: span.site,
      quarter,
      startupId: span.startupId,
    }));
    for (let start = 0; start < facts.length; start += STATEMENTS_PER_WRITE) {
      try {
        await this.residentQuarters.insertMany(facts.slice(start, start + STATEMENTS_PER_WRITE), { ordered: false });
      } catch (error) {
        // Recorded already (a redelivery, or the start and the end each saw both ends).
        if (!collidedOnKey(error)) throw error;
      }
    }
  }
}

function stateOf(span: ResidencySpanFacts): SpanState {
  return span.endedOn ? 'closed' : 'open';
}
