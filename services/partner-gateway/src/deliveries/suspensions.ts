import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';

/**
 * A subscription that fails for SUSPEND_AFTER_FAILING_SECONDS without a success is suspended. That
 * is checked at each failure, and also swept every DELIVERY_POLL_MS: a subscription whose last
 * deliveries all died inside the window (retries spent, nothing new queued) is never tried again,
 * so no failure would ever come to suspend it, and it would stay "active" for good.
 */
@Injectable()
export class Suspensions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('deliveries');
  private readonly suspendAfterMs: number;
  private readonly sweepMs: number;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.suspendAfterMs = environment.SUSPEND_AFTER_FAILING_SECONDS * 1000;
    this.sweepMs = environment.DELIVERY_POLL_MS;
  }

  /** A delivery failed for `reason` at `at`: resolves to true when the subscription has failed too long (it is suspended now). */
  async failed(subscriptionId: string, at: Date, reason: string): Promise<boolean> {
    const failingSince = await this.subscriptions.markFailing(subscriptionId, at, reason);
    if (at.getTime() - failingSince.getTime() < this.suspendAfterMs) return false;
    await this.suspend(subscriptionId, failingSince, reason);
    return true;
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.sweeping;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep().finally(() => this.schedule());
    }, this.sweepMs);
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    try {
      const cutoff = new Date(this.clock.now().getTime() - this.suspendAfterMs);
      for (const failing of await this.subscriptions.failingSince(cutoff))
        await this.suspend(failing._id, failing.failingSince as Date, failing.lastFailure);
    } catch (error) {
      this.logger.warn({
        msg: 'could not look for subscriptions failing too long; trying again',
        reason: (error as Error).message,
      });
    }
  }

  private async suspend(subscriptionId: string, failingSince: Date, lastFailure: string | undefined): Promise<void> {
    const since = `every delivery failed since ${new Date(failingSince).toISOString()}`;
    const reason = lastFailure ? `${since}; the last: ${lastFailure}` : since;
    if (await this.subscriptions.suspendStillFailing(subscriptionId, failingSince, reason))
      this.logger.warn({ msg: 'subscription suspended', subscriptionId, reason });
  }
}
