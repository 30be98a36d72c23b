import { DEFAULT_WEIGHTS } from './default-weights';
import { evaluateMatch, isQualified, rankOf, revenueBandOf } from './match-evaluation';
import type { FunderCriteria, StartupFacts } from './match-inputs';

const funder: FunderCriteria = {
  funderId: 'fund',
  sectors: ['greentech'],
  stages: ['revenue'],
  ticketMinMad: 500_000,
  ticketMaxMad: 1_000_000,
  instruments: ['equity'],
  sites: ['rabat'],
  requirements: { incorporated: true, minResidencyMonths: 6 },
  windows: [],
};
const startup: StartupFacts = {
  startupId: 's',
  legalForm: 'sme',
  sectors: ['greentech'],
  stage: 'revenue',
  teamSize: 3,
  residencies: [{ residencyId: 'r', programId: 'incubation', status: 'started', startedOn: '2026-01-15' }],
  seeking: { amountMad: 2_000_000, instrument: 'equity', useOfFunds: 'plant' },
};
const context = { site: 'rabat', today: '2026-08-01' };

describe('a match', () => {
  it('scores a full fit on every criterion it meets and a ratio on the ticket beyond the range', () => {
    const match = evaluateMatch(startup, funder, DEFAULT_WEIGHTS, context);
    expect(match.contributions.map(({ criterion, points }) => `${criterion}:${points}`)).toEqual([
      'sector:25',
      'stage:20',
      'ticket:10',
      'instrument:15',
      'traction:0',
      'residency:10',
    ]);
    expect(match.score).toBe(80);
  });

  it('gives half the stage weight to the stage next to the funder’s', () => {
    const match = evaluateMatch({ ...startup, stage: 'mvp' }, funder, DEFAULT_WEIGHTS, context);
    expect(match.contributions[1]).toMatchObject({
      points: 10,
      rationale: "stage mvp is next to the funder's (revenue): +10",
    });
  });

  it('fails the residency gate until the months are reached, and says when to look again', () => {
    const early = evaluateMatch(startup, funder, DEFAULT_WEIGHTS, { ...context, today: '2026-07-14' });
    expect([early.eligible, early.score, early.recheckOn]).toEqual([false, 0, '2026-07-15']);
    expect(evaluateMatch(startup, funder, DEFAULT_WEIGHTS, { ...context, today: '2026-07-15' }).eligible).toBe(true);
  });

  it('fails the site gate on a site the funder does not cover', () => {
    const elsewhere = evaluateMatch(startup, funder, DEFAULT_WEIGHTS, { ...context, site: 'fes' });
    expect(elsewhere.gates[1]).toEqual({ gate: 'site-covered', passed: false, reason: 'covers rabat, not fes' });
  });

  it('qualifies over the threshold or when pinned, never when suppressed or ineligible', () => {
    const eligible = { eligible: true, score: 59, threshold: 60 };
    expect([
      isQualified(eligible, {}),
      isQualified(eligible, { pinned: {} }),
      isQualified({ ...eligible, score: 60 }, { suppressed: {} }),
    ]).toEqual([false, true, false]);
    expect(isQualified({ ...eligible, eligible: false }, { pinned: {} })).toBe(false);
    expect([
      rankOf(eligible, { pinned: {} }),
      rankOf(eligible, {}),
      rankOf({ ...eligible, eligible: false }, {}),
      rankOf(eligible, { suppressed: {} }),
    ]).toEqual([1059, 59, -1, -2]);
  });

  it('shows funders a band of yearly revenue, never the figure', () => {
    expect([undefined, 0, 100_000, 200_000, 1_000_000, 3_000_000].map(revenueBandOf)).toEqual([
      'not reported',
      'pre-revenue',
      'under 0.5M MAD/year',
      '0.5M–2M MAD/year',
      '2M–10M MAD/year',
      'over 10M MAD/year',
    ]);
  });
});
