import { MatchQualified } from '@technopark/contracts';
import type { ComputedPair, Teaser } from './match';
import { lineOf, type PairLine } from './match-row-codec';
import { type RowChange, RowEditor, type RowRead } from './row-editor';

const STARTUP = '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50';
const teaser: Teaser = { sectors: ['fintech'], stage: 'mvp', revenueBand: 'pre-revenue', resident: true };
const now = new Date('2026-12-07T09:00:00Z');
const earlier = new Date('2026-12-01T09:00:00Z');
const staff = { id: 'staff-1', role: 'site-staff' } as const;

const computed = (score: number, eligible = true): ComputedPair => ({
  gates: [{ gate: 'site-covered', passed: eligible, reason: eligible ? 'covers casa' : 'covers rabat, not casa' }],
  eligible,
  score: eligible ? score : 0,
  contributions: eligible ? [{ criterion: 'sector', points: score, weight: 100, rationale: `fits: +${score}` }] : [],
  weightsVersion: 1,
  threshold: 60,
});

function stored(pairs: Record<string, { score: number; qualified: boolean; pinned?: boolean }>): RowRead {
  return {
    startupId: STARTUP,
    version: 3,
    teaser,
    lines: new Map(
      Object.entries(pairs).map(([funderId, pair]) => [
        funderId,
        lineOf(computed(pair.score), {
          qualified: pair.qualified,
          rank: pair.score,
          ...(pair.pinned && { pinned: { reason: 'promising', by: staff, at: earlier } }),
          ...(pair.qualified && { qualifiedAt: earlier }),
          updatedAt: earlier,
        }),
      ]),
    ),
  };
}

const change = (editor: RowEditor) => editor.change() as RowChange;

describe('RowEditor', () => {
  it('writes nothing when every pair computes the same', () => {
    const editor = new RowEditor(stored({ a: { score: 70, qualified: true } }), teaser, now);
    editor.compute('a', computed(70));
    expect(editor.change()).toBeUndefined();
  });

  it('publishes a crossing into qualified once, and copies the pair for the deal flow', () => {
    const editor = new RowEditor(stored({ a: { score: 40, qualified: false } }), teaser, now);
    editor.compute('a', computed(75));
    const written = change(editor);
    expect(written.events.map((event) => event.contract)).toEqual([MatchQualified]);
    expect(written.qualified).toEqual([
      expect.objectContaining({ _id: `${STARTUP}:a`, funderId: 'a', rank: 75, score: 75, teaser }),
    ]);

    const again = new RowEditor({ ...written.read, version: 4, lines: written.lines }, teaser, now);
    again.compute('a', computed(80));
    expect(change(again).events).toEqual([]);
  });

  it('takes the deal-flow copy away when a pair falls under the threshold, keeping its pin', () => {
    const editor = new RowEditor(
      stored({ a: { score: 70, qualified: true }, b: { score: 30, qualified: true, pinned: true } }),
      teaser,
      now,
    );
    editor.compute('a', computed(50));
    editor.compute('b', computed(31, false));
    const written = change(editor);
    expect(written.unqualified.sort()).toEqual([`${STARTUP}:a`, `${STARTUP}:b`]);
    expect(written.qualified).toEqual([]);
    expect(JSON.parse((written.lines.get('b') as PairLine).state).pinned.reason).toBe('promising');
  });

  it('copies every qualified pair again when the teaser changed, even pairs that computed the same', () => {
    const editor = new RowEditor(
      stored({ a: { score: 70, qualified: true }, b: { score: 20, qualified: false } }),
      { ...teaser, resident: false },
      now,
    );
    editor.compute('a', computed(70));
    editor.compute('b', computed(20));
    const written = change(editor);
    expect(written.changedPairs).toBe(0);
    expect(written.qualified.map((entry) => [entry._id, entry.teaser.resident])).toEqual([[`${STARTUP}:a`, false]]);
  });

  it('puts right copies an attempt that lost its row write left, without writing the unchanged row', () => {
    const editor = new RowEditor(
      stored({ a: { score: 70, qualified: true }, b: { score: 20, qualified: false } }),
      teaser,
      now,
    );
    editor.compute('a', computed(70));
    editor.compute('b', computed(20));
    editor.recopy([`${STARTUP}:a`, `${STARTUP}:b`]);
    const written = change(editor);
    expect(written.rowChanged).toBe(false);
    expect(written.qualified.map((entry) => [entry._id, entry.score])).toEqual([[`${STARTUP}:a`, 70]]);
    expect(written.unqualified).toEqual([`${STARTUP}:b`]);
  });

  it('drops the pairs of funders gone from a whole row', () => {
    const editor = new RowEditor(
      stored({ a: { score: 70, qualified: true }, gone: { score: 90, qualified: true } }),
      teaser,
      now,
    );
    editor.compute('a', computed(70));
    editor.keepOnly(new Set(['a']));
    const written = change(editor);
    expect([...written.lines.keys()]).toEqual(['a']);
    expect(written.unqualified).toEqual([`${STARTUP}:gone`]);
  });

  it('writes a first row even when the site has no funder yet', () => {
    const editor = new RowEditor({ startupId: STARTUP, lines: new Map() }, teaser, now);
    editor.keepOnly(new Set());
    expect(change(editor)).toEqual(expect.objectContaining({ lines: new Map(), changedPairs: 0 }));
  });

  it("publishes a pin's crossing as the staff member's", () => {
    const editor = new RowEditor(stored({ a: { score: 40, qualified: false } }), teaser, now);
    const match = editor.curate('a', { pinned: { reason: 'strong team', by: staff, at: now } }, staff);
    expect(match).toEqual(expect.objectContaining({ qualified: true, rank: 1040, qualifiedAt: now }));
    expect(change(editor).events.map((event) => event.payload as { actor: unknown; pinned: boolean })).toEqual([
      expect.objectContaining({ actor: staff, pinned: true }),
    ]);
  });
});
