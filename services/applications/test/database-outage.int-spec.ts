import { randomUUID } from 'node:crypto';
import { type DisposableFerretDb, eventually, siteRequests, startDisposableFerretDb } from '@technopark/testing';
import { ApplicationsApp } from './support/applications-app';

/** Found by the fault suite (F4): a write while the database did not answer was a 500. */
describe('the database away', () => {
  let database: DisposableFerretDb;
  let apps: ApplicationsApp;

  beforeAll(async () => {
    database = await startDisposableFerretDb();
    apps = await new ApplicationsApp().start({ MONGO_URL: database.url });
  });
  afterAll(async () => {
    await apps?.close();
    await database?.destroy();
  });

  it('answers 503 DATABASE.UNAVAILABLE with Retry-After, never a 500, and serves again once it is back, unrestarted', async () => {
    const registered = await apps.registerStartup();
    await database.stop();

    const startupId = randomUUID();
    const write = await apps.as('startup', { startupId }).post('/v1/startups', siteRequests.startup('Outage'));
    const read = await apps.as('site-staff').get(`/v1/startups/${registered}`);
    for (const answer of [write, read]) {
      expect([answer.status, answer.body.code, answer.headers['retry-after']]).toEqual([
        503,
        'DATABASE.UNAVAILABLE',
        '5',
      ]);
      expect(answer.body.message).toMatch(/^The database is not answering; the request may not have been completed/);
      expect(JSON.stringify(answer.body)).not.toMatch(/Mongo|at .*\.ts/);
    }

    await database.start();
    await eventually(
      async () => (await apps.as('site-staff').get(`/v1/startups/${registered}`)).status === 200,
      'the startup served again',
      60_000,
    );
  }, 90_000);
});
