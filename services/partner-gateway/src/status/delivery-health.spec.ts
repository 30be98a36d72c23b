import type { Delivery } from '../deliveries/schemas/delivery.schema';
import { deliveryHealthOf } from './delivery-health';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, seconds));
const delivery = (overrides: Partial<Delivery>): Delivery =>
  ({ state: 'delivered', occurredAt: at(0), createdAt: at(0), attempts: [], ...overrides }) as Delivery;

describe('the health of a subscription', () => {
  it('reads latencies from the event at the site to the answer, and counts failed attempts', () => {
    const health = deliveryHealthOf(
      [
        delivery({ deliveredAt: at(1), attempts: [{ at: at(1), status: 200, latencyMs: 5 }] }),
        delivery({
          deliveredAt: at(9),
          attempts: [
            { at: at(2), status: 503, latencyMs: 5 },
            { at: at(4), latencyMs: 10_000, error: 'no answer within the timeout' },
            { at: at(9), status: 204, latencyMs: 5 },
          ],
        }),
      ],
      at(30),
    );
    expect(health).toEqual({
      delivered: 2,
      failedAttempts: 2,
      latencyP50Ms: 1_000,
      latencyP99Ms: 9_000,
      lagSeconds: 0,
    });
  });

  it('measures the lag by the oldest delivery still pending', () => {
    const health = deliveryHealthOf(
      [delivery({ state: 'pending', createdAt: at(20) }), delivery({ state: 'pending', createdAt: at(5) })],
      at(50),
    );
    expect(health).toEqual({ delivered: 0, failedAttempts: 0, lagSeconds: 45 });
  });
});
