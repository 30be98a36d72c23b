import { randomUUID } from 'node:crypto';
import { Parser } from '@asyncapi/parser';
import {
  ApplicationAccepted,
  ApplicationSubmitted,
  PartnerApplicationAccepted,
  PartnerApplicationSubmitted,
  PartnerResidencyStarted,
  PartnerStartupProfile,
  ResidencyStarted,
  ResidentReportSubmitted,
  StartupRegistered,
} from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import { ReplaysRepository } from '../src/replays/replays.repository';
import { ReplaysService } from '../src/replays/replays.service';
import { Replay } from '../src/replays/schemas/replay.schema';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type GatewayHq, startGatewayHq } from './support/gateway-hq';
import { siteEvents } from './support/site-events';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * The "done when", on the real broker and database: a Plug-and-Play-like partner subscribed
 * to its batch's startups at two sites gets exactly what each startup consented to, signed, in order
 * per startup, through an outage of its receiver.
 */
describe('a partner feed over signed webhooks', () => {
  let hq: GatewayHq;
  const receiver = new WebhookReceiver();
  const partnerId = `pnp-${randomUUID().slice(0, 8)}`;
  const program = `${partnerId}-batch`;
  const [consenting, declining, revoking, flagged] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  let subscriptionId = '';
  const startedAt = new Date(Date.now() - 1_000).toISOString();

  beforeAll(async () => {
    await receiver.start();
    hq = await startGatewayHq();
  });
  afterAll(async () => {
    await hq?.close();
    await receiver.close();
  });

  const known = async (startupId: string) =>
    (await hq.http().get(`/v1/startups/${startupId}/partner-consents`).set(hq.admin)).status === 200;
  const decide = async (startupId: string, change: 'grant' | 'revoke', scopes: string[]) =>
    (
      await hq
        .http()
        .post(`/v1/startups/${startupId}/partner-consents/${partnerId}/${change}`)
        .set(await hq.startup(startupId))
        .send({ scopes })
        .expect(200)
    ).body;
  const queuedFor = async (startupId: string) =>
    (
      await hq
        .http()
        .get(`/v1/partners/${partnerId}/deliveries?startupId=${startupId}`)
        .set(await hq.partner(partnerId))
        .expect(200)
    ).body.items as { type: string; state: string; attempts: { status?: number }[] }[];

  it('delivers exactly the consented events, signed, in order per startup, through an outage', async () => {
    const [casa, rabat] = hq.sites;
    await hq.registerPartner(partnerId, { name: 'Plug and Play (test)', programIds: [program] });
    const created = await hq
      .http()
      .post(`/v1/partners/${partnerId}/subscriptions`)
      .set(await hq.partner(partnerId))
      .send({
        description: 'our batch, both sites',
        filters: {
          eventTypes: [PartnerApplicationAccepted.type, PartnerResidencyStarted.type, PartnerStartupProfile.type],
          sites: [casa, rabat],
        },
        delivery: { kind: 'webhook', url: receiver.url },
      })
      .expect(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    receiver.secret = created.body.secret;
    subscriptionId = created.body.subscriptionId;

    await hq.publish(casa, StartupRegistered, siteEvents.registered(consenting, false));
    await hq.publish(casa, StartupRegistered, siteEvents.registered(declining, false));
    await hq.publish(rabat, StartupRegistered, siteEvents.registered(revoking, false));
    // The former flag said "share my profile with partners": it still does, for every partner.
    await hq.publish(rabat, StartupRegistered, siteEvents.registered(flagged, true));
    await eventually(
      async () => (await known(consenting)) && (await known(revoking)) && (await known(flagged)),
      'the directory',
      60_000,
    );
    await eventually(async () => receiver.ofStartup(flagged).length === 1, "the flagged startup's profile", 30_000);
    expect(receiver.ofStartup(flagged)).toEqual([PartnerStartupProfile.type]);

    expect(await decide(consenting, 'grant', ['applications', 'residency'])).toMatchObject({
      scopes: ['applications', 'residency'],
    });
    expect(await decide(revoking, 'grant', ['applications', 'residency'])).toMatchObject({
      scopes: ['applications', 'residency'],
    });
    // The first decision for a partner starts from the flag: nothing the startup said is lost.
    expect(await decide(flagged, 'grant', ['applications'])).toMatchObject({ scopes: ['profile', 'applications'] });

    await hq.publish(casa, ApplicationAccepted, siteEvents.accepted(consenting, program, partnerId));
    await hq.publish(casa, ApplicationAccepted, siteEvents.accepted(declining, program, partnerId));
    await hq.publish(rabat, ApplicationAccepted, siteEvents.accepted(revoking, program, partnerId));
    await hq.publish(rabat, ApplicationAccepted, siteEvents.accepted(flagged, program, partnerId));
    // Not the partner's program: its applications scope does not reach it.
    await hq.publish(casa, ApplicationAccepted, siteEvents.accepted(consenting, 'someone-elses-program'));
    // A type the subscription did not ask for.
    await hq.publish(casa, ApplicationSubmitted, siteEvents.submitted(consenting, program));
    await eventually(
      async () =>
        receiver.ofStartup(consenting).length === 1 &&
        receiver.ofStartup(revoking).length === 1 &&
        receiver.ofStartup(flagged).length === 2,
      'the acceptances',
      30_000,
    );

    // The receiver is down; both consenting startups move in, and one reports (a scope it never granted).
    receiver.answer = 503;
    await hq.publish(casa, ResidencyStarted, siteEvents.residencyStarted(consenting));
    await hq.publish(casa, ResidentReportSubmitted, siteEvents.report(consenting));
    await hq.publish(rabat, ResidencyStarted, siteEvents.residencyStarted(revoking));
    const failedOnce = async (startupId: string) =>
      (await queuedFor(startupId)).some((each) => each.attempts.some((attempt) => attempt.status === 503));
    await eventually(
      async () => (await failedOnce(consenting)) && (await failedOnce(revoking)),
      'failed attempts during the outage',
      30_000,
    );
    // Queued but not delivered yet: the revocation holds it back.
    await decide(revoking, 'revoke', ['residency']);
    receiver.answer = 200;

    await eventually(async () => receiver.ofStartup(consenting).length === 2, 'the delivery after the outage', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(receiver.ofStartup(consenting)).toEqual([PartnerApplicationAccepted.type, PartnerResidencyStarted.type]);
    expect(receiver.ofStartup(declining)).toEqual([]);
    expect(receiver.ofStartup(revoking)).toEqual([PartnerApplicationAccepted.type]);
    expect(receiver.ofStartup(flagged)).toEqual([PartnerStartupProfile.type, PartnerApplicationAccepted.type]);
    expect(receiver.received.some((each) => each.type === PartnerApplicationSubmitted.type)).toBe(false);
    expect(receiver.forged).toEqual([]);
    const accepted = receiver.received.find((each) => each.data.startupId === consenting)?.data;
    expect(accepted).toEqual({
      startupId: consenting,
      site: casa,
      applicationId: expect.any(String),
      programId: program,
      callId: ApplicationAccepted.example.callId,
      programName: ApplicationAccepted.example.programName,
      programKind: ApplicationAccepted.example.programKind,
      durationMonths: ApplicationAccepted.example.durationMonths,
    });
    expect(JSON.stringify(receiver.received)).not.toContain('averageScore');
    const metrics = (await hq.http().get('/metrics').expect(200)).text;
    const attempts = (outcome: string) =>
      Number(
        new RegExp(
          `technopark_partner_delivery_attempts_total\\{[^}]*partner="${partnerId}"[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`,
        ).exec(metrics)?.[1] ?? 0,
      );
    expect(attempts('delivered')).toBe(receiver.received.length);
    expect(attempts('failed')).toBeGreaterThanOrEqual(2);
    expect(attempts('withheld')).toBe(1);
    const revokedLater = await queuedFor(revoking);
    expect(revokedLater.find((each) => each.type === PartnerResidencyStarted.type)).toMatchObject({
      state: 'withheld',
      reason: 'the startup revoked this scope before delivery',
    });
  }, 240_000);

  it('describes its own feed in an AsyncAPI document built from its subscriptions', async () => {
    const answer = await hq
      .http()
      .get(`/v1/partners/${partnerId}/asyncapi.json`)
      .set(await hq.partner(partnerId))
      .expect(200);
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(answer.body));

    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);
    const [channel] = document?.channels().all() ?? [];
    expect(channel?.address()).toBe('/hooks');
    expect(
      channel
        ?.messages()
        .all()
        .map((message) => message.name())
        .sort(),
    ).toEqual([PartnerApplicationAccepted.type, PartnerResidencyStarted.type, PartnerStartupProfile.type]);
    await hq
      .http()
      .get(`/v1/partners/${partnerId}/asyncapi.json`)
      .set(await hq.partner('someone-else'))
      .expect(403);
  });

  it("replays the feed from a time with today's consent, each delivery marked as a replay", async () => {
    const replay = `/v1/partners/${partnerId}/subscriptions/${subscriptionId}/replay`;
    const partner = await hq.partner(partnerId);
    const before = receiver.raw.length;
    const answer = await hq.http().post(replay).set(partner).send({ from: startedAt }).expect(202);
    expect(answer.body).toMatchObject({ state: 'running', replayId: expect.stringMatching(/^replay-/) });
    expect(answer.headers['location']).toBe(
      `/v1/partners/${partnerId}/subscriptions/${subscriptionId}/replays/${answer.body.replayId}`,
    );
    let progress: { state: string; queued: number; scanned: number } = answer.body;
    await eventually(
      async () => {
        progress = (
          await hq
            .http()
            .get(answer.headers['location'] as string)
            .set(partner)
            .expect(200)
        ).body;
        return progress.state !== 'running';
      },
      'the replay done',
      30_000,
    );
    // Today: the consenting startup's acceptance and move-in, the revoking one's acceptance only, the flagged one's two.
    expect(progress).toMatchObject({ state: 'done', queued: 5, scanned: expect.any(Number) });
    await eventually(async () => receiver.raw.length >= before + 5, 'the replayed deliveries', 30_000);
    const replayed = receiver.raw.slice(before);
    expect(replayed.map((request) => request.headers['technopark-replay'])).toEqual(Array(5).fill('true'));
    const types = replayed.map((request) => JSON.parse(request.body) as { type: string; data: { startupId: string } });
    expect(types.filter((each) => each.data.startupId === consenting).map((each) => each.type)).toEqual([
      PartnerApplicationAccepted.type,
      PartnerResidencyStarted.type,
    ]);
    expect(types.filter((each) => each.data.startupId === revoking).map((each) => each.type)).toEqual([
      PartnerApplicationAccepted.type,
    ]);
    expect(receiver.forged).toEqual([]);

    const unknown = await hq.http().post(replay).set(partner).send({ afterEventId: 'never-read' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'REPLAY.EVENT_UNKNOWN']);
    const both = await hq.http().post(replay).set(partner).send({ from: startedAt, afterEventId: 'x' });
    expect([both.status, both.body.code]).toEqual([422, 'REPLAY.TWO_STARTS']);
    const neither = await hq.http().post(replay).set(partner).send({});
    expect(neither.status).toBe(400);
  });

  it('resumes a replay that a stopped process left running, where it was, without sending anything twice', async () => {
    const replayId = `replay-${randomUUID()}`;
    // What a process stopped after a replay's first batch leaves behind: running, with its progress.
    await hq.app.get(ReplaysRepository).insert({
      _id: replayId,
      partnerId,
      subscriptionId,
      from: new Date(startedAt),
      state: 'running',
      position: 0,
      scanned: 0,
      queued: 0,
      requestedBy: { id: partnerId, role: 'partner' },
    });
    const before = receiver.raw.length;
    expect(await hq.app.get(ReplaysService).resumeRunning()).toBe(1); // what the next start runs

    const progress = `/v1/partners/${partnerId}/subscriptions/${subscriptionId}/replays/${replayId}`;
    await eventually(
      async () => (await hq.http().get(progress).set(hq.admin)).body.state === 'done',
      'the resumed replay done',
      30_000,
    );
    expect((await hq.http().get(progress).set(hq.admin)).body).toMatchObject({ state: 'done', queued: 5 });
    await eventually(async () => receiver.raw.length >= before + 5, 'the resumed deliveries', 30_000);
    // Stopped again before its end was written, it is read from the start once more: the same
    // deliveries (their ids carry the replay's) are not queued, nor sent, twice.
    await hq.app
      .get<Model<Replay>>(getModelToken(Replay.name))
      .updateOne({ _id: replayId }, { $set: { state: 'running', position: 0, queued: 0 } });
    expect(await hq.app.get(ReplaysService).resumeRunning()).toBe(1);
    await eventually(
      async () => (await hq.http().get(progress).set(hq.admin)).body.state === 'done',
      'the replay resumed twice done',
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const resent = receiver.raw.slice(before).filter((request) => String(request.body).includes(replayId));
    expect(resent).toHaveLength(5);
  });

  it("keeps one partner out of another's delivery log and settings", async () => {
    const stranger = await hq.partner('someone-else');
    const log = await hq.http().get(`/v1/partners/${partnerId}/deliveries`).set(stranger).expect(403);
    expect(log.body.code).toBe('AUTH.NOT_YOUR_PARTNER');
    await hq.http().get(`/v1/partners/${partnerId}/subscriptions`).set(stranger).expect(403);
    await hq
      .http()
      .post(`/v1/startups/${consenting}/partner-consents/${partnerId}/grant`)
      .set(await hq.startup(declining))
      .send({ scopes: ['profile'] })
      .expect(403);
  });

  it('shows the startup its audit trail: the flag, then each decision with who made it', async () => {
    const history = await hq
      .http()
      .get(`/v1/startups/${revoking}/partner-consents/history`)
      .set(await hq.startup(revoking))
      .expect(200);
    expect(
      history.body.entries.map((entry: { source: string; change: string; scopes: string[] }) => [
        entry.source,
        entry.change,
        entry.scopes,
      ]),
    ).toEqual([
      ['partner-sharing-flag', 'revoked', ['profile']],
      ['decision', 'granted', ['applications', 'residency']],
      ['decision', 'revoked', ['residency']],
    ]);
    expect(history.body.entries[1].by).toEqual({ id: 'test-user', role: 'startup' });
  });
});
