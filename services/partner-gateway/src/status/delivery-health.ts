import type { Delivery } from '../deliveries/schemas/delivery.schema';

/** How a subscription's latest deliveries went: what its status page shows. */
export interface DeliveryHealth {
  readonly delivered: number;
  readonly failedAttempts: number;
  readonly latencyP50Ms?: number;
  readonly latencyP99Ms?: number;
  /** Age of the oldest delivery still pending: how far behind the partner is. */
  readonly lagSeconds: number;
}

/** Pure: the figures of a sample of deliveries (newest first), at `now`. */
export function deliveryHealthOf(latest: readonly Delivery[], now: Date): DeliveryHealth {
  const delivered = latest.filter((delivery) => delivery.state === 'delivered' && delivery.deliveredAt);
  const latencies = delivered
    .map((delivery) => new Date(delivery.deliveredAt as Date).getTime() - new Date(delivery.occurredAt).getTime())
    .sort((a, b) => a - b);
  const failedAttempts = latest.reduce(
    (count, delivery) =>
      count + delivery.attempts.filter((attempt) => attempt.status === undefined || attempt.status >= 300).length,
    0,
  );
  const pending = latest.filter((delivery) => delivery.state === 'pending');
  const oldest = pending.reduce<Date | undefined>((earliest, delivery) => {
    const queued = new Date(delivery.createdAt);
    return !earliest || queued < earliest ? queued : earliest;
  }, undefined);
  return {
    delivered: delivered.length,
    failedAttempts,
    ...(latencies.length > 0 && { latencyP50Ms: percentile(latencies, 50), latencyP99Ms: percentile(latencies, 99) }),
    lagSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
  };
}

function percentile(sorted: readonly number[], rank: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)] as number;
}
