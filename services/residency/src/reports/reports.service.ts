import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type ActorV1, ResidentReportSubmitted } from '@technopark/contracts';
import { EventOutbox, newEvent } from '@technopark/messaging';
import { isDuplicateKeyError } from '@technopark/persistence';
import { Clock, findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter } from 'mongoose';
import { referenceOf } from '../residencies/residency-reference';
import type { Residency } from '../residencies/schemas/residency.schema';
import type { SubmitReportDto } from './dto/report.dto';
import { ResidentReport } from './report.schema';
import { notAResident, periodInFuture, reportExists } from './reports.errors';

/** Residents' quarterly figures: one report per residency and quarter, published as it is stored. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectModel(ResidentReport.name) private readonly reports: Model<ResidentReport>,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  /** Residents and alumni report; a startup that never moved in has nothing to report. */
  async submit(residency: Residency, figures: SubmitReportDto, actor: ActorV1): Promise<ResidentReport> {
    if (!residency.startedOn) {
      throw notAResident(residency._id, residency.status);
    }
    const [year, quarter] = figures.period.split('-Q').map(Number) as [number, number];
    const periodStart = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    if (periodStart > this.clock.today()) throw periodInFuture(figures.period);
    const event = newEvent(ResidentReportSubmitted, { ...referenceOf(residency, actor), ...figures });
    try {
      return await this.outbox.insert(
        this.reports,
        {
          _id: `${residency._id}:${figures.period}`,
          residencyId: residency._id,
          startupId: residency.startupId,
          ...figures,
          submittedBy: actor,
        },
        [event],
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw reportExists(residency._id, figures.period);
      throw error;
    }
  }

  list(
    filter: QueryFilter<ResidentReport>,
    page: Omit<PageRequest, 'sortField' | 'direction'>,
  ): Promise<Page<ResidentReport>> {
    return findPage(this.reports, filter, { ...page, sortField: 'period', direction: -1 });
  }
}
