import { randomUUID } from 'node:crypto';
import { StartupRegistered } from '@technopark/contracts';
import { ensureChromium, eventually } from '@technopark/testing';
import { type Browser, chromium } from 'playwright-core';
import { type GatewayHq, startGatewayHq } from './support/gateway-hq';
import { siteEvents } from './support/site-events';
import { WebhookReceiver } from './support/webhook-receiver';

/** A duration as the page shows it. */
const shown = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The screenshot a person looks at after a change to the page. */
const SCREENSHOT = '/tmp/technopark-partner-status.png';

describe('the partner status page, in headless Chromium', () => {
  let hq: GatewayHq;
  let browser: Browser;
  const healthy = new WebhookReceiver();
  const failing = new WebhookReceiver();
  const partnerId = `status-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), headless: true });
    await Promise.all([healthy.start(), failing.start()]);
    hq = await startGatewayHq({ DELIVERY_RETRIES: '1', SUSPEND_AFTER_FAILING_SECONDS: '1' });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await hq?.close();
    await Promise.all([healthy.close(), failing.close()]);
  });

  const subscribe = async (receiver: WebhookReceiver, description: string) => {
    const created = await hq
      .http()
      .post(`/v1/partners/${partnerId}/subscriptions`)
      .set(hq.admin)
      .send({ description, delivery: { kind: 'webhook', url: receiver.url } })
      .expect(201);
    receiver.secret = created.body.secret;
  };

  it("shows each subscription's state, dead letters, failures and latency, as the API gives them", async () => {
    await hq.registerPartner(partnerId, { name: 'Plug and Play (status)' });
    await subscribe(healthy, 'Batch feed');
    await subscribe(failing, 'Old endpoint');
    failing.answer = 503;
    for (const startupId of [randomUUID(), randomUUID()])
      await hq.publish(hq.sites[0], StartupRegistered, siteEvents.registered(startupId, true));
    const partner = await hq.partner(partnerId);
    const status = async () => (await hq.http().get(`/v1/partners/${partnerId}/status`).set(partner).expect(200)).body;
    await eventually(
      async () => {
        const [batch, old] = (await status()).subscriptions;
        return batch?.delivered === 2 && old?.status === 'suspended';
      },
      'one healthy subscription, one suspended',
      60_000,
    );
    const api = await status();

    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const base = (await hq.app.getUrl()).replace('[::1]', '127.0.0.1');
    await page.goto(`${base}/status?partner=${partnerId}#token=${(partner['Authorization'] as string).slice(7)}`);
    await page.locator('#status-1').waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${base}/status?partner=${partnerId}`); // the token left the address bar
    const text = (selector: string) => page.locator(selector).textContent();

    expect(await text('#partner-name')).toBe('Plug and Play (status) — feed status');
    expect([await text('#status-0'), await text('#delivered-0'), await text('#dead-0')]).toEqual(['active', '2', '0']);
    expect(await text('#p50-0')).toBe(shown(api.subscriptions[0].latencyP50Ms));
    expect(await text('#status-1')).toBe('suspended');
    expect(await text('#reason-1')).toMatch(/^every delivery failed since .*; the last: the receiver answered 503$/);
    expect(Number(await text('#failed-1'))).toBe(api.subscriptions[1].failedAttempts);
    expect(Number(await text('#failed-1'))).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const stranger = await browser.newPage();
    const other = (await hq.partner('someone-else'))['Authorization'] as string;
    await stranger.goto(`${base}/status?partner=${partnerId}#token=${other.slice(7)}`);
    await stranger.locator('#message', { hasText: '403 AUTH.NOT_YOUR_PARTNER' }).waitFor({ timeout: 20_000 });
  }, 120_000);
});
