import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryAttempts } from './delivery-attempts.service';

/** Pending deliveries read per pass of a lane. */
const PASS_SIZE = 100;

/**
 * One lane per active subscription, each on its own: a slow or failing receiver holds up only its
 * own lane. Within a lane, one startup's deliveries go in queuing order; a startup waiting for a
 * retry holds back its later events, never other startups'. Everything lives in the database, so
 * a restart (or HQ coming back) resumes where it stopped.
 */
@Injectable()
export class DeliveryLanes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('delivery-lanes');
  private readonly running = new Map<string, Promise<void>>();
  private readonly pollMs: number;
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
    this.timer = setTimeout(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  /** Starts a lane for each active subscription without one. */
  private async tick(): Promise<void> {
    try {
      for (const subscription of await this.subscriptions.active()) {
        if (this.running.has(subscription._id)) continue;
        const lane = this.drain(subscription._id).finally(() => this.running.delete(subscription._id));
        this.running.set(subscription._id, lane);
      }
    } catch (error) {
      this.logger.warn({ msg: 'could not read the subscriptions; trying again', reason: (error as Error).message });
    } finally {
      this.schedule();
    }
  }

  /** Passes over the subscription's pending deliveries until none is due. */
  private async drain(subscriptionId: string): Promise<void> {
    try {
      while (!this.stopped && (await this.pass(subscriptionId)) > 0);
    } catch (error) {
      this.logger.warn({
        msg: 'delivery lane failed; it starts again',
        subscriptionId,
        reason: (error as Error).message,
      });
    }
  }

  /** One pass: resolves to how many deliveries it took a turn of. */
  private async pass(subscriptionId: string): Promise<number> {
    const subscription = await this.subscriptions.findById(subscriptionId);
    if (subscription?.status !== 'active') return 0;
    const waiting = new Set<string>();
    let taken = 0;
    for (const delivery of await this.deliveries.pending(subscriptionId, PASS_SIZE)) {
      if (this.stopped || waiting.has(delivery.startupId)) continue;
      if (new Date(delivery.nextAttemptAt) > this.clock.now()) {
        waiting.add(delivery.startupId);
        continue;
      }
      const outcome = await this.attempts.take(subscription, delivery);
      taken++;
      if (outcome === 'subscription-stopped') return 0;
      if (outcome === 'retrying' || outcome === 'dead') waiting.add(delivery.startupId);
    }
    return taken;
  }
}
