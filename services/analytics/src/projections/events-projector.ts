import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type OccupancyChangedV1, type ResidencyEndedV1, type ResidencyStartedV1, type ResidentReportSubmittedV1, type StartupRegisteredV1 } from '@technopark/contracts';
import { insertOnce, type ReceivedEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { JobsRepository } from '../economy/jobs.repository';
import { cellId } from '../kpis/kpi-cell.schema';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { SiteOccupancy } from '../occupancy/site-occupancy.schema';
import { KpiVersionRepository } from '../stream/kpi-version.repository';
import { TimelineEntry } from '../timeline/timeline-entry.schema';
import { cohortJoinIncrements, cohortLossIncrements } from './cohort.projection';
import { dayHistogramIncrements, decisionTimeIncrements, isDecision } from './decision-time.projection';
import { quarterIncrements } from './economy.projection';
import { Submission } from './submission.schema';
import { type CellIncrement, funnelIncrements } from './funnel.projection';
import { arrivalIncrements, departureIncrements } from './residency.projection';
import { sectorContributionsOf } from '../sectors/sector.projection';
import { StartupSectorsRepository } from '../sectors/startup-sectors.repository';

const TYPE = {
  submitted: 'ma.technopark.application.submitted.v1',
  waitlisted: 'ma.technopark.residency.waitlisted.v1',
  allocated: 'ma.technopark.residency.allocated.v1',
  started: 'ma.technopark.residency.started.v1',
  ended: 'ma.technopark.residency.ended.v1',
  report: 'ma.technopark.resident.report-submitted.v1',
  occupancy: 'ma.technopark.occupancy.changed.v1',
  registered: 'ma.technopark.startup.registered.v1',
  profileUpdated: 'ma.technopark.startup.profile-updated.v1',
} as const;

/**
 * Turns one platform event into every projection it feeds: the startup's timeline, the KPI cells,
 * jobs and the site's occupancy. Each effect is idempotent on its own, so a redelivery, a replay
 * from the beginning or a crash half-way ends in the same figures.
 */
@Injectable()
export class EventsProjector {
  constructor(
    private readonly cells: KpiCellsRepository,
    private readonly jobs: JobsRepository,
    @InjectModel(TimelineEntry.name) private readonly timeline: Model<TimelineEntry>,
    @InjectModel(SiteOccupancy.name) private readonly occupancy: Model<SiteOccupancy>,
    private readonly versions: KpiVersionRepository,
    @InjectModel(Submission.name) private readonly submissions: Model<Submission>,
    private readonly sectors: StartupSectorsRepository,
  ) {}

  async project(event: ReceivedEvent<object>): Promise<void> {
    const increments = [...this.incrementsOf(event), ...(await this.decisionTime(event)), ...(await this.waitTime(event))];
    const data = event.data as { startupId?: string };
    if (data.startupId) {
      const cells = increments.map(({ site, kpi, period, dimension }) => cellId(site, kpi, period, dimension));
      await insertOnce(this.timeline, { _id: event.id, startupId: data.startupId, site: event.site, type: event.type, subject: event.subject, time: event.time, data: event.data as Record<string, unknown>, cells });
    }
    const counted = await this.cells.apply(increments, event);
    const countedBySector = await this.countBySector(event, increments);
    const jobsChanged = event.type === TYPE.report && (await this.jobs.onReport(event as ReceivedEvent<ResidentReportSubmittedV1>));
    const occupancyChanged = event.type === TYPE.occupancy && (await this.keepLatestOccupancy(event as ReceivedEvent<OccupancyChangedV1>));
    // A redelivery changes nothing, and pushes nothing to dashboards.
    if (counted || countedBySector || jobsChanged || occupancyChanged) await this.versions.bump();
  }

  /** The funnel per sector follows the startup's profile, read from the startups topic. */
  private countBySector(event: ReceivedEvent<object>, increments: readonly CellIncrement[]): Promise<boolean> {
    if (event.type === TYPE.registered || event.type === TYPE.profileUpdated) return this.sectors.onProfile(event as ReceivedEvent<StartupRegisteredV1>);
    const { startupId, programId } = event.data as { startupId?: string; programId?: string };
    if (!startupId) return Promise.resolve(false);
    return this.sectors.onFunnelCounts(event as ReceivedEvent<{ startupId: string }>, sectorContributionsOf(event.id, increments, programId));
  }

  /** Remembers when startups join the waitlist, and times their allocation against it (same key: in order). */
  private async waitTime(event: ReceivedEvent<object>) {
    const { residencyId } = event.data as { residencyId?: string };
    if (!residencyId || (event.type !== TYPE.waitlisted && event.type !== TYPE.allocated)) return [];
    const id = `${event.site}|waitlist|${residencyId}`;
    if (event.type === TYPE.waitlisted) {
      await this.submissions.updateOne({ _id: id }, { $set: { submittedAt: event.time } }, { upsert: true });
      return [];
    }
    const waiting = await this.submissions.findById(id).lean<Submission>();
    return waiting ? dayHistogramIncrements('waitlist.wait-days', event.site, waiting.submittedAt, event.time) : [];
  }

  /** Remembers submissions, and times decisions against them (the same key keeps both in order). */
  private async decisionTime(event: ReceivedEvent<object>) {
    const data = event.data as { applicationId?: string; submittedAt?: string; programId?: string };
    if (!data.applicationId) return [];
    const id = `${event.site}|${data.applicationId}`;
    if (event.type === TYPE.submitted && data.submittedAt) {
      await this.submissions.updateOne({ _id: id }, { $set: { submittedAt: data.submittedAt } }, { upsert: true });
      return [];
    }
    if (!isDecision(event.type)) return [];
    const submission = await this.submissions.findById(id).lean<Submission>();
    return submission ? decisionTimeIncrements(event.site, event.time, submission.submittedAt, data.programId ?? 'unknown') : [];
  }

  private incrementsOf(event: ReceivedEvent<object>) {
    switch (event.type) {
      case TYPE.started:
        return [...arrivalIncrements(event.site, event.data as ResidencyStartedV1), ...cohortJoinIncrements(event.site, event.data as ResidencyStartedV1)];
      case TYPE.ended:
        return [...departureIncrements(event.site, event.data as ResidencyEndedV1), ...cohortLossIncrements(event.site, event.data as ResidencyEndedV1)];
      case TYPE.report:
        return quarterIncrements(event.site, event.data as ResidentReportSubmittedV1);
      default:
        return funnelIncrements(event.type, event.site, event.time, event.data as { programId?: string });
    }
  }

  private async keepLatestOccupancy(event: ReceivedEvent<OccupancyChangedV1>): Promise<boolean> {
    const { version, ...figures } = event.data;
    try {
      const { modifiedCount, upsertedCount } = await this.occupancy.updateOne({ _id: event.site, version: { $lt: version } }, { $set: { version, figures, asOf: event.time } }, { upsert: true });
      return modifiedCount + upsertedCount > 0;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return false; // the same or a newer version is already kept
    }
  }
}
