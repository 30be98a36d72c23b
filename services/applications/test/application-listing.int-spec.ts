import { eventually } from '@technopark/testing';
import { ApplicationsApp, expectStatus } from './support/applications-app';

interface Listed {
  id: string;
  status: string;
  startup: { name: string };
}

describe('listing applications', () => {
  const service = new ApplicationsApp();
  const staff = () => service.as('site-staff');
  let callId: string;
  let otherCallId: string;
  const created: Record<string, string> = {};

  beforeAll(async () => {
    await service.start();
    ({ callId } = await service.openCall());
    ({ callId: otherCallId } = await service.openCall());
    for (const [name, sectors, stage] of [
      ['Atlas Agri', ['agritech'], 'mvp'],
      ['Bahia Fintech', ['fintech'], 'revenue'],
      ['Cedar AI', ['ai', 'agritech'], 'idea'],
      ['Draa Games', ['gaming'], 'mvp'],
      ['Essaouira Sound', ['creative-industries'], 'scale-up'],
    ] as const) {
      const startupId = await service.registerStartup(name, { sectors, stage });
      created[name] = await service.draft(startupId, name === 'Essaouira Sound' ? otherCallId : callId);
    }
    await expectStatus(staff().post(`/v1/applications/${created['Bahia Fintech']}/submit`), 200);
  });
  afterAll(() => service.close());

  async function allPages(query: string, limit: number, between?: () => Promise<void>): Promise<Listed[]> {
    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Listed[]; nextCursor: string | null } } = await expectStatus(
        staff().get(`/v1/applications?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`),
        200,
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      await between?.();
    } while (cursor);
    return seen;
  }

  it('pages through every application exactly once, even while new ones arrive', async () => {
    const before = await allPages('&callId=' + callId, 100);
    let arrivals = 0;
    const pagedAscending = await allPages(`&callId=${callId}&sort=createdAt`, 2, async () => {
      arrivals += 1;
      await service.draft(
        await service.registerStartup(`Newcomer ${arrivals}`, { sectors: ['edtech'], stage: 'scale-up' }),
        callId,
      );
    });
    const ids = pagedAscending.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(before.map((item) => item.id)));
    expect(ids.slice(0, before.length)).toEqual([...before].reverse().map((item) => item.id));
  });

  it('filters by status, call, sector, stage, name and creation date, and sorts by startup name', async () => {
    const names = async (query: string) => (await allPages(query, 50)).map((item) => item.startup.name);
    expect(await names('&status=submitted')).toEqual(['Bahia Fintech']);
    expect(await names(`&callId=${otherCallId}`)).toEqual(['Essaouira Sound']);
    expect(await names(`&sector=agritech&callId=${callId}&sort=startupName`)).toEqual(['Atlas Agri', 'Cedar AI']);
    expect(await names(`&stage=mvp&callId=${callId}&sort=-startupName`)).toEqual(['Draa Games', 'Atlas Agri']);
    expect(await names('&q=GAM')).toEqual(['Draa Games']);
    expect(await names('&q=.*')).toEqual([]);
    expect(await names(`&createdFrom=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect(await names(`&createdTo=${new Date(Date.now() + 60_000).toISOString()}&callId=${otherCallId}`)).toEqual([
      'Essaouira Sound',
    ]);
  });

  it('finds an application by the startup name it has now', async () => {
    const listed = (await allPages('&q=draa', 10))[0] as Listed;
    const application = await expectStatus(staff().get(`/v1/applications/${listed.id}`), 200);
    await expectStatus(staff().patch(`/v1/startups/${application.body.startupId}`, { name: 'Sahara Games' }), 200);
    await eventually(
      async () => (await allPages('&q=sahara', 10)).length === 1,
      'the renamed startup to be searchable',
    );
    expect(await allPages('&q=draa', 10)).toEqual([]);
  });

  it('answers 400 for a cursor it did not issue and for an unknown sort or filter', async () => {
    expect((await expectStatus(staff().get('/v1/applications?cursor=bm90LWEtY3Vyc29y'), 400)).body.code).toBe(
      'REQUEST.INVALID_CURSOR',
    );
    const bad = await expectStatus(staff().get('/v1/applications?sort=price&status=maybe&limit=1000&colour=red'), 400);
    expect(bad.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'colour',
      'limit',
      'sort',
      'status',
    ]);
  });
});
