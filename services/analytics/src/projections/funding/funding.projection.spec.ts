import type { FundingRaisedV1 } from '@technopark/contracts';
import { raisedIncrements } from './funding.projection';

const raised: FundingRaisedV1 = {
  fundingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
  funderId: 'fund',
  amount: 300_000,
  currency: 'MAD',
  instrument: 'loan',
  raisedOn: '2026-05-20',
  evidence: 'bank-transfer',
  sectors: ['fintech'],
  stage: 'revenue',
  actor: { id: 'staff', role: 'site-staff' },
};

describe('a raise in the funding figures', () => {
  it('counts its money and one deal in its month, in total, per sector and per instrument', () => {
    expect(
      raisedIncrements('rabat', raised).map(({ kpi, period, dimension, by }) => `${kpi}|${period}|${dimension}|${by}`),
    ).toEqual([
      'funding.raised-mad|2026-05|all|300000',
      'funding.deals|2026-05|all|1',
      'funding.raised-mad|2026-05|sector:fintech|300000',
      'funding.deals|2026-05|sector:fintech|1',
      'funding.raised-mad|2026-05|instrument:loan|300000',
      'funding.deals|2026-05|instrument:loan|1',
    ]);
  });

  it('adds its cohort, and the introduction it came from with the days it took', () => {
    const withIntroduction = raisedIncrements('rabat', {
      ...raised,
      cohort: '2025-10',
      introductionId: raised.fundingId,
      introducedOn: '2026-05-01',
    });
    expect(withIntroduction.slice(6).map(({ kpi, period, dimension }) => `${kpi}|${period}|${dimension}`)).toEqual([
      'funding.cohort-raised-mad|2025-10|all',
      'funding.cohort-deals|2025-10|all',
      'funding.introductions-funded|2026-05|all',
      'funding.days-to-funding|2026-05|days:19',
    ]);
  });
});
