import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { RetryPolicy } from './retry-policy';

/**
 * Partitions paused while a dependency is away, each resumed after a delay that doubles
 * while the outage lasts. The records are fetched again from the first unprocessed one.
 */
export class PartitionPauses {
  private readonly delays = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly policy: RetryPolicy) {}

  pause(topic: string, partition: number, pauseFetching: () => () => void, metrics: MessagingMetrics): void {
    const key = `${topic}/${partition}`;
    const delay = Math.min(this.delays.get(key) ?? this.policy.pauseMs, this.policy.maxPauseMs);
    this.delays.set(key, delay * 2);
    const resume = pauseFetching();
    metrics.pausedPartitions.set(this.timers.size + 1);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        metrics.pausedPartitions.set(this.timers.size);
        resume();
      }, delay),
    );
  }

  recovered(topic: string, partition: number): void {
    this.delays.delete(`${topic}/${partition}`);
  }

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
