import { randomUUID } from 'node:crypto';
import { ApplicationSubmitted, ResidencyStarted } from '@technopark/contracts';
import { ensureChromium } from '@technopark/testing';
import { type Browser, chromium } from 'playwright-core';
import { type AnalyticsSite, scripted, startAnalyticsSite, tokens } from './support/analytics-site';

describe('the dashboard page, in headless Chromium', () => {
  let analytics: AnalyticsSite;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), headless: true });
    analytics = await startAnalyticsSite();
    base = (await analytics.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await analytics?.close();
  });

  it('renders the tiles in French, switches to English, and updates a tile when an event is published', async () => {
    const page = await browser.newPage();
    const token = await tokens.forRole('site-staff', analytics.site);
    await page.goto(`${base}/dashboard?token=${token}`);
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 20_000 });
    await expectText(page, '#tile-submitted', '0');
    expect(await page.locator('[data-i18n="residents"]').textContent()).toBe('Résidents');

    await page.selectOption('#language', 'en');
    expect(await page.locator('[data-i18n="residents"]').textContent()).toBe('Residents');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const startupId = randomUUID();
    await analytics.publish([
      scripted(ApplicationSubmitted, { applicationId: randomUUID(), startupId, programId: 'incubation', callId: 'autumn', submittedAt: '2026-10-01T10:00:00Z', actor: { id: 'u', role: 'startup' } }, '2026-10-01T10:00:00Z'),
      scripted(ResidencyStarted, { residencyId: randomUUID(), startupId, programId: 'incubation', programKind: 'incubation', spaceId: 'office-1', startedOn: '2026-10-15', plannedEndOn: '2028-04-15', actor: { id: 's', role: 'site-staff' } }, '2026-10-15T10:00:00Z'),
    ]);
    await expectText(page, '#tile-submitted', '1');
    await expectText(page, '#tile-residents', '1');
    expect(await page.locator('#chart-funnel rect').count()).toBe(6);
  }, 120_000);

  it('says so when opened without a token', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/dashboard?lang=en`);
    await page.locator('#status[data-state="noToken"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#status').textContent()).toContain('No token');
  });
});

async function expectText(page: import('playwright-core').Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 30_000 });
}
