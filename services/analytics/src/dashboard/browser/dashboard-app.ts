/**
 * The dashboard's browser module. It reads the KPI stream with fetch (an EventSource cannot send the
 * bearer token), redraws on every message, and reconnects with Last-Event-ID. The token comes from
 * the fragment `#token=` once (a fragment never reaches a server or its logs), then from this
 * browser's session storage; the fragment is then cleared. On a national instance (several sites)
 * a selector switches between the network and one site's stream.
 */

/** What the dashboard reads of a `KpisView` (GET /v1/kpis). */
interface Kpis {
  readonly occupancy: readonly {
    readonly coworkingPositions: { readonly used: number; readonly total: number };
    readonly offices: { readonly used: number; readonly total: number };
    readonly waitlist: number;
  }[];
  readonly residents: { readonly residentsNow: number; readonly annualTurnoverRate: number | null };
  readonly funnel: { readonly counts: Record<string, number>; readonly acceptanceRate: number | null };
  readonly economy: {
    readonly jobs: number;
    readonly revenueMad: number;
    readonly jobsBySite: readonly { site: string; jobs: number }[];
  };
  readonly cohorts: readonly Cohort[];
  readonly funding: {
    readonly raisedMad: number;
    readonly bySector: readonly { key: string; raisedMad: number }[];
    readonly introductions: {
      readonly requested: number;
      readonly accepted: number;
      readonly funded: number;
      readonly fundedRate: number | null;
    };
    readonly daysToFunding: { readonly median: number | null };
    readonly matchedResidentShare: number | null;
  };
  readonly community: {
    readonly eventsHeld: number;
    readonly attendance: { readonly rate: number | null };
    readonly reach: { readonly residentShare: number | null };
    readonly competitions: { readonly prizesWon: number; readonly prizeMoneyMad: number };
  };
}

interface Cohort {
  readonly cohort: string;
  readonly size: number;
  readonly successRate: number | null;
  readonly survivalRate: number | null;
}

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly of: number;
  readonly text: string;
}

type Language = 'fr' | 'en';

const TEXT = {
  fr: {
    title: 'Indicateurs Technopark',
    language: 'Langue',
    residents: 'Résidents',
    occupancy: 'Postes occupés',
    waitlist: "Liste d'attente",
    submitted: 'Candidatures',
    acceptance: "Taux d'acceptation",
    turnover: 'Rotation annuelle',
    jobs: 'Emplois',
    revenue: "Chiffre d'affaires (MAD)",
    funnel: 'Entonnoir des candidatures',
    occupancyChart: 'Occupation',
    cohorts: 'Cohortes : succès à 18 mois et survie à 5 ans',
    success: 'Succès à 18 mois',
    survival: 'Survie à 5 ans',
    jobsChart: 'Emplois par site',
    site: 'Site',
    network: 'Réseau national',
    live: 'En direct',
    connecting: 'Connexion…',
    offline: 'Hors ligne, reconnexion…',
    noToken: 'Jeton manquant : ouvrez /dashboard#token=…',
    noCohort: 'Aucune cohorte encore',
    nothingYet: 'Rien de déclaré pour l’instant',
    notYet: 'Taux mesurés à 18 mois et à 5 ans',
    cohortSize: (size: number) => size + (size > 1 ? ' startups' : ' startup'),
    stages: {
      submitted: 'Soumises',
      'in-review': 'En revue',
      accepted: 'Acceptées',
      rejected: 'Refusées',
      waitlisted: 'En attente',
      withdrawn: 'Retirées',
    } as Record<string, string>,
    offices: 'Bureaux',
    positions: 'Postes coworking',
    lastEvent: 'dernier événement',
    raised: 'Fonds levés (MAD)',
    introFunded: 'Introductions financées',
    daysToFunding: 'Jours jusqu’au financement (médiane)',
    matched: 'Résidents avec un match qualifié',
    eventsHeld: 'Événements tenus',
    attendance: 'Taux de présence',
    residentsReached: 'Résidents venus à un événement ce trimestre',
    prizesWon: 'Prix remportés (concours)',
    prizeMoney: 'Dotation des prix (MAD)',
    raisedChart: 'Fonds levés par secteur (MAD)',
    introductionsChart: 'Introductions aux financeurs',
    introStages: { requested: 'Demandées', accepted: 'Acceptées', funded: 'Financées' } as Record<string, string>,
  },
  en: {
    title: 'Technopark KPIs',
    language: 'Language',
    residents: 'Residents',
    occupancy: 'Positions used',
    waitlist: 'Waitlist',
    submitted: 'Applications',
    acceptance: 'Acceptance rate',
    turnover: 'Annual turnover',
    jobs: 'Jobs',
    revenue: 'Revenue (MAD)',
    funnel: 'Application funnel',
    occupancyChart: 'Occupancy',
    cohorts: 'Cohorts: success at 18 months and survival at 5 years',
    success: 'Success at 18 months',
    survival: 'Survival at 5 years',
    jobsChart: 'Jobs by site',
    site: 'Site',
    network: 'National network',
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Offline, reconnecting…',
    noToken: 'No token: open /dashboard#token=…',
    noCohort: 'No cohort yet',
    nothingYet: 'Nothing reported yet',
    notYet: 'Rates are measured at 18 months and 5 years',
    cohortSize: (size: number) => size + (size === 1 ? ' startup' : ' startups'),
    stages: {
      submitted: 'Submitted',
      'in-review': 'In review',
      accepted: 'Accepted',
      rejected: 'Rejected',
      waitlisted: 'Waitlisted',
      withdrawn: 'Withdrawn',
    } as Record<string, string>,
    offices: 'Offices',
    positions: 'Coworking positions',
    lastEvent: 'last event',
    raised: 'Funds raised (MAD)',
    introFunded: 'Introductions funded',
    daysToFunding: 'Days to funding (median)',
    matched: 'Residents with a qualified match',
    eventsHeld: 'Events held',
    attendance: 'Attendance rate',
    residentsReached: 'Residents at an event this quarter',
    prizesWon: 'Prizes won (competitions)',
    prizeMoney: 'Prize money (MAD)',
    raisedChart: 'Funds raised by sector (MAD)',
    introductionsChart: 'Introductions to funders',
    introStages: { requested: 'Requested', accepted: 'Accepted', funded: 'Funded' } as Record<string, string>,
  },
} as const;

type Words = (typeof TEXT)[Language];
/** The words of the page that are plain text (the `data-i18n` keys and the status line). */
type TextKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];

const params = new URLSearchParams(location.search);
const fragment = new URLSearchParams(location.hash.slice(1));
const fromFragment = fragment.get('token');
if (fromFragment) {
  sessionStorage.setItem('technopark-token', fromFragment);
  history.replaceState(null, '', location.pathname + location.search);
}
const token = sessionStorage.getItem('technopark-token');
let language: Language = params.get('lang') === 'en' || localStorage.getItem('technopark-lang') === 'en' ? 'en' : 'fr';
let latest: Kpis | null = null;
let lastEventId: string | null = null;
let site = params.get('site') || '';
let connection: AbortController | null = null;

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the dashboard page has no #${id}`);
  return found as T;
}
const chart = (id: string) => element(id) as unknown as SVGSVGElement;
const siteSelect = () => element<HTMLSelectElement>('site');
const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '–' : Math.round(rate * 1000) / 10 + ' %';
const number = (value: number) => new Intl.NumberFormat(language === 'fr' ? 'fr-MA' : 'en-GB').format(value);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: unknown) => String(text).replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

function status(key: TextKey): void {
  element('status').textContent = TEXT[language][key];
  element('status').dataset['state'] = key;
}

function translate(): void {
  document.documentElement.lang = language;
  element<HTMLSelectElement>('language').value = language;
  for (const labelled of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    labelled.textContent = TEXT[language][labelled.dataset['i18n'] as TextKey];
  }
  if (latest) draw(latest);
}

// Horizontal bars in a 400-wide drawing: label column, bar track, and the value right-aligned in a
// column of its own, so a full bar never hides its number. Each bar is scaled to its own whole
// (capacity, total), never to the largest bar.
function bars(svg: SVGSVGElement, rows: readonly Bar[]): void {
  const rowHeight = 28;
  if (rows.length === 0) {
    svg.setAttribute('viewBox', '0 0 400 40');
    svg.innerHTML = `<text class="empty" x="200" y="24" text-anchor="middle">${TEXT[language].nothingYet}</text>`;
    return;
  }
  svg.setAttribute('viewBox', `0 0 400 ${Math.max(rowHeight, rows.length * rowHeight)}`);
  svg.innerHTML = rows
    .map((row, index) => {
      const y = index * rowHeight;
      const share = row.of > 0 ? Math.min(1, row.value / row.of) : 0;
      return (
        `<g class="bar" data-value="${row.value}" data-of="${row.of}">` +
        `<text class="label" x="0" y="${y + 17}">${escape(row.label)}</text>` +
        `<rect class="track" x="130" y="${y + 5}" width="190" height="16" fill="#e3e8ee"></rect>` +
        `<rect class="fill" x="130" y="${y + 5}" width="${Math.round(share * 1900) / 10}" height="16" fill="#1d7ea6"></rect>` +
        `<text class="value" x="398" y="${y + 17}" text-anchor="end">${escape(row.text)}</text></g>`
      );
    })
    .join('');
}

// Every cohort by start month, with its size; the 18-month success and 5-year survival rates are
// drawn for the cohorts that reached each mark, and the others say when they will.
function curve(svg: SVGSVGElement, cohorts: readonly Cohort[]): void {
  svg.setAttribute('viewBox', '0 0 400 200');
  if (cohorts.length === 0) {
    svg.innerHTML = `<text class="empty" x="200" y="100" text-anchor="middle">${TEXT[language].noCohort}</text>`;
    return;
  }
  const shown = cohorts.slice(-12);
  const x = (index: number) => (shown.length === 1 ? 200 : 30 + (index * 340) / (shown.length - 1));
  const y = (rate: number) => 140 - rate * 120;
  // Both rates are often equal (100 % and 100 %): the survival dot is drawn smaller, over the success one, so both show.
  const line = (rate: 'successRate' | 'survivalRate', colour: string, name: string, radius: number) => {
    const points = shown.flatMap((cohort, index) => {
      const value = cohort[rate];
      return value === null ? [] : [[x(index), y(value)] as const];
    });
    return (
      `<polyline class="${name}" fill="none" stroke="${colour}" stroke-width="2" points="${points.map((point) => point.join(',')).join(' ')}"></polyline>` +
      points
        .map(([cx, cy]) => `<circle class="${name}" cx="${cx}" cy="${cy}" r="${radius}" fill="${colour}"></circle>`)
        .join('')
    );
  };
  const grid = [0, 0.5, 1]
    .map(
      (rate) =>
        `<line x1="20" x2="390" y1="${y(rate)}" y2="${y(rate)}" stroke="#e3e8ee"></line>` +
        `<text class="axis" x="0" y="${y(rate) + 4}">${rate * 100}%</text>`,
    )
    .join('');
  const labels = shown
    .map(
      (cohort, index) =>
        `<text class="cohort" x="${x(index)}" y="165" text-anchor="middle">${escape(cohort.cohort)}</text>` +
        `<text class="size" x="${x(index)}" y="180" text-anchor="middle">${TEXT[language].cohortSize(cohort.size)}</text>`,
    )
    .join('');
  const pending = shown.every((cohort) => cohort.successRate === null)
    ? `<text class="pending" x="200" y="196" text-anchor="middle">${TEXT[language].notYet}</text>`
    : '';
  svg.innerHTML =
    grid +
    line('successRate', '#0b4f6c', 'success', 6) +
    line('survivalRate', '#c5761d', 'survival', 3) +
    labels +
    pending;
}

function draw(kpis: Kpis): void {
  const occupancy = kpis.occupancy.reduce(
    (sum, ofSite) => ({
      used: sum.used + ofSite.coworkingPositions.used,
      total: sum.total + ofSite.coworkingPositions.total,
      officesUsed: sum.officesUsed + ofSite.offices.used,
      offices: sum.offices + ofSite.offices.total,
      waitlist: sum.waitlist + ofSite.waitlist,
    }),
    { used: 0, total: 0, officesUsed: 0, offices: 0, waitlist: 0 },
  );
  element('tile-residents').textContent = number(kpis.residents.residentsNow);
  element('tile-occupancy').textContent = occupancy.total ? `${occupancy.used} / ${occupancy.total}` : '–';
  element('tile-waitlist').textContent = number(occupancy.waitlist);
  element('tile-submitted').textContent = number(kpis.funnel.counts['submitted'] ?? 0);
  element('tile-acceptance').textContent = percent(kpis.funnel.acceptanceRate);
  element('tile-turnover').textContent = percent(kpis.residents.annualTurnoverRate);
  element('tile-jobs').textContent = number(kpis.economy.jobs);
  element('tile-revenue').textContent = number(kpis.economy.revenueMad);
  const words = TEXT[language];
  // Each stage as a share of the applications that entered the funnel.
  const entered = Math.max(...Object.values(kpis.funnel.counts));
  bars(
    chart('chart-funnel'),
    Object.entries(kpis.funnel.counts).map(([stage, value]) => ({
      label: words.stages[stage] || stage,
      value,
      of: entered,
      text: number(value),
    })),
  );
  bars(chart('chart-occupancy'), [
    {
      label: words.offices,
      value: occupancy.officesUsed,
      of: occupancy.offices,
      text: `${number(occupancy.officesUsed)} / ${number(occupancy.offices)}`,
    },
    {
      label: words.positions,
      value: occupancy.used,
      of: occupancy.total,
      text: `${number(occupancy.used)} / ${number(occupancy.total)}`,
    },
  ]);
  curve(chart('chart-cohorts'), kpis.cohorts);
  drawFunding(kpis.funding, words);
  element('tile-events-held').textContent = number(kpis.community.eventsHeld);
  element('tile-attendance').textContent = percent(kpis.community.attendance.rate);
  element('tile-residents-reached').textContent = percent(kpis.community.reach.residentShare);
  element('tile-prizes-won').textContent = number(kpis.community.competitions.prizesWon);
  element('tile-prize-money').textContent = number(kpis.community.competitions.prizeMoneyMad);
  const jobs = kpis.economy.jobsBySite.reduce((sum, row) => sum + row.jobs, 0);
  bars(
    chart('chart-jobs'),
    kpis.economy.jobsBySite.map((row) => ({ label: row.site, value: row.jobs, of: jobs, text: number(row.jobs) })),
  );
}

/** Funding: money raised and its sectors, and how introductions convert into money. */
function drawFunding(funding: Kpis['funding'], words: Words): void {
  element('tile-raised').textContent = number(funding.raisedMad);
  element('tile-intro-funded').textContent = percent(funding.introductions.fundedRate);
  element('tile-days-to-funding').textContent =
    funding.daysToFunding.median === null ? '–' : number(funding.daysToFunding.median);
  element('tile-matched').textContent = percent(funding.matchedResidentShare);
  bars(
    chart('chart-raised'),
    funding.bySector.map((slice) => ({
      label: slice.key,
      value: slice.raisedMad,
      of: funding.raisedMad,
      text: number(slice.raisedMad),
    })),
  );
  const { requested, accepted, funded } = funding.introductions;
  bars(
    chart('chart-introductions'),
    Object.entries({ requested, accepted, funded }).map(([stage, value]) => ({
      label: words.introStages[stage] || stage,
      value,
      of: requested,
      text: number(value),
    })),
  );
}

// A national instance reads several sites: offer the network and each site, adding sites as their first events arrive.
let national: boolean | null = null;
async function offerSites(): Promise<void> {
  if (national === false) return;
  const response = await fetch('/v1/sites', { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
  if (!response || !response.ok) return;
  const { scope, sites, freshness } = (await response.json()) as {
    scope: string;
    sites: string[];
    freshness: readonly SiteFreshness[];
  };
  national = scope === 'national';
  if (!national) return;
  showFreshness(freshness);
  const offered = new Set([...siteSelect().options].map((option) => option.value));
  for (const id of sites.filter((known) => !offered.has(known))) {
    const option = document.createElement('option');
    option.value = id;
    option.textContent = id;
    siteSelect().append(option);
  }
  siteSelect().value = site;
  element('site-picker').hidden = false;
}

interface SiteFreshness {
  readonly site: string;
  readonly lastEventAt: string;
}

let freshnessShown: readonly SiteFreshness[] = [];

/** At HQ, how fresh each site's figures are: a site whose link or broker is down stops moving here. */
function showFreshness(freshness: readonly SiteFreshness[]): void {
  freshnessShown = freshness;
  const list = element('freshness');
  list.replaceChildren(
    ...freshness.map(({ site: id, lastEventAt }) => {
      const item = document.createElement('li');
      item.dataset['site'] = id;
      item.dataset['lastEventAt'] = lastEventAt;
      const time = new Date(lastEventAt).toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', {
        dateStyle: 'short',
        timeStyle: 'medium',
        timeZone: 'Africa/Casablanca',
      });
      item.textContent = `${id} · ${TEXT[language].lastEvent} ${time}`;
      return item;
    }),
  );
  list.hidden = freshness.length === 0;
}

async function listen(): Promise<void> {
  if (!token) {
    status('noToken');
    return;
  }
  status('connecting');
  try {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    connection = new AbortController();
    const path = site ? `/v1/sites/${encodeURIComponent(site)}/kpis/stream` : '/v1/kpis/stream';
    const response = await fetch(path, { headers, signal: connection.signal });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    status('live');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1).trim();
        }
        if (fields['id']) lastEventId = fields['id'];
        if (fields['data']) {
          latest = JSON.parse(fields['data']) as Kpis;
          draw(latest);
          void offerSites();
        }
      }
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') return; // switched to another site: a new stream is already opening
    console.warn('KPI stream interrupted', error);
  }
  status('offline');
  setTimeout(() => void listen(), 3000);
}

siteSelect().addEventListener('change', () => {
  site = siteSelect().value;
  lastEventId = null;
  connection?.abort();
  void listen();
});

element<HTMLSelectElement>('language').addEventListener('change', (event) => {
  language = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'fr';
  localStorage.setItem('technopark-lang', language);
  translate();
  showFreshness(freshnessShown);
});
translate();
void listen();

export {};
