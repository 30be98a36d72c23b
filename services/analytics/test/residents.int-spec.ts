import { randomUUID } from 'node:crypto';
import { ResidencyEnded, ResidencyStarted } from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import { type AnalyticsSite, scripted, startAnalyticsSite } from './support/analytics-site';

const actor = { id: 'staff-1', role: 'site-staff' as const };
const reference = () => ({ residencyId: randomUUID(), startupId: randomUUID(), programId: 'incubation', programKind: 'incubation' as const, actor });

describe('residents, arrivals and departures, from residency events', () => {
  let analytics: AnalyticsSite;
  beforeAll(async () => {
    analytics = await startAnalyticsSite();
  }, 60_000);
  afterAll(() => analytics?.close());

  it('counts move-ins and ends by their dates, never a no-show, and each event once', async () => {
    const [a, b, c, noShow] = [reference(), reference(), reference(), reference()];
    const started = (residency: ReturnType<typeof reference>, on: string) => scripted(ResidencyStarted, { ...residency, spaceId: 'office-1', startedOn: on, plannedEndOn: '2030-01-01' }, `${on}T09:00:00Z`);
    const graduated = scripted(ResidencyEnded, { ...a, outcome: 'graduated', endedOn: '2027-07-15', startedOn: '2026-01-10' }, '2027-07-15T09:00:00Z');
    await analytics.publish([
      started(a, '2026-01-10'),
      started(b, '2026-02-01'),
      started(c, '2027-03-01'),
      scripted(ResidencyEnded, { ...noShow, outcome: 'no-show', endedOn: '2026-02-20' }, '2026-02-20T00:00:00Z'),
      graduated,
      graduated,
    ]);
    const residents = async (query = '') => (await analytics.get(`/v1/kpis/residents${query}`)).body;

    await eventually(async () => (await residents()).departures === 1, 'the departure counted', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await residents()).toEqual({ residentsNow: 2, arrivals: 3, departures: 1 });
    expect(await residents('?from=2026-01&to=2026-12')).toEqual({ residentsNow: 2, arrivals: 2, departures: 0 });
    expect(await residents('?from=2027-01&to=2027-12')).toEqual({ residentsNow: 2, arrivals: 1, departures: 1 });
    expect(await residents('?to=2027-06')).toEqual({ residentsNow: 3, arrivals: 3, departures: 0 });
  });
});
