import { randomUUID } from 'node:crypto';
import type { TestTokens } from '@technopark/security/testing';
import { PASSING_MARKS, siteRequests } from '@technopark/testing';

/** The steps of one startup's journey at the applications service, in order. */
export type JourneyStep = 'register' | 'apply' | 'submit' | 'review' | 'score' | 'decide';
export type Outcome = 'accepted' | 'rejected';

/** One request a client made, and what came of it: a status, or 0 when no answer came (refused, reset, timed out). */
export interface HistoryEntry {
  readonly client: number;
  readonly step: JourneyStep;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly error?: string;
  /** When it was sent, ms since the epoch, and how long until its answer (or its failure). */
  readonly at: number;
  readonly ms: number;
  readonly startupId: string;
  readonly applicationId?: string;
  readonly outcome?: Outcome;
}

/** Journeys per call: a call's cohort takes at most 1,000 startups, two in three of them accepted. */
const JOURNEYS_PER_CALL = 600;

/** A request gets this long to be answered; after that its client counts it as unanswered. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Clients driving a site over its public HTTP API only, as its startups, staff and committee do:
 * each startup registers, applies, submits, is reviewed, scored twice and decided (two in three
 * accepted). Every request and its answer goes into the history the ledger is checked against. A
 * journey stops at its first request not answered 2xx: what it did so far stays in the history.
 */
export class Workload {
  readonly history: HistoryEntry[] = [];
  /** The program this workload's startups apply to: the funnel is read for it alone. */
  readonly programId = `faults-${randomUUID().slice(0, 8)}`;
  private readonly calls = new Map<number, Promise<string>>();
  private running: Promise<void>[] = [];
  private stopping = false;
  private journeys = 0;

  constructor(
    private readonly site: string,
    private readonly applicationsUrl: string,
    private readonly tokens: TestTokens,
  ) {}

  /** Starts `clients` clients, each beginning a journey every `paceMs` once its previous one has ended (a closed loop). */
  async start(clients: number, paceMs: number): Promise<void> {
    await this.openProgram();
    this.stopping = false;
    this.running = Array.from({ length: clients }, (_, client) => this.drive(client, paceMs));
  }

  /** Begins `perSecond` journeys a second, whether or not the earlier ones have ended (an open loop). */
  async startArrivals(perSecond: number): Promise<void> {
    await this.openProgram();
    this.stopping = false;
    this.running = [this.arrive(1_000 / perSecond)];
  }

  /** Lets every journey under way finish, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  private async drive(client: number, paceMs: number): Promise<void> {
    while (!this.stopping) {
      const next = Date.now() + paceMs;
      await this.journey(client, this.nextOutcome());
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
  }

  private async arrive(intervalMs: number): Promise<void> {
    const journeys: Promise<void>[] = [];
    for (let next = Date.now(); !this.stopping; next += intervalMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
      if (!this.stopping) journeys.push(this.journey(journeys.length, this.nextOutcome()));
    }
    await Promise.all(journeys);
  }

  /** Two in three accepted. */
  private nextOutcome(): Outcome {
    return this.journeys++ % 3 === 2 ? 'rejected' : 'accepted';
  }

  private async journey(client: number, outcome: Outcome): Promise<void> {
    const callId = await this.callFor(this.journeys).catch(() => undefined);
    if (!callId) return;
    const startupId = randomUUID();
    const founder = await this.tokens.forRole('startup', this.site, { startupId, subject: `founder-${startupId}` });
    const staff = await this.tokens.forRole('site-staff', this.site);
    const send = (step: JourneyStep, path: string, token: string, body?: object, applicationId?: string) =>
      this.send({ client, step, method: 'POST', path, startupId, applicationId }, token, body);
    if (!(await send('register', '/v1/startups', founder, siteRequests.startup('Faults Startup'))).ok) return;
    const draft = await send('apply', '/v1/applications', founder, siteRequests.application(callId));
    const applicationId = (draft.body as { id?: string } | undefined)?.id;
    if (!draft.ok || !applicationId) return;
    const path = `/v1/applications/${applicationId}`;
    if (!(await send('submit', `${path}/submit`, founder, undefined, applicationId)).ok) return;
    if (!(await send('review', `${path}/review`, staff, undefined, applicationId)).ok) return;
    for (const member of ['member-a', 'member-b']) {
      const token = await this.tokens.forRole('committee-member', this.site, { subject: member });
      if (!(await send('score', `${path}/scores`, token, { marks: PASSING_MARKS }, applicationId)).ok) return;
    }
    await this.send(
      { client, step: 'decide', method: 'POST', path: `${path}/decision`, startupId, applicationId, outcome },
      staff,
      { outcome, reason: 'Fault suite.' },
    );
  }

  private async openProgram(): Promise<void> {
    const staff = await this.tokens.forRole('site-staff', this.site);
    await this.post('/v1/programs', staff, siteRequests.program(this.programId));
    await this.callFor(0);
  }

  /** A call's cohort takes at most 1,000 startups: a new call is opened for every 600 journeys. */
  private callFor(journey: number): Promise<string> {
    const index = Math.floor(journey / JOURNEYS_PER_CALL);
    let call = this.calls.get(index);
    if (!call) {
      const callId = `${this.programId}-call-${index}`;
      call = this.tokens
        .forRole('site-staff', this.site)
        .then((staff) =>
          this.post(`/v1/programs/${this.programId}/calls`, staff, siteRequests.call(callId, 'Fault suite cohort')),
        )
        .then(() => callId);
      // A call that could not be opened (the service away) is tried again by the next journey.
      call.catch(() => this.calls.delete(index));
      this.calls.set(index, call);
    }
    return call;
  }

  private async post(path: string, token: string, body: object): Promise<void> {
    const response = await fetch(`${this.applicationsUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  }

  private async send(
    request: Omit<HistoryEntry, 'status' | 'at' | 'ms' | 'error'>,
    token: string,
    body?: object,
  ): Promise<{ ok: boolean; body?: unknown }> {
    const at = Date.now();
    try {
      const response = await fetch(`${this.applicationsUrl}${request.path}`, {
        method: request.method,
        headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
        ...(body && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => undefined)) as { code?: string } | undefined;
      const ok = response.status >= 200 && response.status < 300;
      this.history.push({
        ...request,
        status: response.status,
        ...(!ok && { error: answer?.code ?? 'no code' }),
        at,
        ms: Date.now() - at,
      });
      return { ok, body: answer };
    } catch (error) {
      this.history.push({ ...request, status: 0, error: (error as Error).name, at, ms: Date.now() - at });
      return { ok: false };
    }
  }
}
