import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryAttempts } from './delivery-attempts.service';
import type { Delivery } from './schemas/delivery.schema';

/** Pending deliveries read per pass of a lane. */
const PASS_SIZE = 100;
/** How often the lanes are looked at (in memory: no database read unless a lane is due). */
const TICK_MS = 50;

/**
 * One lane per active subscription, each on its own: a slow or failing receiver holds up only its
 * own lane. Within a lane, several startups are delivered at once, each one's deliveries in queuing
 * order; a startup waiting for a retry holds back only its own later events. A lane reads the database only when it is woken (this
 * process queued something for it) or when its next retry is due, and at least every
 * DELIVERY_POLL_MS otherwise: the database's one connection is left to the consumer. Everything lives
 * in the database, so a restart (or HQ coming back) resumes where it stopped.
 */
@Injectable()
export class DeliveryLanes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('delivery-lanes');
  private readonly running = new Map<string, Promise<void>>();
  /** When each lane looks at the database next; absent: at once. */
  private readonly nextLook = new Map<string, number>();
  private readonly pollMs: number;
  private readonly concurrency: number;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly attempts: DeliveryAttempts,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.pollMs = environment.DELIVERY_POLL_MS;
    this.concurrency = environment.DELIVERY_CONCURRENCY;
  }

  /** Something was queued for these subscriptions: their lanes look now. */
  wake(subscriptionIds: Iterable<string>): void {
    for (const id of subscriptionIds) this.nextLook.delete(id);
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled(this.running.values());
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Starts the lanes that are due and not running. */
  private async tick(): Promise<void> {
    try {
      const now = this.clock.now().getTime();
      for (const subscription of await this.subscriptions.routed()) {
        if (subscription.status !== 'active' || this.running.has(subscription._id)) continue;
        if ((this.nextLook.get(subscription._id) ?? 0) > now) continue;
        const lane = this.drain(subscription).finally(() => this.running.delete(subscription._id));
        this.running.set(subscription._id, lane);
      }
    } catch (error) {
      this.logger.warn({ msg: 'could not read the subscriptions; trying again', reason: (error as Error).message });
    } finally {
      this.schedule();
    }
  }

  /** Passes over the subscription's pending deliveries until none is due; then says when to look again. */
  private async drain(subscription: Subscription): Promise<void> {
    this.nextLook.set(subscription._id, this.clock.now().getTime() + this.pollMs);
    try {
      let pass = await this.pass(subscription);
      while (!this.stopped && pass.taken > 0) pass = await this.pass(subscription);
      const fallback = this.clock.now().getTime() + this.pollMs;
      // A wake during the pass cleared the entry: look again at once.
      if (this.nextLook.has(subscription._id))
        this.nextLook.set(subscription._id, Math.min(pass.nextDue ?? fallback, fallback));
    } catch (error) {
      this.logger.warn({
        msg: 'delivery lane failed; it starts again',
        subscriptionId: subscription._id,
        reason: (error as Error).message,
      });
    }
  }

  /**
   * One pass: up to DELIVERY_CONCURRENCY startups at a time, each one's deliveries in order, a
   * startup stopping at its first delivery not due or not delivered. Resolves to how many deliveries
   * it took a turn of, and when the earliest waiting one is due.
   */
  private async pass(subscription: Subscription): Promise<{ taken: number; nextDue?: number }> {
    const queues = byStartup(await this.deliveries.pending(subscription._id, PASS_SIZE));
    const pass = { taken: 0, nextDue: undefined as number | undefined, stopped: false };
    const work = async (): Promise<void> => {
      for (let queue = queues.shift(); queue && !pass.stopped && !this.stopped; queue = queues.shift())
        await this.deliverInOrder(subscription, queue, pass);
    };
    // Every worker ends before the lane does, even when one fails: a lane started after it must not
    // find one of its startups still being delivered.
    const ended = await Promise.allSettled(Array.from({ length: this.concurrency }, work));
    const failed = ended.find((each): each is PromiseRejectedResult => each.status === 'rejected');
    if (failed) throw failed.reason;
    return pass.stopped
      ? { taken: 0 }
      : { taken: pass.taken, ...(pass.nextDue !== undefined && { nextDue: pass.nextDue }) };
  }

  private async deliverInOrder(
    subscription: Subscription,
    queue: readonly Delivery[],
    pass: { taken: number; nextDue?: number; stopped: boolean },
  ): Promise<void> {
    for (const delivery of queue) {
      if (pass.stopped || this.stopped) return;
      const due = new Date(delivery.nextAttemptAt).getTime();
      if (due > this.clock.now().getTime()) {
        pass.nextDue = Math.min(pass.nextDue ?? due, due);
        return;
      }
      const outcome = await this.attempts.take(subscription, delivery);
      pass.taken++;
      if (outcome === 'subscription-stopped') pass.stopped = true;
      if (outcome !== 'delivered' && outcome !== 'withheld') return;
    }
  }
}

/** Pending deliveries grouped by startup, each group in queuing order, groups by their first delivery. */
function byStartup(pending: readonly Delivery[]): Delivery[][] {
  const groups = new Map<string, Delivery[]>();
  for (const delivery of pending) {
    const group = groups.get(delivery.startupId) ?? [];
    group.push(delivery);
    groups.set(delivery.startupId, group);
  }
  return [...groups.values()];
}
