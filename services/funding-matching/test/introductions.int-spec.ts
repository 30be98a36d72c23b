import { ResidencyStarted, ResidentReportSubmitted, StartupRegistered } from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import { type FundingSite, startFundingSite, tokens } from './support/funding-site';
import { NETWORK_DAY, NETWORK_FUNDERS, SOUSS_AGRITECH } from './support/scripted-network';

const startupId = SOUSS_AGRITECH.registered.startupId;

describe('introductions: consent, the deal pipeline and the money raised', () => {
  let site: FundingSite;
  let founder: Record<string, string>;
  let fundContact: Record<string, string>;

  beforeAll(async () => {
    site = await startFundingSite({ today: NETWORK_DAY });
    for (const funder of NETWORK_FUNDERS.filter((each) =>
      ['seed-alpha', 'vc-beta', 'health-kappa'].includes(each.funderId),
    ))
      await site
        .http()
        .post('/v1/funders')
        .set(site.admin)
        .send({ ...funder, sites: [site.site] })
        .expect(201);
    await site.publish(StartupRegistered, SOUSS_AGRITECH.registered);
    await site.publish(ResidencyStarted, SOUSS_AGRITECH.started as object);
    await site.publish(ResidentReportSubmitted, SOUSS_AGRITECH.report as object);
    founder = bearer(await tokens.forRole('startup', site.site, { startupId, subject: 'founder-1' }));
    fundContact = bearer(
      await tokens.forRole('funder', site.site, { funderId: 'seed-alpha', subject: 'contact-seed' }),
    );
    // Every match of the row computed after the report (the profile is written before its row is recomputed).
    await site.settle(async () => {
      const matches = await site.http().get(`/v1/startups/${startupId}/matches`).set(site.staff);
      const items: { gates: { gate: string; reason: string }[] }[] = matches.body.items ?? [];
      return items.length === 3 && items.every((match) => JSON.stringify(match).includes('2026-Q4'));
    }, 'the startup matched with the report applied');
  }, 120_000);

  it('shows a funder only an anonymized teaser until the startup consents, then its name', async () => {
    const teaser = await site.http().get('/v1/funders/seed-alpha/deal-flow').set(fundContact).expect(200);
    expect(teaser.body.items).toHaveLength(1);
    expect(teaser.body.items[0].teaser).toMatchObject({
      sectors: ['agritech', 'ai'],
      stage: 'mvp',
      site: site.site,
      revenueBand: 'under 0.5M MAD/year',
    });
    expect(JSON.stringify(teaser.body)).not.toContain(startupId);
    expect(JSON.stringify(teaser.body)).not.toContain('Souss');

    const asked = await site
      .http()
      .post('/v1/introductions')
      .set(site.staff)
      .send({ startupId, funderId: 'seed-alpha' })
      .expect(201);
    expect(asked.body.status).toBe('awaiting-consent');
    await site.http().get(`/v1/introductions/${asked.body.id}`).set(fundContact).expect(404);
    expect((await site.http().get('/v1/introductions').set(fundContact).expect(200)).body.items).toEqual([]);
    expect(await site.eventsAbout('introductions', asked.body.id)).toEqual([]);

    const consented = await site
      .http()
      .post(`/v1/introductions/${asked.body.id}/consent`)
      .set(founder)
      .send({})
      .expect(200);
    expect(consented.body.status).toBe('requested');
    const named = await site.http().get('/v1/funders/seed-alpha/deal-flow').set(fundContact).expect(200);
    expect(named.body.items[0]).toMatchObject({
      startupId,
      startupName: 'Souss Agritech',
      introductionId: asked.body.id,
    });
    const seen = await site.http().get(`/v1/introductions/${asked.body.id}`).set(fundContact).expect(200);
    expect([seen.body.startupName, seen.body.allowedActions]).toEqual([
      'Souss Agritech',
      ['accept', 'decline', 'close'],
    ]);
    await site.settle(
      async () => (await site.eventsAbout('introductions', asked.body.id)).length === 1,
      'requested published',
    );
    expect((await site.eventsAbout('introductions', asked.body.id))[0]).toMatchObject({
      type: 'ma.technopark.introduction.requested.v1',
      data: { startupId, funderId: 'seed-alpha', actor: { id: 'founder-1', role: 'startup' } },
    });
  });

  it('runs the pipeline to funded: each step only from the right state, recorded with who acted, retries answered once', async () => {
    const [introduction] = (
      await site.http().get(`/v1/introductions?startupId=${startupId}`).set(site.staff).expect(200)
    ).body.items;
    const id = introduction.id as string;
    const tooEarly = await site.http().post(`/v1/introductions/${id}/term-sheet`).set(fundContact).send({}).expect(409);
    expect(tooEarly.body).toMatchObject({
      code: 'INTRODUCTION.ILLEGAL_TRANSITION',
      currentStatus: 'requested',
      allowedActions: ['accept', 'decline', 'close'],
    });

    const key = { 'Idempotency-Key': 'accept-1' };
    const accepted = await site
      .http()
      .post(`/v1/introductions/${id}/accept`)
      .set(fundContact)
      .set(key)
      .send({ note: 'Interesting' })
      .expect(200);
    const retried = await site
      .http()
      .post(`/v1/introductions/${id}/accept`)
      .set(fundContact)
      .set(key)
      .send({ note: 'Interesting' })
      .expect(200);
    expect([accepted.body.status, retried.body.status, retried.headers['idempotent-replayed']]).toEqual([
      'accepted',
      'accepted',
      'true',
    ]);
    await site.http().post(`/v1/introductions/${id}/accept`).set(fundContact).send({}).expect(409);

    for (const step of ['meet', 'diligence', 'term-sheet'])
      await site.http().post(`/v1/introductions/${id}/${step}`).set(fundContact).send({}).expect(200);
    const other = bearer(await tokens.forRole('funder', site.site, { funderId: 'vc-beta' }));
    expect((await site.http().get(`/v1/introductions/${id}`).set(other).expect(403)).body.code).toBe(
      'AUTH.NOT_YOUR_FUNDER',
    );

    const raise = {
      startupId,
      funderId: 'seed-alpha',
      introductionId: id,
      amountMad: 750_000,
      instrument: 'equity',
      raisedOn: NETWORK_DAY,
      evidence: { kind: 'signed-agreement', reference: 'SHA-2027-0142' },
    };
    const future = await site
      .http()
      .post('/v1/fundings')
      .set(founder)
      .send({ ...raise, raisedOn: '2099-01-01' })
      .expect(422);
    expect(future.body.code).toBe('FUNDING.RAISED_IN_FUTURE');
    const recorded = await site
      .http()
      .post('/v1/fundings')
      .set(founder)
      .set({ 'Idempotency-Key': 'raise-1' })
      .send(raise)
      .expect(201);
    const replay = await site
      .http()
      .post('/v1/fundings')
      .set(founder)
      .set({ 'Idempotency-Key': 'raise-1' })
      .send(raise)
      .expect(201);
    expect([replay.body.id, replay.headers['idempotent-replayed']]).toEqual([recorded.body.id, 'true']);
    const reused = await site
      .http()
      .post('/v1/fundings')
      .set(founder)
      .set({ 'Idempotency-Key': 'raise-1' })
      .send({ ...raise, amountMad: 1 })
      .expect(422);
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');

    const funded = await site.http().get(`/v1/introductions/${id}`).set(site.staff).expect(200);
    expect([funded.body.status, funded.body.fundingId, funded.body.allowedActions]).toEqual([
      'funded',
      recorded.body.id,
      [],
    ]);
    expect(
      funded.body.history.map(
        (entry: { action: string; actor: { role: string } }) => `${entry.action}:${entry.actor.role}`,
      ),
    ).toEqual([
      'request:site-staff',
      'consent:startup',
      'accept:funder',
      'meet:funder',
      'diligence:funder',
      'term-sheet:funder',
      'fund:startup',
    ]);
    const twice = await site.http().post('/v1/fundings').set(founder).send(raise).expect(409);
    expect(twice.body.code).toBe('INTRODUCTION.ILLEGAL_TRANSITION');

    await site.settle(
      async () => (await site.eventsAbout('fundings', startupId)).length === 1,
      'funding.raised published',
    );
    expect((await site.eventsAbout('fundings', startupId))[0]).toMatchObject({
      type: 'ma.technopark.funding.raised.v1',
      data: {
        fundingId: recorded.body.id,
        introductionId: id,
        introducedOn: NETWORK_DAY,
        amount: 750_000,
        currency: 'MAD',
        instrument: 'equity',
        evidence: 'signed-agreement',
        sectors: ['agritech', 'ai'],
        cohort: '2026-06',
      },
    });
    const stages = (await site.eventsAbout('introductions', id)).map(
      (event) => `${event.type.split('.').slice(2, 4).join('.')}:${event.data['stage'] ?? ''}`,
    );
    expect(stages).toEqual([
      'introduction.requested:',
      'introduction.accepted:',
      'deal.stage-changed:meeting',
      'deal.stage-changed:due-diligence',
      'deal.stage-changed:term-sheet',
      'deal.stage-changed:funded',
    ]);
  });

  it('refuses an introduction the startup is not eligible for, naming the failed gates, and a second open one', async () => {
    const refused = await site
      .http()
      .post('/v1/introductions')
      .set(founder)
      .send({ startupId, funderId: 'vc-beta' })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'INTRODUCTION.NOT_ELIGIBLE',
      failedGates: [
        {
          gate: 'min-revenue',
          passed: false,
          reason: '2026-Q4 revenue annualizes to 240,000 MAD, under the 1,000,000 MAD minimum',
        },
      ],
    });
    await site.http().post('/v1/introductions').set(founder).send({ startupId, funderId: 'health-kappa' }).expect(201);
    const second = await site
      .http()
      .post('/v1/introductions')
      .set(founder)
      .send({ startupId, funderId: 'health-kappa' })
      .expect(409);
    expect(second.body.code).toBe('INTRODUCTION.EXISTS');
    const declined = await site.http().get(`/v1/introductions?funderId=health-kappa`).set(site.staff).expect(200);
    const id = declined.body.items[0].id;
    const noReason = await site.http().post(`/v1/introductions/${id}/decline`).set(site.staff).send({}).expect(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    await site.http().post(`/v1/introductions/${id}/decline`).set(site.staff).send({ reason: 'too-early' }).expect(200);
    await site.http().post('/v1/introductions').set(founder).send({ startupId, funderId: 'health-kappa' }).expect(201);
  });
});
