import { computedOf, decodeRow, encodeRow, lineOf, type PairLine, parseComputed, parseState } from './match-row-codec';
import type { ComputedPair, PairState } from './match';

const computed: ComputedPair = {
  gates: [{ gate: 'site-covered', passed: true, reason: 'covers casablanca' }],
  eligible: true,
  score: 72.5,
  contributions: [
    { criterion: 'sector', points: 25, weight: 25, rationale: "sector fintech is in the funder's focus: +25" },
  ],
  weightsVersion: 2,
  threshold: 60,
  recheckOn: '2027-03-01',
};
const state: PairState = {
  qualified: true,
  rank: 1072.5,
  pinned: {
    reason: 'strong\tteam\nand market',
    by: { id: 'staff-1', role: 'site-staff' },
    at: new Date('2026-12-01T10:00:00Z'),
  },
  qualifiedAt: new Date('2026-12-01T10:00:00Z'),
  updatedAt: new Date('2026-12-02T08:30:00Z'),
};

describe('match row codec', () => {
  it('gives back every pair as stored, dates as dates, whatever text its sentences hold', () => {
    const lines = new Map([
      ['fund-a', lineOf(computed, state)],
      [
        'fund-b',
        lineOf({ ...computed, recheckOn: undefined, eligible: false, score: 0 }, { ...state, pinned: undefined }),
      ],
    ]);

    const decoded = decodeRow(encodeRow(lines));
    const lineOfFunder = (funderId: string) => decoded.get(funderId) as PairLine;

    expect([...decoded.keys()]).toEqual(['fund-a', 'fund-b']);
    expect(parseComputed(lineOfFunder('fund-a'))).toEqual(computed);
    expect(parseState(lineOfFunder('fund-a'))).toEqual(state);
    expect(lineOfFunder('fund-a').recheckOn).toBe('2027-03-01');
    expect(lineOfFunder('fund-b').recheckOn).toBe('');
  });

  it('keeps a row without pairs empty', () => {
    expect(decodeRow(encodeRow(new Map())).size).toBe(0);
  });

  it('writes equal computations as equal text, whatever order their fields were built in', () => {
    const { threshold, weightsVersion, ...rest } = computed;
    const reordered: ComputedPair = { threshold, weightsVersion, ...rest };
    expect(JSON.stringify(computedOf(reordered))).toBe(JSON.stringify(computedOf(computed)));
  });

  it('compresses a row of repeated sentences to a small fraction of its text', () => {
    const lines = new Map(
      Array.from({ length: 500 }, (_, index) => [`fund-${index}`, lineOf({ ...computed, score: index % 100 }, state)]),
    );
    const text = [...lines.values()].reduce((sum, line) => sum + line.computed.length + line.state.length, 0);
    expect(encodeRow(lines).length).toBeLessThan(text / 10);
  });
});
