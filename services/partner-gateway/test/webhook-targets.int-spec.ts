import { randomUUID } from 'node:crypto';
import { type GatewayHq, startGatewayHq } from './support/gateway-hq';

/** The SSRF guard as configured for production: webhooks reach public https endpoints only. */
describe('webhook targets, without WEBHOOK_ALLOW_LOCAL_TARGETS', () => {
  let hq: GatewayHq;
  const partnerId = `ssrf-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    hq = await startGatewayHq({ WEBHOOK_ALLOW_LOCAL_TARGETS: 'false' });
    await hq.registerPartner(partnerId);
  });
  afterAll(() => hq?.close());

  it.each([
    ['http://hooks.partner.example/technopark', 'must use https'],
    ['https://127.0.0.1:8443/hooks', '127.0.0.1'],
    ['https://localhost/hooks', 'not a public address'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['https://10.0.12.7/hooks', '10.0.12.7'],
    ['https://[fd00::7]/hooks', 'fd00::7'],
  ])('refuses %s with 422 and the reason, and creates nothing', async (url, reason) => {
    const answer = await hq
      .http()
      .post(`/v1/partners/${partnerId}/subscriptions`)
      .set(await hq.partner(partnerId))
      .send({ delivery: { kind: 'webhook', url } });

    expect([answer.status, answer.body.code, answer.body.url]).toEqual([422, 'SUBSCRIPTION.UNSAFE_WEBHOOK_URL', url]);
    expect(answer.body.message).toContain(reason);
    const listed = await hq
      .http()
      .get(`/v1/partners/${partnerId}/subscriptions`)
      .set(await hq.partner(partnerId))
      .expect(200);
    expect(listed.body.items).toEqual([]);
  });
});
