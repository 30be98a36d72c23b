import { Injectable } from '@nestjs/common';
import { BackgroundTask } from '@technopark/platform';
import { ReachRepository } from './reach.repository';

/**
 * Once, after boot (and whenever the database is back): gives an upgraded site's residency spans
 * their state, then puts its open residencies into their one document per site.
 */
@Injectable()
export class SpanStateUpgrade extends BackgroundTask {
  constructor(private readonly reach: ReachRepository) {
    super({ name: 'SpanStateUpgrade', intervalMs: 5_000, mode: 'once' });
  }

  protected async run(): Promise<void> {
    const upgraded = await this.reach.upgradeStatelessSpans();
    if (upgraded > 0) this.logger.log({ msg: 'residency spans given their state and quarters', spans: upgraded });
    const sites = await this.reach.upgradeOpenResidencies();
    if (sites > 0) this.logger.log({ msg: 'open residencies gathered per site', sites });
  }
}
