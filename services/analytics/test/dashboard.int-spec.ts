import { randomUUID } from 'node:crypto';
import {
  ApplicationSubmitted,
  AttendanceCheckedIn,
  CompetitionResultsPublished,
  EventCompleted,
  FundingRaised,
  IntroductionAccepted,
  IntroductionRequested,
  OccupancyChanged,
  ResidencyStarted,
  ResidentReportSubmitted,
} from '@technopark/contracts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, uniqueSiteId } from '@technopark/testing';
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
    await page.goto(`${base}/dashboard#token=${token}`);
    await page.locator('#status[data-state="live"]').waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${base}/dashboard`); // the token left the address bar
    await expectText(page, '#tile-submitted', '0');
    expect(await page.locator('[data-i18n="residents"]').textContent()).toBe('Résidents');

    await page.selectOption('#language', 'en');
    expect(await page.locator('[data-i18n="residents"]').textContent()).toBe('Residents');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const startupId = randomUUID();
    await analytics.publish([
      scripted(
        ApplicationSubmitted,
        {
          applicationId: randomUUID(),
          startupId,
          programId: 'incubation',
          callId: 'autumn',
          submittedAt: '2026-10-01T10:00:00Z',
          actor: { id: 'u', role: 'startup' },
        },
        '2026-10-01T10:00:00Z',
      ),
      scripted(
        ResidencyStarted,
        {
          residencyId: randomUUID(),
          startupId,
          programId: 'incubation',
          programKind: 'incubation',
          spaceId: 'office-1',
          startedOn: '2026-10-15',
          plannedEndOn: '2028-04-15',
          actor: { id: 's', role: 'site-staff' },
        },
        '2026-10-15T10:00:00Z',
      ),
    ]);
    await expectText(page, '#tile-submitted', '1');
    await expectText(page, '#tile-residents', '1');
    expect(await page.locator('#chart-funnel g.bar').count()).toBe(6);
  }, 120_000);

  it('draws every bar to its own whole with its number in view, and the cohort with its size', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/dashboard?lang=en#token=${await tokens.forRole('site-staff', analytics.site)}`);
    await analytics.publish([
      scripted(
        OccupancyChanged,
        {
          version: 7,
          offices: { used: 2, total: 36 },
          coworkingPositions: { used: 29, total: 35 },
          areaM2: { used: 300, total: 2350 },
          residents: 31,
          awaitingMoveIn: 0,
          waitlist: 3,
        },
        '2026-10-20T10:00:00Z',
      ),
    ]);
    await expectText(page, '#tile-occupancy', '29 / 35');

    const occupancy = await bars(page, '#chart-occupancy');
    expect(occupancy.map((bar) => bar.text)).toEqual(['2 / 36', '29 / 35']);
    // Offices: 2 of 36 fill about 6 % of the track, not all of it.
    expect(occupancy[0]?.share).toBeCloseTo(2 / 36, 2);
    expect(occupancy[1]?.share).toBeCloseTo(29 / 35, 2);
    const funnel = await bars(page, '#chart-funnel');
    expect(funnel.map((bar) => [bar.text, bar.share])).toEqual([
      ['1', 1],
      ['0', 0],
      ['0', 0],
      ['0', 0],
      ['0', 0],
      ['0', 0],
    ]);
    for (const bar of [...occupancy, ...funnel]) expect(bar.textInsideChart).toBe(true);

    // The October 2026 cohort has one startup; its rates come at 18 months.
    expect(await page.locator('#chart-cohorts text.cohort').allTextContents()).toEqual(['2026-10']);
    expect(await page.locator('#chart-cohorts text.size').allTextContents()).toEqual(['1 startup']);
    expect(await page.locator('#chart-cohorts text.pending').textContent()).toContain('18 months');
    expect(await page.locator('#chart-jobs text.empty').textContent()).toBe('Nothing reported yet');
    await page.screenshot({ path: join(tmpdir(), 'technopark-dashboard.png'), fullPage: true });
  }, 120_000);

  it('shows the money raised by sector and how introductions convert, as published', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await page.goto(`${base}/dashboard?lang=en#token=${await tokens.forRole('site-staff', analytics.site)}`);
    const staff = { id: 's', role: 'site-staff' as const };
    const introduction = (startupId: string) => ({
      introductionId: randomUUID(),
      startupId,
      funderId: 'seed-alpha',
      actor: staff,
    });
    const [first, second] = [introduction(randomUUID()), introduction(randomUUID())];
    const month = new Date().toISOString().slice(0, 7);
    const day = new Date().toISOString().slice(0, 10);
    await analytics.publish([
      scripted(IntroductionRequested, first, `${month}-01T09:00:00Z`),
      scripted(IntroductionRequested, second, `${month}-01T09:00:00Z`),
      scripted(IntroductionAccepted, first, `${month}-01T10:00:00Z`),
      scripted(
        FundingRaised,
        {
          fundingId: randomUUID(),
          startupId: first.startupId,
          funderId: 'seed-alpha',
          introductionId: first.introductionId,
          introducedOn: `${month}-01`,
          amount: 750_000,
          currency: 'MAD',
          instrument: 'equity',
          raisedOn: day,
          evidence: 'signed-agreement',
          sectors: ['agritech', 'ai'],
          stage: 'mvp',
          actor: staff,
        },
        `${day}T12:00:00Z`,
      ),
    ]);
    await expectText(page, '#tile-raised', '750,000');
    await expectText(page, '#tile-intro-funded', '50 %');
    await expectText(page, '#tile-days-to-funding', String(Number(day.slice(8)) - 1));
    const sectors = await bars(page, '#chart-raised');
    expect(sectors.map((bar) => [bar.text, bar.share])).toEqual([
      ['750,000', 1],
      ['750,000', 1],
    ]);
    expect(await page.locator('#chart-raised g.bar text.label').allTextContents()).toEqual(['agritech', 'ai']);
    const introductions = await bars(page, '#chart-introductions');
    expect(introductions.map((bar) => [bar.text, bar.share])).toEqual([
      ['2', 1],
      ['1', 0.5],
      ['1', 0.5],
    ]);
    for (const bar of [...sectors, ...introductions]) expect(bar.textInsideChart).toBe(true);
    await page.screenshot({ path: join(tmpdir(), 'technopark-dashboard-funding.png'), fullPage: true });
  }, 120_000);

  it('shows the events held and the attendance rate at them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await page.goto(`${base}/dashboard?lang=en#token=${await tokens.forRole('site-staff', analytics.site)}`);
    const startsAt = `${new Date().toISOString().slice(0, 7)}-01T09:00:00.000Z`;
    const held = (kind: 'workshop' | 'hackathon', confirmed: number, checkedIn: number) =>
      scripted(
        EventCompleted,
        {
          eventId: randomUUID(),
          kind,
          startsAt,
          attendance: { confirmed, checkedIn, walkIns: 0, noShows: confirmed - checkedIn, startupsReached: 3 },
          actor: { id: 'events', role: 'system' as const },
        },
        startsAt,
      );
    const team = (rank: number, prize?: { label: string; amountMad?: number }) => ({
      teamId: randomUUID(),
      teamName: `Team ${rank}`,
      startupId: randomUUID(),
      memberCount: 3,
      rank,
      score: 90 - rank * 5,
      ...(prize && { prize }),
    });
    const judged = scripted(
      CompetitionResultsPublished,
      {
        eventId: randomUUID(),
        kind: 'hackathon' as const,
        jurors: 3,
        results: [
          team(1, { label: 'Grand prix', amountMad: 100_000 }),
          team(2, { label: 'Second prize', amountMad: 25_000 }),
          team(3, { label: 'Jury’s favourite' }),
          team(4),
        ],
        actor: { id: 'staff-1', role: 'site-staff' as const },
      },
      startsAt,
    );
    // A second resident, who came to an event this quarter: one of the site's two residents reached.
    const newcomer = randomUUID();
    const came = [
      scripted(
        ResidencyStarted,
        {
          ...ResidencyStarted.example,
          residencyId: randomUUID(),
          startupId: newcomer,
          startedOn: startsAt.slice(0, 10),
        },
        startsAt,
      ),
      scripted(
        AttendanceCheckedIn,
        {
          eventId: randomUUID(),
          registrationId: randomUUID(),
          registrant: { kind: 'startup' as const, startupId: newcomer },
          walkIn: false,
          checkedInAt: startsAt,
          actor: { id: 'staff-1', role: 'site-staff' as const },
        },
        startsAt,
      ),
    ];
    await analytics.publish([held('workshop', 30, 24), held('hackathon', 50, 40), judged, ...came]);
    await expectText(page, '#tile-events-held', '2');
    await expectText(page, '#tile-attendance', '80 %');
    await expectText(page, '#tile-residents-reached', '50 %');
    await expectText(page, '#tile-prizes-won', '3');
    await expectText(page, '#tile-prize-money', '125,000');
    await page.screenshot({ path: join(tmpdir(), 'technopark-dashboard-community.png'), fullPage: true });
  }, 120_000);

  it('says so when opened without a token', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/dashboard?lang=en`);
    await page.locator('#status[data-state="noToken"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#status').textContent()).toContain('No token');
  });
});

describe('the dashboard of a national instance, in headless Chromium', () => {
  const tag = uniqueSiteId('d');
  const [agadir, tangier] = [`${tag}-agadir`, `${tag}-tangier`];
  let national: AnalyticsSite;
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: ensureChromium(), headless: true });
    const startupId = randomUUID();
    const residency = {
      residencyId: randomUUID(),
      startupId,
      programId: 'incubation',
      programKind: 'incubation' as const,
      actor: { id: 's', role: 'site-staff' as const },
    };
    const writer = await startAnalyticsSite();
    await writer.publish(
      [
        scripted(
          ApplicationSubmitted,
          {
            applicationId: randomUUID(),
            startupId,
            programId: 'incubation',
            callId: 'autumn',
            submittedAt: '2019-11-01T10:00:00Z',
            actor: { id: 'u', role: 'startup' },
          },
          '2019-11-01T10:00:00Z',
        ),
        scripted(
          ResidencyStarted,
          { ...residency, spaceId: 'office-1', startedOn: '2020-01-15', plannedEndOn: '2021-07-15' },
          '2020-01-15T10:00:00Z',
        ),
        scripted(
          ResidentReportSubmitted,
          { ...residency, period: '2026-Q3', headcount: 12, revenueMad: 90_000, exporting: true, foreignBranch: false },
          '2026-10-05T10:00:00Z',
        ),
      ],
      agadir,
    );
    await writer.publish(
      [
        scripted(
          ApplicationSubmitted,
          {
            applicationId: randomUUID(),
            startupId: randomUUID(),
            programId: 'incubation',
            callId: 'autumn',
            submittedAt: '2026-09-01T10:00:00Z',
            actor: { id: 'u', role: 'startup' },
          },
          '2026-09-01T10:00:00Z',
        ),
      ],
      tangier,
    );
    await writer.publish(
      [
        scripted(
          ApplicationSubmitted,
          {
            applicationId: randomUUID(),
            startupId: randomUUID(),
            programId: 'incubation',
            callId: 'autumn',
            submittedAt: '2026-09-02T10:00:00Z',
            actor: { id: 'u', role: 'startup' },
          },
          '2026-09-02T10:00:00Z',
        ),
      ],
      tangier,
    );
    await writer.close();
    national = await startAnalyticsSite({
      site: uniqueSiteId('national'),
      today: '2026-11-22',
      env: { ANALYTICS_SCOPE: 'national', ANALYTICS_SITES: `${agadir}|${tangier}` },
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await national?.close();
  });

  it("shows the network, then one site's figures when the site is picked; jobs by site and the cohort curves", async () => {
    const page = await browser.newPage();
    const base = (await national.app.getUrl()).replace('[::1]', '127.0.0.1');
    await page.goto(`${base}/dashboard?lang=en#token=${await tokens.forRole('platform-admin', 'national')}`);
    await expectText(page, '#tile-submitted', '3');
    await page.locator('#site-picker:not([hidden])').waitFor({ timeout: 20_000 });
    await page.locator(`#site option[value="${tangier}"]`).waitFor({ state: 'attached', timeout: 20_000 });
    expect(
      await page
        .locator('#site option')
        .evaluateAll((options) => options.map((option) => option.getAttribute('value'))),
    ).toEqual(['', agadir, tangier]);
    expect(await page.locator('#site option').first().textContent()).toBe('National network');
    // Each site's freshness under the header: the newest event read from it, in Casablanca's time.
    await page.locator('#freshness:not([hidden]) li').nth(1).waitFor({ timeout: 20_000 });
    expect(
      await page
        .locator('#freshness li')
        .evaluateAll((items) =>
          items.map((item) => [item.getAttribute('data-site'), item.getAttribute('data-last-event-at')]),
        ),
    ).toEqual([
      [agadir, '2026-10-05T10:00:00.000Z'],
      [tangier, '2026-09-02T10:00:00.000Z'],
    ]);
    // The hour follows the browser's time-zone data for Africa/Casablanca: the date and the words are fixed.
    const [agadirLine, tangierLine] = await page.locator('#freshness li').allTextContents();
    expect(agadirLine).toMatch(new RegExp(`^${agadir} · last event 05/10/2026, 1[01]:00:00$`));
    expect(tangierLine).toMatch(new RegExp(`^${tangier} · last event 02/09/2026, 1[01]:00:00$`));
    await expectText(page, '#tile-jobs', '12');
    expect(await page.locator('#chart-jobs g.bar').count()).toBe(1);
    expect((await bars(page, '#chart-jobs'))[0]).toMatchObject({ text: '12', share: 1, textInsideChart: true });
    // The 2020-01 cohort (one startup, still active) has reached both marks.
    expect(await page.locator('#chart-cohorts circle.success').count()).toBe(1);
    expect(await page.locator('#chart-cohorts circle.survival').count()).toBe(1);
    await page.screenshot({ path: join(tmpdir(), 'technopark-dashboard-national.png'), fullPage: true });

    await page.selectOption('#site', tangier);
    await expectText(page, '#tile-submitted', '2');
    await expectText(page, '#tile-jobs', '0');
    await page.selectOption('#site', agadir);
    await expectText(page, '#tile-submitted', '1');
    await expectText(page, '#tile-residents', '1');
    await page.selectOption('#language', 'fr');
    expect(await page.locator('#freshness li').first().textContent()).toMatch(
      new RegExp(`^${agadir} · dernier événement 05/10/2026 1[01]:00:00$`),
    );
  }, 150_000);
});

/** Each bar as drawn: its number, how much of its track it fills, and whether the number is inside the chart. */
async function bars(
  page: import('playwright-core').Page,
  chart: string,
): Promise<{ text: string; share: number; textInsideChart: boolean }[]> {
  return page.locator(`${chart} g.bar`).evaluateAll((groups) =>
    groups.map((group) => {
      type Box = { left: number; right: number; width: number };
      type Node = {
        textContent: string | null;
        getAttribute(name: string): string | null;
        getBoundingClientRect(): Box;
        querySelector(selector: string): Node | null;
        ownerSVGElement: Node;
      };
      const bar = group as unknown as Node;
      const value = bar.querySelector('text.value') as Node;
      const [box, text] = [bar.ownerSVGElement.getBoundingClientRect(), value.getBoundingClientRect()];
      const width = (selector: string) => Number(bar.querySelector(selector)?.getAttribute('width'));
      return {
        text: value.textContent ?? '',
        share: Math.round((width('rect.fill') / width('rect.track')) * 1000) / 1000,
        textInsideChart: text.left >= box.left && text.right <= box.right + 0.5 && text.width > 0,
      };
    }),
  );
}

async function expectText(page: import('playwright-core').Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 30_000 });
}
