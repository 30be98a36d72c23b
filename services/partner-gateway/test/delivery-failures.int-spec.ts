import { randomUUID } from 'node:crypto';
import { StartupRegistered } from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import { Webhook } from 'standardwebhooks';
import { type GatewayHq, startGatewayHq } from './support/gateway-hq';
import { siteEvents } from './support/site-events';
import { WebhookReceiver } from './support/webhook-receiver';

/** A partner registered with one subscription to every consented event, delivered to `receiver`. */
async function subscribed(hq: GatewayHq, receiver: WebhookReceiver) {
  const partnerId = `p-${randomUUID().slice(0, 8)}`;
  await hq.registerPartner(partnerId);
  const partner = await hq.partner(partnerId);
  const created = await hq
    .http()
    .post(`/v1/partners/${partnerId}/subscriptions`)
    .set(partner)
    .send({ delivery: { kind: 'webhook', url: receiver.url } })
    .expect(201);
  receiver.secret = created.body.secret;
  const subscription = `/v1/partners/${partnerId}/subscriptions/${created.body.subscriptionId}`;
  return { partnerId, partner, subscription, subscriptionId: created.body.subscriptionId as string };
}

/** A startup whose partner-sharing flag sends its profile to every partner. */
async function registerSharingStartup(hq: GatewayHq): Promise<string> {
  const startupId = randomUUID();
  await hq.publish(hq.sites[0], StartupRegistered, siteEvents.registered(startupId, true));
  return startupId;
}

describe('a delivery that keeps failing', () => {
  let hq: GatewayHq;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    hq = await startGatewayHq({ DELIVERY_RETRIES: '1' });
  });
  afterAll(async () => {
    await hq?.close();
    await receiver.close();
  });

  it('goes to the dead-letter store after its retries, and is delivered again on request', async () => {
    const { partnerId, partner, subscriptionId } = await subscribed(hq, receiver);
    receiver.answer = 500;
    const startupId = await registerSharingStartup(hq);
    const dead = async () =>
      (await hq.http().get(`/v1/partners/${partnerId}/deliveries?state=dead`).set(partner).expect(200)).body.items;
    await eventually(async () => (await dead()).length === 1, 'a dead delivery', 60_000);
    const [letter] = await dead();
    expect(letter).toMatchObject({
      subscriptionId,
      startupId,
      state: 'dead',
      reason: '2 attempts failed; the last: the receiver answered 500',
      attempts: [expect.objectContaining({ status: 500 }), expect.objectContaining({ status: 500 })],
    });
    const again = await hq
      .http()
      .post(`/v1/partners/${partnerId}/deliveries/${letter.deliveryId}/redeliver`)
      .set(partner);
    expect([again.status, again.body.state]).toEqual([200, 'pending']);
    // Still failing: it is dead again after one more try.
    await eventually(
      async () => (await dead()).length === 1 && (await dead())[0].attempts.length === 3,
      'dead again',
      30_000,
    );

    receiver.answer = 200;
    await hq
      .http()
      .post(`/v1/partners/${partnerId}/deliveries/${letter.deliveryId}/redeliver`)
      .set(partner)
      .expect(200);
    await eventually(async () => receiver.ofStartup(startupId).length === 1, 'delivered on request', 30_000);
    const twice = await hq
      .http()
      .post(`/v1/partners/${partnerId}/deliveries/${letter.deliveryId}/redeliver`)
      .set(partner);
    expect([twice.status, twice.body.code, twice.body.state]).toEqual([409, 'DELIVERY.NOT_DEAD', 'delivered']);
  }, 120_000);
});

describe('a subscription whose receiver fails or goes away', () => {
  let hq: GatewayHq;
  const failing = new WebhookReceiver();
  const gone = new WebhookReceiver();
  const rotating = new WebhookReceiver();

  beforeAll(async () => {
    await Promise.all([failing.start(), gone.start(), rotating.start()]);
    hq = await startGatewayHq({ DELIVERY_RETRIES: '10', SUSPEND_AFTER_FAILING_SECONDS: '2' });
  });
  afterAll(async () => {
    await hq?.close();
    await Promise.all([failing.close(), gone.close(), rotating.close()]);
  });

  it('is suspended with a reason after failing too long, ended by a 410, and resumed where it stopped', async () => {
    const suspended = await subscribed(hq, failing);
    const ended = await subscribed(hq, gone);
    failing.answer = 503;
    gone.answer = 410;
    const startupId = await registerSharingStartup(hq);
    const read = async (of: typeof suspended) =>
      (await hq.http().get(of.subscription).set(of.partner).expect(200)).body;
    await eventually(async () => (await read(ended)).status === 'ended', 'ended by the 410', 30_000);
    expect((await read(ended)).statusReason).toBe('the receiver answered 410 Gone');
    await eventually(async () => (await read(suspended)).status === 'suspended', 'suspended', 60_000);
    expect((await read(suspended)).statusReason).toMatch(
      /^every delivery failed since .*; the last: the receiver answered 503$/,
    );
    const requests = failing.requests;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(failing.requests).toBe(requests);

    // What happens while it is suspended is kept for it.
    const meanwhile = await registerSharingStartup(hq);
    await eventually(
      async () =>
        (
          await hq
            .http()
            .get(`/v1/partners/${suspended.partnerId}/deliveries?startupId=${meanwhile}`)
            .set(suspended.partner)
        ).body.items.length === 1,
      'queued while suspended',
      30_000,
    );
    expect(failing.requests).toBe(requests);

    failing.answer = 200;
    const resumed = await hq.http().post(`${suspended.subscription}/resume`).set(suspended.partner).expect(200);
    expect(resumed.body).toMatchObject({ status: 'active' });
    expect(resumed.body.statusReason).toBeUndefined();
    await eventually(
      async () => failing.ofStartup(startupId).length === 1 && failing.ofStartup(meanwhile).length === 1,
      'delivered after the resume, what came meanwhile included',
      30_000,
    );
    const refused = await hq.http().post(`${ended.subscription}/resume`).set(ended.partner);
    expect([refused.status, refused.body.code, refused.body.allowedActions]).toEqual([
      409,
      'SUBSCRIPTION.ILLEGAL_STATE',
      [],
    ]);
    expect(gone.received).toEqual([]);
  }, 120_000);

  it('signs with both secrets during a rotation, and shows the new one once', async () => {
    const { subscription, partner } = await subscribed(hq, rotating);
    const previous = rotating.secret;
    const rotated = await hq.http().post(`${subscription}/rotate-secret`).set(partner).expect(200);
    expect(rotated.body).toMatchObject({ signingSecrets: 2, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.secret).not.toBe(previous);
    expect((await hq.http().get(subscription).set(partner).expect(200)).body.secret).toBeUndefined();

    const startupId = await registerSharingStartup(hq);
    await eventually(async () => rotating.ofStartup(startupId).length === 1, 'a delivery after the rotation', 30_000);
    const { body, headers } = rotating.raw.at(-1) as { body: string; headers: Record<string, string> };
    expect(new Webhook(previous).verify(body, headers)).toMatchObject({ data: { startupId } });
    expect(new Webhook(rotated.body.secret).verify(body, headers)).toMatchObject({ data: { startupId } });
  }, 60_000);
});

describe('a subscription whose last deliveries all died before it had failed long enough', () => {
  let hq: GatewayHq;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    // No retry: the one delivery is dead at its first failure, well inside the failing window.
    hq = await startGatewayHq({ DELIVERY_RETRIES: '0', SUSPEND_AFTER_FAILING_SECONDS: '5' });
  });
  afterAll(async () => {
    await hq?.close();
    await receiver.close();
  });

  it('is suspended once the window has passed, though nothing is tried again', async () => {
    const { partner, subscription, partnerId } = await subscribed(hq, receiver);
    receiver.answer = 503;
    await registerSharingStartup(hq);
    const read = async () => (await hq.http().get(subscription).set(partner).expect(200)).body;
    const dead = async () =>
      (await hq.http().get(`/v1/partners/${partnerId}/deliveries?state=dead`).set(partner).expect(200)).body.items;
    await eventually(async () => (await dead()).length === 1, 'the delivery dead at its first failure', 30_000);
    const failingSince = new Date((await read()).failingSince).getTime();
    expect((await read()).status).toBe('active');

    await eventually(async () => (await read()).status === 'suspended', 'suspended', 30_000);
    const suspended = await read();
    expect(suspended.statusReason).toBe(
      `every delivery failed since ${new Date(failingSince).toISOString()}; the last: the receiver answered 503`,
    );
    expect(receiver.requests).toBe(1);
  }, 90_000);
});

describe('a partner that fixed its endpoint', () => {
  let hq: GatewayHq;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    hq = await startGatewayHq({ DELIVERY_RETRIES: '10', DELIVERY_FIRST_RETRY_SECONDS: '2' });
  });
  afterAll(async () => {
    await hq?.close();
    await receiver.close();
  });

  it('gets its pending deliveries at once on request, not at their next retry', async () => {
    const { partnerId, partner, subscription } = await subscribed(hq, receiver);
    receiver.answer = 503;
    const startupId = await registerSharingStartup(hq);
    const pending = async () =>
      (await hq.http().get(`/v1/partners/${partnerId}/deliveries?startupId=${startupId}`).set(partner).expect(200)).body
        .items[0] as { state: string; attempts: unknown[]; nextAttemptAt?: string; deliveredAt?: string } | undefined;
    await eventually(async () => ((await pending())?.attempts.length ?? 0) >= 2, 'two failed attempts', 30_000);
    const scheduled = (await pending())?.nextAttemptAt as string;

    receiver.answer = 200;
    const asked = await hq.http().post(`${subscription}/retry-now`).set(partner).expect(200);
    expect(asked.body).toEqual({ due: 1 });
    await eventually(async () => receiver.ofStartup(startupId).length === 1, 'delivered on request', 30_000);
    const delivered = await pending();
    expect(delivered?.state).toBe('delivered');
    expect(Date.parse(delivered?.deliveredAt as string)).toBeLessThan(Date.parse(scheduled));
  }, 60_000);
});
