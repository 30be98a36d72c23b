import { randomUUID } from 'node:crypto';
import { ApplicationSubmitted } from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import { type AnalyticsSite, scripted, startAnalyticsSite, tokens } from './support/analytics-site';

interface ServerSentEvent {
  readonly id: string;
  readonly event: string;
  readonly data: { funnel: { counts: { submitted: number } } };
}

/** Reads a text/event-stream as a browser would, one parsed event at a time. */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    response,
    /** The next event, or null when none comes within `timeoutMs`. */
    async next(timeoutMs = 10_000): Promise<ServerSentEvent | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
          );
          return {
            id: fields['id'] as string,
            event: fields['event'] as string,
            data: JSON.parse(fields['data'] as string),
          };
        }
        const left = deadline - Date.now();
        if (left <= 0) return null;
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left))),
        ]).finally(() => clearTimeout(timer)); // a pending wait would keep Jest from exiting
        if (!chunk || chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

describe('the KPI stream for dashboards', () => {
  let analytics: AnalyticsSite;
  let url: string;
  let staff: Record<string, string>;
  const submitted = () =>
    scripted(
      ApplicationSubmitted,
      {
        applicationId: randomUUID(),
        startupId: randomUUID(),
        programId: 'incubation',
        callId: 'autumn',
        submittedAt: '2026-10-01T10:00:00Z',
        actor: { id: 'user-1', role: 'startup' },
      },
      '2026-10-01T10:00:00Z',
    );

  beforeAll(async () => {
    analytics = await startAnalyticsSite();
    url = `${await analytics.app.getUrl()}/v1/kpis/stream`.replace('[::1]', '127.0.0.1');
    staff = bearer(await tokens.forRole('site-staff', analytics.site));
  }, 60_000);
  afterAll(() => analytics?.close());

  it('pushes the KPIs at once, then on every change, and catches a reconnecting client up from Last-Event-ID', async () => {
    const stream = await openStream(url, staff);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    const first = await stream.next();
    expect(first).toMatchObject({ event: 'kpis', data: { funnel: { counts: { submitted: 0 } } } });

    await analytics.publish([submitted()]);
    const second = await stream.next(30_000);
    expect(second?.data.funnel.counts.submitted).toBe(1);
    expect(Number(second?.id)).toBeGreaterThan(Number(first?.id));
    stream.close();

    await analytics.publish([submitted()]);
    const behind = await openStream(url, { ...staff, 'last-event-id': String(second?.id) });
    const caughtUp = await behind.next(30_000);
    expect(caughtUp?.data.funnel.counts.submitted).toBe(2);
    behind.close();

    const upToDate = await openStream(url, { ...staff, 'last-event-id': String(caughtUp?.id) });
    expect(await upToDate.next(2_500)).toBeNull();
    upToDate.close();
  }, 90_000);

  it('refuses a dashboard without a token, and a startup', async () => {
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: bearer(await tokens.forRole('startup', analytics.site)) })).status).toBe(403);
  });
});
