import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ActorV1 } from '@technopark/contracts';
import { Clock, NotFoundError, UnprocessableError } from '@technopark/platform';
import { FeedLogRepository } from '../feed/feed-log.repository';
import { FeedRouter } from '../feed/feed-router';
import { subscriptionNotIn } from '../subscriptions/subscriptions.errors';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import type { ReplayDto } from './replay.dto';
import { ReplaysRepository } from './replays.repository';
import type { Replay } from './schemas/replay.schema';

/** Records read per round trip. */
const BATCH = 1_000;

/**
 * Sends a subscription's feed again from a time or an event: read from the feed log, with the
 * consent and filters of today (a startup that revoked since is not sent again), each delivery new
 * and marked as a replay. A month of history is many thousand deliveries, so it runs in the
 * background: the request answers at once, and the replay's progress is kept after every batch.
 * One stopped by a restart resumes where it was (its deliveries' ids make queuing twice harmless).
 */
@Injectable()
export class ReplaysService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('replays');
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;
  private readonly shutdown: Promise<void>;
  private readonly wakeAtShutdown: () => void;

  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly replays: ReplaysRepository,
    private readonly feedLog: FeedLogRepository,
    private readonly router: FeedRouter,
    private readonly clock: Clock,
  ) {
    let wake!: () => void;
    this.shutdown = new Promise<void>((resolve) => (wake = resolve));
    this.wakeAtShutdown = wake;
  }

  async start(partnerId: string, subscriptionId: string, start: ReplayDto, actor: ActorV1): Promise<Replay> {
    const subscription = await this.subscriptions.get(partnerId, subscriptionId);
    if (subscription.status === 'ended') throw subscriptionNotIn(subscriptionId, subscription.status, 'replayed');
    const replay = await this.replays.insert({
      _id: `replay-${randomUUID()}`,
      partnerId,
      subscriptionId,
      ...(start.from !== undefined && { from: new Date(start.from) }),
      ...(start.afterEventId !== undefined && { afterEventId: start.afterEventId }),
      state: 'running',
      position: await this.startOf(start),
      scanned: 0,
      queued: 0,
      requestedBy: actor,
    });
    this.runInBackground(replay);
    return replay;
  }

  async get(partnerId: string, subscriptionId: string, replayId: string): Promise<Replay> {
    const replay = await this.replays.find(partnerId, subscriptionId, replayId);
    if (!replay)
      throw new NotFoundError('REPLAY.NOT_FOUND', `no replay ${replayId} of this subscription`, { replayId });
    return replay;
  }

  /** Start-up never waits on the database: replays left running are looked for in the background until it answers. */
  onApplicationBootstrap(): void {
    const resuming = this.resumeWithRetries();
    this.inFlight.add(resuming);
    void resuming.finally(() => this.inFlight.delete(resuming));
  }

  /** The replays a stopped process left running, each resumed where it was. */
  async resumeRunning(): Promise<number> {
    const running = await this.replays.running();
    for (const replay of running) {
      this.logger.log({ msg: 'resuming a replay', replayId: replay._id, position: replay.position });
      this.runInBackground(replay);
    }
    return running.length;
  }

  private async resumeWithRetries(): Promise<void> {
    for (let delayMs = 1_000; !this.stopping; delayMs = Math.min(delayMs * 2, 60_000)) {
      try {
        await this.resumeRunning();
        return;
      } catch (error) {
        this.logger.warn({
          msg: 'could not look for replays to resume; trying again',
          reason: (error as Error).message,
          delayMs,
        });
        await Promise.race([new Promise((resolve) => setTimeout(resolve, delayMs).unref()), this.shutdown]);
      }
    }
  }

  /** No new batch starts; the one in flight finishes and is recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeAtShutdown();
    await Promise.allSettled([...this.inFlight]);
  }

  private runInBackground(replay: Replay): void {
    const run = this.run(replay).catch(async (error: Error) => {
      this.logger.error({ msg: 'replay failed', replayId: replay._id, reason: error.message });
      await this.replays.finished(replay._id, this.clock.now(), error.message).catch(() => undefined);
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private async run(replay: Replay): Promise<void> {
    let { position, scanned, queued } = replay;
    for (;;) {
      if (this.stopping) return;
      const subscription = await this.subscriptions.get(replay.partnerId, replay.subscriptionId);
      if (subscription.status === 'ended')
        return this.replays.finished(replay._id, this.clock.now(), 'the subscription was ended');
      const batch = await this.feedLog.after(position, BATCH);
      if (batch.length === 0) break;
      const wanted = replay.from
        ? batch.filter((record) => new Date(record.occurredAt) >= new Date(replay.from as Date))
        : batch;
      queued += await this.router.queue(wanted, [subscription], { replayId: replay._id });
      scanned += batch.length;
      position = (batch.at(-1) as { sequence: number }).sequence;
      await this.replays.progressed(replay._id, { position, scanned, queued });
    }
    await this.replays.finished(replay._id, this.clock.now());
    this.logger.log({ msg: 'replay done', replayId: replay._id, scanned, queued });
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
