import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { HeldScopes } from '../consents/held-scopes';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryMetrics } from './delivery-metrics';
import { retryDelayMs } from './retry-schedule';
import { Suspensions } from './suspensions';
import type { Delivery, DeliveryAttempt } from './schemas/delivery.schema';
import { DeliverySender, succeeded } from './delivery-sender';

/** How stale a healthy subscription's `lastSuccessAt` may be. */
const HEALTHY_MARK_MS = 30_000;

/** What became of one turn of a delivery. */
export type AttemptOutcome = 'delivered' | 'retrying' | 'dead' | 'withheld' | 'subscription-stopped';

/**
 * One turn of one delivery: consent checked again at the last moment (a revocation holds back what
 * was queued), then sent; the answer decides delivered, a retry, the dead-letter store, a suspended
 * subscription (failing too long, see Suspensions) or an ended one (410 Gone).
 */
@Injectable()
export class DeliveryAttempts {
  private readonly logger = new Logger('deliveries');
  private readonly retries: number;
  private readonly firstRetryMs: number;
  private readonly healthyMarkedAt = new Map<string, number>();

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly heldScopes: HeldScopes,
    private readonly sender: DeliverySender,
    private readonly metrics: DeliveryMetrics,
    private readonly suspensions: Suspensions,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment,
  ) {
    this.retries = environment.DELIVERY_RETRIES;
    this.firstRetryMs = environment.DELIVERY_FIRST_RETRY_SECONDS * 1000;
  }

  async take(subscription: Subscription, delivery: Delivery): Promise<AttemptOutcome> {
    const partner = subscription.partnerId;
    if (!(await this.stillConsented(partner, delivery))) {
      await this.deliveries.settle(delivery._id, 'withheld', 'the startup revoked this scope before delivery');
      this.metrics.attempts.inc({ partner, outcome: 'withheld' });
      return 'withheld';
    }
    const attempt = await this.sender.send(subscription, delivery);
    if (succeeded(attempt)) {
      await this.deliveries.delivered(delivery._id, attempt);
      await this.markHealthy(subscription._id, attempt.at);
      this.metrics.attempts.inc({ partner, outcome: 'delivered' });
      const answeredAt = attempt.at.getTime() + attempt.latencyMs;
      this.metrics.latency.observe({ partner }, (answeredAt - new Date(delivery.occurredAt).getTime()) / 1000);
      return 'delivered';
    }
    this.metrics.attempts.inc({ partner, outcome: attempt.status === 410 ? 'gone' : 'failed' });
    if (attempt.status === 410) return this.gone(subscription, delivery, attempt);
    return this.failed(subscription, delivery, attempt);
  }

  /** A healthy subscription's last success is written at most every HEALTHY_MARK_MS, not once per delivery. */
  private async markHealthy(subscriptionId: string, at: Date): Promise<void> {
    const marked = this.healthyMarkedAt.get(subscriptionId);
    if (marked !== undefined && at.getTime() - marked < HEALTHY_MARK_MS) return;
    await this.subscriptions.markSucceeded(subscriptionId, at);
    this.healthyMarkedAt.set(subscriptionId, at.getTime());
  }

  private async stillConsented(partnerId: string, delivery: Delivery): Promise<boolean> {
    return (await this.heldScopes.of(delivery.startupId, partnerId)).includes(delivery.scope);
  }

  private async gone(
    subscription: Subscription,
    delivery: Delivery,
    attempt: DeliveryAttempt,
  ): Promise<AttemptOutcome> {
    await this.deliveries.failed(delivery._id, attempt, attempt.at, 'the receiver answered 410 Gone');
    await this.subscriptions.end(subscription._id, 'the receiver answered 410 Gone');
    this.logger.warn({ msg: 'subscription ended by its receiver (410)', subscriptionId: subscription._id });
    return 'subscription-stopped';
  }

  private async failed(
    subscription: Subscription,
    delivery: Delivery,
    attempt: DeliveryAttempt,
  ): Promise<AttemptOutcome> {
    const retry = delivery.attempts.length + 1;
    const reason = attempt.status !== undefined ? `the receiver answered ${attempt.status}` : (attempt.error as string);
    const retryAt =
      retry <= this.retries ? new Date(attempt.at.getTime() + retryDelayMs(retry, this.firstRetryMs)) : undefined;
    await this.deliveries.failed(delivery._id, attempt, retryAt, `${retry} attempts failed; the last: ${reason}`);
    this.healthyMarkedAt.delete(subscription._id);
    if (await this.suspensions.failed(subscription._id, attempt.at, reason)) return 'subscription-stopped';
    return retryAt ? 'retrying' : 'dead';
  }
}
