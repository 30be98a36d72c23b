import { randomUUID } from 'node:crypto';
import { bearer, type TestTokens } from '@technopark/security/testing';
import { PASSING_MARKS, siteRequests } from '@technopark/testing';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** A site's public HTTP API as its staff, committee and startups use it: applications and their decisions. */
export class SiteClient {
  /** Every answer this client got, so that a scenario can show that its writes were all accepted. */
  readonly answers: Answer[] = [];
  private callId: string | undefined;

  constructor(
    readonly site: string,
    private readonly applicationsUrl: string,
    private readonly tokens: TestTokens,
  ) {}

  /** A program and an open call of its own, to apply to. */
  async openCall(): Promise<void> {
    const programId = `cells-${randomUUID().slice(0, 8)}`;
    const staff = await this.tokens.forRole('site-staff', this.site);
    await this.expect('POST', '/v1/programs', staff, siteRequests.program(programId), 201);
    this.callId = `${programId}-call`;
    await this.expect(
      'POST',
      `/v1/programs/${programId}/calls`,
      staff,
      siteRequests.call(this.callId, 'Cells cohort'),
      201,
    );
  }

  /** A startup registers, applies, is reviewed, scored by two members and decided: 7 writes, 3 counted events. */
  async journey(outcome: 'accepted' | 'rejected'): Promise<void> {
    if (!this.callId) throw new Error('openCall() first');
    const startupId = randomUUID();
    const founder = await this.tokens.forRole('startup', this.site, { startupId, subject: `founder-${startupId}` });
    await this.expect('POST', '/v1/startups', founder, siteRequests.startup('Cells Startup'), 201);
    const draft = await this.expect('POST', '/v1/applications', founder, siteRequests.application(this.callId), 201);
    const id = (draft.body as { id: string }).id;
    await this.expect('POST', `/v1/applications/${id}/submit`, founder, undefined, 200);
    const staff = await this.tokens.forRole('site-staff', this.site);
    await this.expect('POST', `/v1/applications/${id}/review`, staff, undefined, 200);
    for (const member of ['member-a', 'member-b']) {
      const token = await this.tokens.forRole('committee-member', this.site, { subject: member });
      await this.expect('POST', `/v1/applications/${id}/scores`, token, { marks: PASSING_MARKS }, 200);
    }
    await this.expect('POST', `/v1/applications/${id}/decision`, staff, { outcome, reason: 'Cells suite.' }, 200);
  }

  private async expect(
    method: string,
    path: string,
    token: string,
    body: object | undefined,
    status: number,
  ): Promise<Answer> {
    const response = await fetch(`${this.applicationsUrl}${path}`, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = { status: response.status, body: await response.json().catch(() => undefined) };
    this.answers.push(answer);
    if (response.status !== status)
      throw new Error(
        `${method} ${path} at ${this.site}: expected ${status}, got ${response.status} ${JSON.stringify(answer.body)}`,
      );
    return answer;
  }
}

/** The funnel counts an analytics instance serves at `path` (its own `/v1/kpis`, or a site's at HQ). */
export async function funnelCounts(analyticsUrl: string, path: string, token: string): Promise<Record<string, number>> {
  const response = await fetch(`${analyticsUrl}${path}`, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { funnel: { counts: Record<string, number> } }).funnel.counts;
}
