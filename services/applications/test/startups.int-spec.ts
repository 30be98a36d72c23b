import { randomUUID } from 'node:crypto';
import { ApplicationsApp, expectStatus, startupBody } from './support/applications-app';

describe('startups', () => {
  const service = new ApplicationsApp();

  beforeAll(() => service.start());
  afterAll(() => service.close());

  it('registers a startup under its token id once; a retry with the same key replays, without it conflicts', async () => {
    const startupId = randomUUID();
    const startup = service.as('startup', { startupId, subject: 'founder-7' });
    const first = await expectStatus(
      startup.post('/v1/startups', startupBody('Nomad Labs'), { 'Idempotency-Key': 'k1' }),
      201,
    );
    expect(first.body).toMatchObject({ id: startupId, createdBy: { id: 'founder-7', role: 'startup' } });
    const retry = await expectStatus(
      startup.post('/v1/startups', startupBody('Nomad Labs'), { 'Idempotency-Key': 'k1' }),
      201,
    );
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await expectStatus(startup.post('/v1/startups', startupBody('Nomad Labs')), 409)).body.code).toBe(
      'STARTUP.ALREADY_REGISTERED',
    );
  });

  it('lets staff register walk-ins; a retried staff request with the same key creates one startup', async () => {
    const staff = service.as('site-staff');
    const first = await expectStatus(
      staff.post('/v1/startups', startupBody('Walk-in Co'), { 'Idempotency-Key': 'walk-in-1' }),
      201,
    );
    const retry = await expectStatus(
      staff.post('/v1/startups', startupBody('Walk-in Co'), { 'Idempotency-Key': 'walk-in-1' }),
      201,
    );
    expect(retry.body.id).toBe(first.body.id);
    const listed = await expectStatus(staff.get('/v1/startups?q=walk-in'), 200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('founders');
  });

  it('shows founders to staff and to the startup itself, only public profiles to partners, and only consenting startups', async () => {
    const sharing = await service.registerStartup('Sharing Co');
    await service.registerStartup('Private Co', { partnerSharingConsent: false });
    expect(
      (await expectStatus(service.as('site-staff').get(`/v1/startups/${sharing}`), 200)).body.founders,
    ).toHaveLength(1);
    expect(
      (await expectStatus(service.as('startup', { startupId: sharing }).get(`/v1/startups/${sharing}`), 200)).body
        .founders,
    ).toHaveLength(1);

    const shared = await expectStatus(service.as('partner').get('/v1/startups/shared-with-partners?limit=100'), 200);
    const names = shared.body.items.map((item: { name: string }) => item.name);
    expect(names).toContain('Sharing Co');
    expect(names).not.toContain('Private Co');
    expect(JSON.stringify(shared.body)).not.toMatch(/founders|salma|@example/i);
    await expectStatus(service.as('partner').get(`/v1/startups/${sharing}`), 403);
  });

  it('keeps a startup to its own profile, and refuses a registration under a token id that is not a UUID', async () => {
    const [mine, theirs] = [await service.registerStartup('Mine'), await service.registerStartup('Theirs')];
    await expectStatus(
      service.as('startup', { startupId: mine }).patch(`/v1/startups/${theirs}`, { teamSize: 1 }),
      403,
    );
    await expectStatus(service.as('startup', { startupId: mine }).get(`/v1/startups/${theirs}`), 403);
    const list = await expectStatus(service.as('startup', { startupId: mine }).get('/v1/startups'), 200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([mine]);
    expect(
      (
        await expectStatus(
          service.as('startup', { startupId: 'not-a-uuid' }).post('/v1/startups', startupBody('X')),
          422,
        )
      ).body.code,
    ).toBe('STARTUP.ID_NOT_UUID');
  });

  it('answers 400 naming every invalid field of a registration', async () => {
    const response = await expectStatus(
      service.as('site-staff').post('/v1/startups', {
        ...startupBody(''),
        sectors: ['space'],
        founders: [{ fullName: 'A', email: 'not-an-email' }],
        teamSize: 0,
      }),
      400,
    );
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'founders.0.email',
      'name',
      'sectors',
      'teamSize',
    ]);
  });
});
