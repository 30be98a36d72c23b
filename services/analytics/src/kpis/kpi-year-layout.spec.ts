import { yearDocumentUpdates, yearsOf } from './kpi-year-layout';

const cell = (kpi: string, period: string, dimension: string, by = 1) => ({
  site: 'rabat',
  kpi,
  period,
  dimension,
  by,
});

describe('the year documents KPI cells are kept in', () => {
  it("merges one event's increments to the same document into one update, summing the same key", () => {
    expect(
      yearDocumentUpdates([
        cell('funnel.submitted', '2025-02', 'sector:ai', -1),
        cell('funnel.submitted', '2025-05', 'sector:ai', -1),
        cell('funnel.submitted', '2025-05', 'sector:ai', -1),
      ]),
    ).toEqual([
      {
        id: 'rabat|funnel.submitted|sector:ai|2025',
        site: 'rabat',
        kpi: 'funnel.submitted',
        dimension: 'sector:ai',
        year: '2025',
        inc: { 'values.2025-02': -1, 'values.2025-05': -2 },
      },
    ]);
  });

  it('keeps histogram buckets inside the document of their dimension, and other years, KPIs or dimensions apart', () => {
    const updates = yearDocumentUpdates([
      cell('funnel.decision-days', '2025-12', 'days:37'),
      cell('funnel.decision-days', '2025-12', 'program:incubation:days:37'),
      cell('funnel.decision-days', '2026-01', 'days:3'),
      cell('economy.revenue-mad', '2025-Q4', 'all', 1200.5),
      cell('economy.jobs', 'latest', 'all', 4),
    ]);
    expect(updates.map(({ id, inc }) => [id, inc])).toEqual([
      ['rabat|funnel.decision-days|all|2025', { 'values.2025-12|37': 1 }],
      ['rabat|funnel.decision-days|program:incubation|2025', { 'values.2025-12|37': 1 }],
      ['rabat|funnel.decision-days|all|2026', { 'values.2026-01|3': 1 }],
      ['rabat|economy.revenue-mad|all|2025', { 'values.2025-Q4': 1200.5 }],
      ['rabat|economy.jobs|all|latest', { 'values.latest': 4 }],
    ]);
  });

  it("reads the years of a range from the site's first year, and `latest` alone", () => {
    expect(yearsOf('2000-01', '2026-11', '2024')).toEqual(['2024', '2025', '2026']);
    expect(yearsOf('2025-Q1', '2026-Q4', '2019')).toEqual(['2025', '2026']);
    expect(yearsOf('2027-01', '2027-12', '2024')).toEqual(['2027']);
    expect(yearsOf('2000-01', '2026-11')).toEqual([]);
    expect(yearsOf('latest', 'latest', '2024')).toEqual(['latest']);
  });
});
