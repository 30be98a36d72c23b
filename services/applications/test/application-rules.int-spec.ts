import { ApplicationsApp, applicationBody, expectStatus, MARKS } from './support/applications-app';

describe('application rules over HTTP', () => {
  const service = new ApplicationsApp();
  let callId: string;

  beforeAll(async () => {
    await service.start();
    ({ callId } = await service.openCall({ capacity: 1 }));
  });
  afterAll(() => service.close());

  const act = (path: string, body?: object) => service.as('site-staff').post(path, body);
  async function inReview(startupId: string): Promise<string> {
    const id = await service.draft(startupId, callId);
    await expectStatus(service.as('startup', { startupId }).post(`/v1/applications/${id}/submit`), 200);
    await expectStatus(act(`/v1/applications/${id}/review`), 200);
    return id;
  }
  const scoreBy = (id: string, member: string, marks: object = MARKS) =>
    service.as('committee-member', { subject: member }).post(`/v1/applications/${id}/scores`, { marks });

  it('answers an illegal move with 409, the current status and the allowed actions', async () => {
    const startupId = await service.registerStartup();
    const id = await service.draft(startupId, callId);
    await expectStatus(act(`/v1/applications/${id}/review`), 409).then(({ body }) =>
      expect(body).toMatchObject({
        statusCode: 409,
        code: 'APPLICATION.ILLEGAL_TRANSITION',
        currentStatus: 'draft',
        allowedActions: ['submit', 'withdraw'],
      }),
    );
    await expectStatus(act(`/v1/applications/${id}/submit`), 200);
    const again = await expectStatus(act(`/v1/applications/${id}/submit`), 409);
    expect(again.body).toMatchObject({ currentStatus: 'submitted', allowedActions: ['start-review', 'withdraw'] });
    await expectStatus(scoreBy(id, 'm1'), 409);
    await expectStatus(act(`/v1/applications/${id}/withdraw`), 200);
    const ended = await expectStatus(act(`/v1/applications/${id}/submit`), 409);
    expect(ended.body).toMatchObject({ currentStatus: 'withdrawn', allowedActions: [] });
  });

  it("acts on the service's clock: the draft is dated by it, and a call closed by its date refuses the submission", async () => {
    const startupId = await service.registerStartup();
    service.clock.advanceDays(31); // the call opened yesterday for 30 days
    try {
      const today = service.clock.today();
      const id = await service.draft(startupId, callId);
      const draft = await expectStatus(service.as('startup', { startupId }).get(`/v1/applications/${id}`), 200);
      expect(draft.body.history[0].at.slice(0, 10)).toBe(today);
      const refused = await expectStatus(
        service.as('startup', { startupId }).post(`/v1/applications/${id}/submit`),
        422,
      );
      expect(refused.body).toMatchObject({ code: 'APPLICATION.CALL_NOT_OPEN' });
      expect(refused.body.message).toContain(`not open at ${today}`);
    } finally {
      service.clock.backToToday();
    }
  });

  it('refuses a second live application to the same call, and allows one after withdrawing', async () => {
    const startupId = await service.registerStartup();
    const first = await service.draft(startupId, callId);
    const second = await expectStatus(
      service.as('startup', { startupId }).post('/v1/applications', applicationBody(callId)),
      409,
    );
    expect(second.body).toMatchObject({ code: 'APPLICATION.ALREADY_APPLIED', existingApplicationId: first });

    await expectStatus(service.as('startup', { startupId }).post(`/v1/applications/${first}/withdraw`), 200);
    await expectStatus(service.as('startup', { startupId }).post('/v1/applications', applicationBody(callId)), 201);
  });

  it('answers a submission outside the call window with 422 and the window', async () => {
    const { callId: futureCall } = await service.openCall({ opensInDays: 10 });
    const startupId = await service.registerStartup();
    const id = await service.draft(startupId, futureCall);
    const response = await expectStatus(
      service.as('startup', { startupId }).post(`/v1/applications/${id}/submit`),
      422,
    );
    expect(response.body).toMatchObject({
      code: 'APPLICATION.CALL_NOT_OPEN',
      window: { opensAt: expect.any(String), closesAt: expect.any(String) },
    });
    expect(new Date(response.body.window.opensAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('creates one application for retries with the same Idempotency-Key, and refuses the key for another request', async () => {
    const startupId = await service.registerStartup();
    const { callId: otherCall } = await service.openCall();
    const startup = service.as('startup', { startupId });
    const key = { 'Idempotency-Key': 'retry-42' };

    const first = await expectStatus(startup.post('/v1/applications', applicationBody(otherCall), key), 201);
    const retry = await expectStatus(startup.post('/v1/applications', applicationBody(otherCall), key), 201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const listed = await expectStatus(startup.get(`/v1/applications?callId=${otherCall}`), 200);
    expect(listed.body.items).toHaveLength(1);

    const reused = await expectStatus(
      startup.post('/v1/applications', { ...applicationBody(otherCall), pitch: 'Another pitch' }, key),
      422,
    );
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    await expectStatus(
      startup.post('/v1/applications', applicationBody(otherCall), { 'Idempotency-Key': 'bad key with spaces' }),
      400,
    );
  });

  it('answers a retried move with the same Idempotency-Key instead of a 409, and moves once', async () => {
    const startupId = await service.registerStartup();
    const id = await service.draft(startupId, callId);
    const startup = service.as('startup', { startupId });
    const key = { 'Idempotency-Key': 'submit-1' };

    await expectStatus(startup.post(`/v1/applications/${id}/submit`, undefined, key), 200);
    const retry = await expectStatus(startup.post(`/v1/applications/${id}/submit`, undefined, key), 200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.history.filter((entry: { action: string }) => entry.action === 'submit')).toHaveLength(1);
    await expectStatus(startup.post(`/v1/applications/${id}/submit`), 409);
  });

  it('needs the configured number of scores before a decision, and keeps one score per member', async () => {
    const id = await inReview(await service.registerStartup());
    await expectStatus(scoreBy(id, 'm1'), 200);
    const rescored = await expectStatus(
      scoreBy(id, 'm1', { team: 10, market: 10, innovation: 10, feasibility: 10 }),
      200,
    );
    expect(rescored.body.scores).toEqual([expect.objectContaining({ memberId: 'm1', score: 100 })]);

    const early = await expectStatus(
      act(`/v1/applications/${id}/decision`, { outcome: 'rejected', reason: 'Too early' }),
      422,
    );
    expect(early.body).toMatchObject({ code: 'APPLICATION.NOT_ENOUGH_SCORES', scores: 1, required: 2 });
  });

  it("refuses marks that do not fit the program's rubric, naming the criteria", async () => {
    const id = await inReview(await service.registerStartup());
    const response = await expectStatus(scoreBy(id, 'm1', { team: 8, market: 6, charisma: 9 }), 422);
    expect(response.body).toMatchObject({
      code: 'APPLICATION.MARKS_DO_NOT_FIT_RUBRIC',
      missing: ['innovation', 'feasibility'],
      unknown: ['charisma'],
    });
    await expectStatus(scoreBy(id, 'm1', { team: 11, market: 6, innovation: 7, feasibility: 5 }), 400);
  });

  it("accepts no more startups than the call's cohort capacity; the others can be waitlisted then accepted later", async () => {
    const [first, second] = [
      await inReview(await service.registerStartup()),
      await inReview(await service.registerStartup()),
    ];
    for (const id of [first, second]) for (const member of ['m1', 'm2']) await expectStatus(scoreBy(id, member), 200);

    await expectStatus(
      act(`/v1/applications/${first}/decision`, { outcome: 'accepted', reason: 'Best of the cohort' }),
      200,
    );
    const full = await expectStatus(
      act(`/v1/applications/${second}/decision`, { outcome: 'accepted', reason: 'Also good' }),
      409,
    );
    expect(full.body).toMatchObject({ code: 'APPLICATION.COHORT_FULL', cohortCapacity: 1, accepted: 1 });
    const listed = await expectStatus(
      act(`/v1/applications/${second}/decision`, { outcome: 'waitlisted', reason: 'Next in line' }),
      200,
    );
    expect(listed.body.allowedActions).toEqual(['accept', 'reject']);
  });

  it('accepts exactly the cohort capacity when decisions arrive at the same time', async () => {
    const { callId: smallCall } = await service.openCall({ capacity: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const startupId = await service.registerStartup(`Concurrent ${i}`);
      const id = await service.draft(startupId, smallCall);
      await expectStatus(service.as('startup', { startupId }).post(`/v1/applications/${id}/submit`), 200);
      await expectStatus(act(`/v1/applications/${id}/review`), 200);
      for (const member of ['m1', 'm2']) await expectStatus(scoreBy(id, member), 200);
      ids.push(id);
    }

    const decisions = await Promise.all(
      ids.map((id) => act(`/v1/applications/${id}/decision`, { outcome: 'accepted', reason: 'First come' })),
    );
    expect(decisions.map((response) => response.status).sort()).toEqual([200, 200, 409, 409]);
    expect(
      decisions
        .filter((response) => response.status === 409)
        .every((response) => response.body.code === 'APPLICATION.COHORT_FULL'),
    ).toBe(true);
    const acceptedList = await expectStatus(
      service.as('site-staff').get(`/v1/applications?callId=${smallCall}&status=accepted`),
      200,
    );
    expect(acceptedList.body.items).toHaveLength(2);
  });

  it('answers 400 naming every invalid field of a new application', async () => {
    const startupId = await service.registerStartup();
    const response = await expectStatus(
      service.as('startup', { startupId }).post('/v1/applications', {
        callId: 'Not A Slug',
        answers: [{ question: '' }],
        needs: { desks: -1, office: 'yes', fundingAmountMad: 10, mentoring: true },
        surprise: 1,
      }),
      400,
    );
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'answers.0.answer',
      'answers.0.question',
      'callId',
      'needs.desks',
      'needs.office',
      'pitch',
      'surprise',
    ]);
  });

  it('keeps each startup to its own applications, and committee marks from the applicant', async () => {
    const [owner, other] = [await service.registerStartup(), await service.registerStartup()];
    const id = await inReview(owner);
    await expectStatus(scoreBy(id, 'm1'), 200);

    const own = await expectStatus(service.as('startup', { startupId: owner }).get(`/v1/applications/${id}`), 200);
    expect(own.body).not.toHaveProperty('scores');
    expect(own.body).toMatchObject({ status: 'in_review' });
    const denied = await expectStatus(service.as('startup', { startupId: other }).get(`/v1/applications/${id}`), 403);
    expect(denied.body.code).toBe('AUTH.NOT_YOUR_STARTUP');
    await expectStatus(service.as('startup', { startupId: other }).post(`/v1/applications/${id}/withdraw`), 403);
    const othersList = await expectStatus(service.as('startup', { startupId: other }).get('/v1/applications'), 200);
    expect(othersList.body.items.map((item: { id: string }) => item.id)).not.toContain(id);

    expect(
      (await expectStatus(service.as('committee-member').get(`/v1/applications/${id}`), 200)).body.scores,
    ).toHaveLength(1);
    await expectStatus(service.as('committee-member').post(`/v1/applications/${id}/review`), 403);
    await expectStatus(service.as('partner').get(`/v1/applications/${id}`), 403);
    await expectStatus(service.as('site-staff', { site: 'another-site' }).get(`/v1/applications/${id}`), 403);
    await expectStatus(service.as('site-staff').get('/v1/applications/00000000-0000-4000-8000-000000000000'), 404);
  });
});
