import { applicationBody, ApplicationsApp, expectStatus } from './support/applications-app';

const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map(({ field }) => field).sort();

describe('bad input over HTTP: a clear 4xx, and nothing stored', () => {
  const service = new ApplicationsApp();
  let programId: string;
  let callId: string;

  beforeAll(async () => {
    await service.start();
    ({ programId, callId } = await service.openCall());
  });
  afterAll(() => service.close());

  const staff = () => service.as('site-staff');
  /** A new startup's application, submitted and handed to the committee. */
  async function inReview() {
    const startupId = await service.registerStartup();
    const id = await service.draft(startupId, callId);
    const own = service.as('startup', { startupId });
    await expectStatus(own.post(`/v1/applications/${id}/submit`), 200);
    await expectStatus(staff().post(`/v1/applications/${id}/review`), 200);
    return { id, own };
  }

  it.each([['rubric'], ['name'], ['durationMonths'], ['kind'], ['targetSectors'], ['includesWorkspace']])(
    'refuses PATCH of a program with %s: null, naming it, and keeps the program',
    async (field) => {
      const before = (await expectStatus(staff().get(`/v1/programs/${programId}`), 200)).body;
      const refused = await expectStatus(staff().patch(`/v1/programs/${programId}`, { [field]: null }), 400);
      expect(refused.body).toMatchObject({ code: 'REQUEST.INVALID' });
      expect(fieldsOf(refused.body)).toEqual([field]);
      expect((await expectStatus(staff().get(`/v1/programs/${programId}`), 200)).body).toEqual(before);
    },
  );

  it('removes an optional program field with null (JSON Merge Patch)', async () => {
    await expectStatus(staff().patch(`/v1/programs/${programId}`, { partnerId: 'plug-and-play' }), 200);
    const removed = await expectStatus(staff().patch(`/v1/programs/${programId}`, { partnerId: null }), 200);
    expect(removed.body.partnerId).toBeUndefined();
  });

  it.each([['title'], ['closesAt'], ['cohortCapacity'], ['opensAt']])(
    'refuses PATCH of a call with %s: null',
    async (field) => {
      const refused = await expectStatus(staff().patch(`/v1/calls/${callId}`, { [field]: null }), 400);
      expect(fieldsOf(refused.body)).toEqual([field]);
    },
  );

  it('applies a PATCH sent as application/merge-patch+json, and refuses one it cannot read (415) without touching the startup', async () => {
    const startupId = await service.registerStartup();
    const own = service.as('startup', { startupId });
    const mergePatch = { 'Content-Type': 'application/merge-patch+json' };
    const patched = await expectStatus(own.patch(`/v1/startups/${startupId}`, { teamSize: 7 }, mergePatch), 200);
    expect(patched.body.teamSize).toBe(7);

    const before = (await expectStatus(own.get(`/v1/startups/${startupId}`), 200)).body;
    const unreadable = await expectStatus(
      own.patch(`/v1/startups/${startupId}`, '{"teamSize": 9}', { 'Content-Type': 'text/plain' }),
      415,
    );
    expect(unreadable.body).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    expect((await expectStatus(own.get(`/v1/startups/${startupId}`), 200)).body).toEqual(before);
  });

  it("refuses a startup's founders: null and a founder's phone: null, and keeps the founders", async () => {
    const startupId = await service.registerStartup();
    const own = service.as('startup', { startupId });
    expect(
      fieldsOf((await expectStatus(own.patch(`/v1/startups/${startupId}`, { founders: null }), 400)).body),
    ).toEqual(['founders']);
    const founder = { fullName: 'Salma Bennani', email: 'salma@example.ma', phone: null };
    expect(
      fieldsOf((await expectStatus(own.patch(`/v1/startups/${startupId}`, { founders: [founder] }), 400)).body),
    ).toEqual(['founders.0.phone']);
    const stored = (await expectStatus(own.get(`/v1/startups/${startupId}`), 200)).body;
    expect(stored.founders).toEqual([{ fullName: 'Salma Bennani', email: 'salma@example.ma', phone: '+212600000000' }]);
  });

  it('scores and accepts after every refused patch: the program still has its rubric', async () => {
    await expectStatus(staff().patch(`/v1/programs/${programId}`, { rubric: null }), 400);
    const { id } = await inReview();
    await expectStatus(
      service
        .as('committee-member', { subject: 'm1' })
        .post(`/v1/applications/${id}/scores`, { marks: { team: 8, market: 6, innovation: 7, feasibility: 5 } }),
      200,
    );
  });

  it('lists in allowedActions only the moves the reader may make', async () => {
    const { id, own } = await inReview();
    expect((await expectStatus(own.get(`/v1/applications/${id}`), 200)).body.allowedActions).toEqual(['withdraw']);
    expect(
      (await expectStatus(service.as('committee-member').get(`/v1/applications/${id}`), 200)).body.allowedActions,
    ).toEqual(['score', 'accept', 'reject', 'waitlist']);
    expect((await expectStatus(staff().get(`/v1/applications/${id}`), 200)).body.allowedActions).toEqual([
      'accept',
      'reject',
      'waitlist',
      'withdraw',
    ]);
  });

  it('never shows a startup the committee member who scored it, nor the marks', async () => {
    const { id, own } = await inReview();
    await expectStatus(
      service
        .as('committee-member', { subject: 'member-7' })
        .post(`/v1/applications/${id}/scores`, { marks: { team: 8, market: 6, innovation: 7, feasibility: 5 } }),
      200,
    );
    const seen = (await expectStatus(own.get(`/v1/applications/${id}`), 200)).body;
    expect(JSON.stringify(seen)).not.toContain('member-7');
    expect(seen.scores).toBeUndefined();
    expect(JSON.stringify((await expectStatus(staff().get(`/v1/applications/${id}`), 200)).body)).toContain('member-7');
  });

  it('answers 403 AUTH.NOT_YOUR_STARTUP when a startup applies naming another startup, and creates nothing', async () => {
    const startupId = await service.registerStartup();
    const other = await service.registerStartup('Another startup');
    const own = service.as('startup', { startupId });
    const refused = await expectStatus(
      own.post('/v1/applications', { ...applicationBody(callId), startupId: other }),
      403,
    );
    expect(refused.body).toMatchObject({ code: 'AUTH.NOT_YOUR_STARTUP' });
    expect((await expectStatus(own.get('/v1/applications'), 200)).body.items).toEqual([]);
  });
});
