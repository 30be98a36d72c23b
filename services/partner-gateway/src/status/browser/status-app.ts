/**
 * The partner status page's browser module: reads `GET /v1/partners/:id/status` every 10 s and draws
 * each subscription. The partner comes from `?partner=`; the token from the fragment `#token=` once
 * (a fragment never reaches a server or its logs), then from this browser's session storage.
 */

interface SubscriptionHealth {
  readonly subscriptionId: string;
  readonly description?: string;
  readonly destination: string;
  readonly status: 'active' | 'suspended' | 'ended';
  readonly statusReason?: string;
  readonly lastSuccessAt?: string;
  readonly pending: number;
  readonly dead: number;
  readonly lagSeconds: number;
  readonly delivered: number;
  readonly failedAttempts: number;
  readonly latencyP50Ms?: number;
  readonly latencyP99Ms?: number;
}

interface PartnerStatus {
  readonly partnerId: string;
  readonly name: string;
  readonly generatedAt: string;
  readonly sampleSize: number;
  readonly subscriptions: readonly SubscriptionHealth[];
}

const REFRESH_MS = 10_000;
const TOKEN_KEY = 'technopark-partner-status-token';

function token(): string | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function element(tag: string, className: string, text?: string, id?: string): HTMLElement {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  if (id) created.id = id;
  return created;
}

function duration(milliseconds: number | undefined): string {
  if (milliseconds === undefined) return '–';
  return milliseconds < 1000 ? `${milliseconds} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

function figure(id: string, label: string, value: string, kind: 'alarm' | 'when' | '' = ''): HTMLElement {
  const box = element('div', `figure ${kind}`.trim());
  box.append(element('div', 'value', value, id), element('div', 'label', label));
  return box;
}

const alarmIf = (alarm: boolean): 'alarm' | '' => (alarm ? 'alarm' : '');

/** A time today as a time of day, an older one with its date. */
function when(time: string | undefined): string {
  if (!time) return 'never';
  const moment = new Date(time);
  return moment.toDateString() === new Date().toDateString() ? moment.toLocaleTimeString() : moment.toLocaleString();
}

function card(health: SubscriptionHealth, index: number): HTMLElement {
  const section = element('article', 'subscription');
  section.dataset['subscription'] = health.subscriptionId;
  const title = element('h2', '', health.description ?? health.subscriptionId);
  title.append(element('span', `badge ${health.status}`, health.status, `status-${index}`));
  section.append(title, element('div', 'url', health.destination));
  if (health.statusReason) section.append(element('p', 'reason', health.statusReason, `reason-${index}`));
  const figures = element('div', 'figures');
  figures.append(
    figure(`pending-${index}`, 'pending', String(health.pending)),
    figure(
      `lag-${index}`,
      'lag (oldest pending)',
      health.pending > 0 ? duration(health.lagSeconds * 1000) : '–',
      alarmIf(health.lagSeconds > 60),
    ),
    figure(`dead-${index}`, 'dead letters', String(health.dead), alarmIf(health.dead > 0)),
    figure(`delivered-${index}`, 'delivered (sample)', String(health.delivered)),
    figure(
      `failed-${index}`,
      'failed attempts (sample)',
      String(health.failedAttempts),
      alarmIf(health.failedAttempts > 0),
    ),
    figure(`p50-${index}`, 'latency p50', duration(health.latencyP50Ms)),
    figure(`p99-${index}`, 'latency p99', duration(health.latencyP99Ms)),
    figure(`success-${index}`, 'last success', when(health.lastSuccessAt), 'when'),
  );
  section.append(figures);
  return section;
}

function draw(status: PartnerStatus): void {
  (document.getElementById('partner-name') as HTMLElement).textContent = `${status.name} — feed status`;
  (document.getElementById('generated') as HTMLElement).textContent =
    `${status.subscriptions.length} subscription(s); figures over each one's latest ${status.sampleSize} deliveries; ` +
    `as of ${new Date(status.generatedAt).toLocaleTimeString()}`;
  (document.getElementById('subscriptions') as HTMLElement).replaceChildren(...status.subscriptions.map(card));
  (document.getElementById('message') as HTMLElement).textContent =
    status.subscriptions.length === 0 ? 'No subscription yet.' : '';
}

async function refresh(partnerId: string, bearer: string): Promise<void> {
  const message = document.getElementById('message') as HTMLElement;
  try {
    const response = await fetch(`/v1/partners/${encodeURIComponent(partnerId)}/status`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      message.textContent = `${response.status} ${problem.code ?? ''}: ${problem.message ?? response.statusText}`;
      return;
    }
    draw((await response.json()) as PartnerStatus);
  } catch (error) {
    message.textContent = `The gateway did not answer (${(error as Error).message}); trying again.`;
  }
}

function start(): void {
  const partnerId = new URLSearchParams(location.search).get('partner');
  const bearer = token();
  const message = document.getElementById('message') as HTMLElement;
  if (!partnerId || !bearer) {
    message.textContent = 'Open this page as /status?partner=<id>#token=<a partner or staff token>.';
    return;
  }
  void refresh(partnerId, bearer);
  setInterval(() => void refresh(partnerId, bearer), REFRESH_MS);
}

start();
