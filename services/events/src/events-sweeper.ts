import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { EVENTS_SYSTEM_ACTOR } from './common/system-actors';
import type { EventsEnvironment } from './config/events.environment';
import { RegistrationsService } from './registrations/registrations.service';
import { SiteEventsRepository } from './site-events/site-events.repository';
import { SiteEventsService } from './site-events/site-events.service';

/** An event that ended this long ago, and that staff did not complete, is completed by the sweeper. */
const COMPLETE_AFTER_MS = 12 * 60 * 60_000;

/**
 * The durable half of the events service: everything it acts on is in the database, so a crash
 * loses nothing. Each sweep settles registrations a crash left between their write and their seats,
 * finishes cancellations, and completes events that ended half a day ago.
 */
@Injectable()
export class EventsSweeper extends BackgroundTask {
  constructor(
    private readonly events: SiteEventsRepository,
    private readonly siteEvents: SiteEventsService,
    private readonly registrations: RegistrationsService,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: EventsEnvironment,
  ) {
    super({ name: 'events-sweep', intervalMs: environment.SWEEP_INTERVAL_SECONDS * 1000, mode: 'repeat' });
  }

  protected async run(): Promise<void> {
    const report = await this.sweep();
    if (Object.values(report).some((count) => count > 0)) this.logger.log({ msg: 'sweep', ...report });
  }

  async sweep(): Promise<{ settled: number; cancellationsFinished: number; completed: number }> {
    let settled = 0;
    let completed = 0;
    const now = this.clock.now().getTime();
    for (const event of await this.events.open()) {
      settled += await this.registrations.reconcile(event);
      if (new Date(event.endsAt).getTime() + COMPLETE_AFTER_MS < now) {
        await this.siteEvents.complete(event._id, EVENTS_SYSTEM_ACTOR);
        completed++;
      }
    }
    const unfinished = await this.events.cancelledUnfinished();
    for (const event of unfinished) await this.siteEvents.finishCancellation(event);
    return { settled, cancellationsFinished: unfinished.length, completed };
  }
}
