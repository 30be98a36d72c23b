import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { collidedOnKey, type EventEffects, insertOnce } from '@technopark/messaging';
import { isDuplicateKeyError, STATEMENTS_PER_WRITE } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { type Quarter, quarterDays, quarterOf, quartersBetween } from './quarter';
import { type QuarterReach, quarterReachOf, type ResidencySpanFacts } from './quarter-reach';
import { OpenResidencies, ResidencySpan, ResidentQuarter, type SpanState, StartupReach } from './reach.schemas';

/**
 * The startups reached per quarter and the residencies' spans. Both are kept as facts that hold
 * whatever order their events arrive in (a check-in before the residency's start is read, a replay),
 * and a quarter's figure is their intersection, read when asked from three equality lookups: the
 * quarter's reached startups, the quarter's residents of ended residencies, and the site's open
 * residencies (at most its residents, kept in one document), so an answer does not grow with the
 * site's history.
 */
/** One-time upgrades of a site's analytics data, by name. */
export const MIGRATIONS_COLLECTION = 'migrations';
const SPAN_STATES_MIGRATION = 'residency-span-states';
const OPEN_RESIDENCIES_MIGRATION = 'open-residencies';

@Injectable()
export class ReachRepository {
  constructor(
    @InjectModel(StartupReach.name) private readonly reach: Model<StartupReach>,
    @InjectModel(ResidencySpan.name) private readonly spans: Model<ResidencySpan>,
    @InjectModel(ResidentQuarter.name) private readonly residentQuarters: Model<ResidentQuarter>,
    @InjectModel(OpenResidencies.name) private readonly openResidencies: Model<OpenResidencies>,
  ) {}

  /** Whether every site's open residencies are in `open_residencies`; once true, true for good. */
  private openResidenciesBuilt = false;

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
      await this.openResidencies.updateOne({ _id: span.site }, opennessUpdate(span), { upsert: true });
    }
    await migrations.updateOne({ _id: SPAN_STATES_MIGRATION }, { $set: { at: new Date() } }, { upsert: true });
    return stateless.length;
  }

  /**
   * Puts an upgraded site's open residencies into `open_residencies` once, site by site. Each site's
   * document is written only if no residency of the site changed it since its version was read
   * (before its spans were), so a residency that opens or ends meanwhile is never undone. Until
   * then, a quarter's open residents are read from the spans. Returns how many sites it built.
   */
  async upgradeOpenResidencies(): Promise<number> {
    const migrations = this.spans.db.collection<{ _id: string; at: Date }>(MIGRATIONS_COLLECTION);
    if (await migrations.findOne({ _id: OPEN_RESIDENCIES_MIGRATION })) return 0;
    const open = await this.spans.find({ state: 'open' }, { site: 1 }).lean<Pick<ResidencySpan, 'site'>[]>();
    const sites = [...new Set(open.map(({ site }) => site))];
    for (const site of sites) await this.buildOpenResidencies(site);
    await migrations.updateOne({ _id: OPEN_RESIDENCIES_MIGRATION }, { $set: { at: new Date() } }, { upsert: true });
    return sites.length;
  }

  private async buildOpenResidencies(site: string): Promise<void> {
    for (;;) {
      const version = (await this.openResidencies.findById(site, { version: 1 }).lean<OpenResidencies>())?.version ?? 0;
      const open = await this.spans.find({ state: 'open', site }).lean<ResidencySpan[]>();
      const residents = Object.fromEntries(
        open.flatMap((span) => (span.startedOn ? [[residencyIdOf(span), openEntryOf(span, span.startedOn)]] : [])),
      );
      try {
        const written = await this.openResidencies.updateOne(
          { _id: site, version },
          { $set: { residents }, $inc: { version: 1 } },
          { upsert: true },
        );
        if (written.matchedCount + written.upsertedCount === 1) return;
      } catch (error) {
        // Created meanwhile by a residency of the site: read again.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  /** A check-in of someone of a startup; true when it is the startup's first in the quarter. */
  async reached(site: string, startupId: string, checkedInAt: string): Promise<boolean> {
    const quarter = quarterOf(checkedInAt);
    const outcome = await insertOnce(this.reach, { _id: `${site}|${quarter}|${startupId}`, site, quarter, startupId });
    return outcome === 'applied';
  }

  /**
   * A residency's start or end; true when it told something new. The site's open residencies
   * follow, with the batch: the entry is set or removed from the span as it now stands, so a
   * redelivery or an end read before its start leaves the same entry.
   */
  async spanned(
    site: string,
    residency: { residencyId: string; startupId: string; startedOn?: string; endedOn?: string },
    batch: EventEffects,
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
    batch.updateLast(this.openResidencies, site, opennessUpdate(after));
    return !before || before.startedOn !== after.startedOn || before.endedOn !== after.endedOn || before.site !== site;
  }

  async ofQuarter(quarter: Quarter, site?: string): Promise<QuarterReach> {
    const scope = site ? { site } : {};
    const { first, last } = quarterDays(quarter);
    const [reached, ended, open] = await Promise.all([
      this.reach.find({ quarter, ...scope }, { startupId: 1, site: 1 }).lean<StartupReach[]>(),
      this.residentQuarters.find({ quarter, ...scope }, { startupId: 1, site: 1 }).lean<ResidentQuarter[]>(),
      this.openSpans(site),
    ]);
    const spans: ResidencySpanFacts[] = [
      ...ended.map(({ site: of, startupId }) => ({ site: of, startupId, startedOn: first, endedOn: last })),
      ...open,
    ];
    return quarterReachOf(quarter, reached, spans);
  }

  /** The open residencies of a site, or of every site. */
  private async openSpans(site?: string): Promise<ResidencySpanFacts[]> {
    if (!(await this.openResidenciesAreBuilt()))
      return this.spans.find({ state: 'open', ...(site ? { site } : {}) }).lean<ResidencySpan[]>();
    const documents = await this.openResidencies.find(site ? { _id: site } : {}).lean<OpenResidencies[]>();
    return documents.flatMap(({ _id, residents }) =>
      Object.values(residents ?? {}).map((entry) => {
        const [startupId = '', startedOn] = entry.split('|');
        return { site: _id, startupId, startedOn };
      }),
    );
  }

  private async openResidenciesAreBuilt(): Promise<boolean> {
    if (!this.openResidenciesBuilt) {
      const migrations = this.spans.db.collection<{ _id: string }>(MIGRATIONS_COLLECTION);
      this.openResidenciesBuilt = (await migrations.findOne({ _id: OPEN_RESIDENCIES_MIGRATION })) !== null;
    }
    return this.openResidenciesBuilt;
  }

  /** An ended span's quarters, once its both ends are known. */
  private async recordQuarters(span: ResidencySpanFacts & { _id: string }): Promise<void> {
    if (!span.startedOn || !span.endedOn) return;
    const residencyId = residencyIdOf(span);
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

function residencyIdOf(span: { _id: string; site: string }): string {
  return span._id.slice(span.site.length + 1);
}

function openEntryOf(span: ResidencySpanFacts, startedOn: string): string {
  return `${span.startupId}|${startedOn}`;
}

/**
 * The change of a site's open residencies that a span, as it now stands, makes: open once started
 * and not ended. `version` counts changes for the one-time build (see `upgradeOpenResidencies`).
 */
function opennessUpdate(span: ResidencySpanFacts & { _id: string }) {
  const key = `residents.${residencyIdOf(span)}`;
  return span.startedOn && stateOf(span) === 'open'
    ? { $set: { [key]: openEntryOf(span, span.startedOn) }, $inc: { version: 1 } }
    : { $unset: { [key]: '' }, $inc: { version: 1 } };
}
