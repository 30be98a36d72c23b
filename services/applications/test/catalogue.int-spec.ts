import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@technopark/testing';
import { ApplicationsApp, expectStatus, programBody } from './support/applications-app';

const CASABLANCA_SEED = join(__dirname, '../src/catalogue/seeds/casablanca.json');

/** Removed after the suite: a test leaves nothing behind in the temporary folder. */
const seedDirectories: string[] = [];
afterAll(() => seedDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/** The Casablanca seed plus one program, in a temporary file. */
function seedWithLateAddition(): string {
  const seed = JSON.parse(readFileSync(CASABLANCA_SEED, 'utf8'));
  seed.programs.push(programBody('late-addition'));
  const directory = mkdtempSync(join(tmpdir(), 'catalogue-'));
  seedDirectories.push(directory);
  const file = join(directory, 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  return file;
}

describe('the catalogue of programs and calls', () => {
  const service = new ApplicationsApp();

  beforeAll(() => service.start({ CATALOGUE_SEED_FILE: CASABLANCA_SEED }));
  afterAll(() => service.close());

  const programIds = async () =>
    (await expectStatus(service.as('startup', { startupId: 'x' }).get('/v1/programs?limit=100'), 200)).body.items.map(
      (program: { id: string }) => program.id,
    );

  it("loads the site's starting catalogue, readable by every role", async () => {
    await eventually(async () => (await programIds()).includes('plug-and-play-acceleration'), 'the seeded programs');
    expect(await programIds()).toEqual(['incubation', 'plug-and-play-acceleration', 'pre-incubation']);
    const accelerator = await expectStatus(service.as('partner').get('/v1/programs/plug-and-play-acceleration'), 200);
    expect(accelerator.body).toMatchObject({
      kind: 'acceleration',
      partnerId: 'plug-and-play',
      createdBy: { id: 'catalogue-seed', role: 'system' },
    });

    const open = await expectStatus(
      service.as('committee-member').get('/v1/calls?openAt=2026-10-01T00:00:00.000Z'),
      200,
    );
    expect(open.body.items.map((call: { id: string }) => call.id)).toEqual([
      'pre-incubation-2026-autumn',
      'incubation-2026-autumn',
    ]);
  });

  it("keeps staff's changes when the service starts again with the same seed", async () => {
    await eventually(async () => (await programIds()).includes('incubation'), 'the seeded programs');
    const changed = await expectStatus(
      service.as('site-staff', { subject: 'staff-3' }).patch('/v1/programs/incubation', { durationMonths: 24 }),
      200,
    );
    expect(changed.body).toMatchObject({
      durationMonths: 24,
      updatedBy: { id: 'staff-3', role: 'site-staff' },
      createdBy: { id: 'catalogue-seed', role: 'system' },
    });
    await service.close();
    await service.start({ CATALOGUE_SEED_FILE: seedWithLateAddition() });
    // The program added to the seed shows the seeder has run again.
    await eventually(async () => (await programIds()).includes('late-addition'), 'the second seeding');
    expect((await expectStatus(service.as('site-staff').get('/v1/programs/incubation'), 200)).body.durationMonths).toBe(
      24,
    );
  });

  it('lets staff create programs and calls, with clear refusals', async () => {
    const staff = service.as('site-staff', { subject: 'staff-9' });
    const created = await expectStatus(staff.post('/v1/programs', programBody('fintech-acceleration')), 201);
    expect(created.body).toMatchObject({
      id: 'fintech-acceleration',
      createdBy: { id: 'staff-9', role: 'site-staff' },
    });
    expect((await expectStatus(staff.post('/v1/programs', programBody('fintech-acceleration')), 409)).body.code).toBe(
      'CATALOGUE.PROGRAM_EXISTS',
    );

    const lopsided = await expectStatus(
      staff.post('/v1/programs', { ...programBody('lopsided'), rubric: [{ criterion: 'team', weight: 60 }] }),
      400,
    );
    expect(lopsided.body.fields).toEqual([{ field: 'rubric', problems: ['rubric weights must add up to 100'] }]);

    const window = {
      id: 'fintech-2027',
      title: 'Fintech 2027',
      opensAt: '2027-01-10T00:00:00.000Z',
      closesAt: '2027-01-01T00:00:00.000Z',
      cohortCapacity: 5,
    };
    expect(
      (await expectStatus(staff.post('/v1/programs/fintech-acceleration/calls', window), 400)).body.fields[0].field,
    ).toBe('closesAt');
    await expectStatus(
      staff.post('/v1/programs/fintech-acceleration/calls', { ...window, closesAt: '2027-03-01T00:00:00.000Z' }),
      201,
    );
    expect(
      (await expectStatus(staff.patch('/v1/calls/fintech-2027', { closesAt: '2026-12-01T00:00:00.000Z' }), 400)).body
        .code,
    ).toBe('CATALOGUE.INVALID_WINDOW');
    expect(
      (
        await expectStatus(
          staff.post('/v1/programs/no-such-program/calls', {
            ...window,
            id: 'orphan',
            closesAt: '2027-03-01T00:00:00.000Z',
          }),
          404,
        )
      ).body.code,
    ).toBe('CATALOGUE.PROGRAM_NOT_FOUND');

    await expectStatus(
      service.as('startup', { startupId: 'x' }).post('/v1/programs', programBody('by-a-startup')),
      403,
    );
    await expectStatus(service.as('committee-member').patch('/v1/calls/fintech-2027', { cohortCapacity: 50 }), 403);
  });
});
