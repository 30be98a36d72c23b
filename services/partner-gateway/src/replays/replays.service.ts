import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError, UnprocessableError } from '@technopark/platform';
import { FeedLogRepository } from '../feed/feed-log.repository';
import { FeedRouter } from '../feed/feed-router';
import { subscriptionNotIn } from '../subscriptions/subscriptions.errors';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import type { ReplayDto, ReplayView } from './replay.dto';

/** Records read per round trip. */
const BATCH = 1_000;

/**
 * Sends a subscription's feed again from a time or an event: read from the feed log, with the
 * consent and filters of today (a startup that revoked since is not sent again), each delivery new
 * and marked as a replay.
 */
@Injectable()
export class ReplaysService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly feedLog: FeedLogRepository,
    private readonly router: FeedRouter,
  ) {}

  async replay(partnerId: string, subscriptionId: string, start: ReplayDto): Promise<ReplayView> {
    const subscription = await this.subscriptions.get(partnerId, subscriptionId);
    if (subscription.status === 'ended') throw subscriptionNotIn(subscriptionId, subscription.status, 'replayed');
    const replayId = `replay-${randomUUID()}`;
    const from = start.from !== undefined ? new Date(start.from) : undefined;
    let position = await this.startOf(start);
    let scanned = 0;
    let queued = 0;
    for (
      let batch = await this.feedLog.after(position, BATCH);
      batch.length > 0;
      batch = await this.feedLog.after(position, BATCH)
    ) {
      scanned += batch.length;
      position = (batch.at(-1) as { sequence: number }).sequence;
      const wanted = from ? batch.filter((record) => new Date(record.occurredAt) >= from) : batch;
      queued += await this.router.queue(wanted, [subscription], { replayId });
    }
    return { replayId, scanned, queued };
  }

  private async startOf(start: ReplayDto): Promise<number> {
    if (start.from !== undefined && start.afterEventId !== undefined)
      throw new UnprocessableError('REPLAY.TWO_STARTS', 'give from or afterEventId, not both');
    if (start.afterEventId === undefined) return 0;
    const sequence = await this.feedLog.sequenceOf(start.afterEventId);
    if (sequence === undefined)
      throw new NotFoundError('REPLAY.EVENT_UNKNOWN', `the gateway never read event ${start.afterEventId}`, {
        afterEventId: start.afterEventId,
      });
    return sequence;
  }
}
