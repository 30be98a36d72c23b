import { randomUUID } from 'node:crypto';
import { PartnerApplicationAccepted, ApplicationAccepted, StartupRegistered } from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import { type GatewayHq, startGatewayHq } from './support/gateway-hq';
import { siteEvents } from './support/site-events';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * HQ down: the gateway stops; the sites keep publishing (MirrorMaker 2 replicates once HQ is back).
 * Started again, it resumes where it stopped: what was published meanwhile is delivered, in order,
 * and nothing delivered before is sent again.
 */
describe('the partner gateway through an HQ outage', () => {
  const receiver = new WebhookReceiver();
  const partnerId = `hq-down-${randomUUID().slice(0, 8)}`;
  const startups = [randomUUID(), randomUUID()];
  const started: GatewayHq[] = [];

  beforeAll(() => receiver.start());
  afterAll(async () => {
    for (const hq of started) await hq.close();
    await receiver.close();
  });

  it('pauses while HQ is down and resumes where it stopped, sending nothing twice', async () => {
    const before = await startGatewayHq();
    started.push(before);
    const [casa] = before.sites;
    await before.registerPartner(partnerId, { programIds: [`${partnerId}-batch`] });
    const created = await before
      .http()
      .post(`/v1/partners/${partnerId}/subscriptions`)
      .set(await before.partner(partnerId))
      .send({
        filters: { eventTypes: [PartnerApplicationAccepted.type] },
        delivery: { kind: 'webhook', url: receiver.url },
      })
      .expect(201);
    receiver.secret = created.body.secret;
    for (const startupId of startups) {
      await before.publish(casa, StartupRegistered, siteEvents.registered(startupId, false));
      await eventually(
        async () =>
          (await before.http().get(`/v1/startups/${startupId}/partner-consents`).set(before.admin)).status === 200,
        'the startup known',
        60_000,
      );
      await before
        .http()
        .post(`/v1/startups/${startupId}/partner-consents/${partnerId}/grant`)
        .set(await before.startup(startupId))
        .send({ scopes: ['applications'] })
        .expect(200);
    }
    const accepted = () => siteEvents.accepted(startups[0] as string, `${partnerId}-batch`, partnerId);
    const first = accepted();
    await before.publish(casa, ApplicationAccepted, first);
    await eventually(async () => receiver.received.length === 1, 'the first delivery', 30_000);

    await before.stopGateway(); // HQ down
    const meanwhile = [
      accepted(),
      siteEvents.accepted(startups[1] as string, `${partnerId}-batch`, partnerId),
      accepted(),
    ];
    for (const payload of meanwhile) await before.publish(casa, ApplicationAccepted, payload);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.received).toHaveLength(1);

    started.push(await startGatewayHq({}, before.tag)); // HQ back: the same database and consumer group
    await eventually(async () => receiver.received.length === 4, 'the deliveries after the outage', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const applicationIds = receiver.received.map((each) => each.data['applicationId']);
    expect(applicationIds).toHaveLength(4);
    expect(new Set(applicationIds).size).toBe(4);
    expect(applicationIds.sort()).toEqual([first, ...meanwhile].map((payload) => payload.applicationId).sort());
    // Each startup's deliveries arrived in the order the gateway queued them, across the restart.
    const after = started[1] as GatewayHq;
    for (const startupId of startups) {
      const log = await after
        .http()
        .get(`/v1/partners/${partnerId}/deliveries?startupId=${startupId}`)
        .set(after.admin)
        .expect(200);
      const queued = log.body.items.map((item: { deliveryId: string }) => item.deliveryId).reverse();
      expect(receiver.received.filter((each) => each.data.startupId === startupId).map((each) => each.id)).toEqual(
        queued,
      );
    }
    expect(receiver.forged).toEqual([]);
  }, 180_000);
});
