/**
 * Seeded property tests: random passages of the corpus, random edits of the text around and
 * inside them; every anchor must land within a few characters of where the passage went, or
 * be an orphan, and most of them (the edits never destroy a passage) must be anchored. The
 * bit-parallel distances are checked against plain dynamic programming.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { anchor, describe } from '../../src/anchoring/index.ts';
import { endDistance, startDistance } from '../../src/anchoring/distance.ts';
import { editDistance, gapErrors } from '../../src/anchoring/gap.ts';
import { sameWord } from '../../src/anchoring/words.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

const SEED = 20261122;
const TOLERANCE = 5;
/** Share of the generated passages (all of which survive their edits) that must be anchored:
 * an engine that orphans everything passes every per-case check, so the check counts too. */
const MIN_RECALL = 0.9;

let texts: string[] = [];
beforeAll(async () => {
  texts = (await loadCorpus()).map((d) => d.text);
});

/** Edit distance of `p` to the best-matching suffix (free start) or prefix (free end) of `t`. */
function naive(p: string, t: string, anchoredStart: boolean): number {
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  let best = anchoredStart ? prev[p.length]! : Infinity;
  for (let j = 1; j <= t.length; j++) {
    const cur = [anchoredStart ? j : 0];
    for (let i = 1; i <= p.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
    if (anchoredStart) best = Math.min(best, cur[p.length]!);
  }
  return anchoredStart ? best : prev[p.length]!;
}

it('computes context distances like plain dynamic programming', () => {
  const str = (max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: max });
  fc.assert(
    fc.property(str(32), str(48), (p, t) => {
      expect(endDistance(p, t)).toBe(naive(p, t, false));
      expect(startDistance(p, t)).toBe(naive(p, t, true));
    }),
    { seed: SEED, numRuns: 300 },
  );
});

/** Plain edit distance of `a` and `b`. */
function plain(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** gapErrors by its definition: over every split of the quote (with its head holding the first
 * word and its tail the last when `inside`) and every free stretch, the plainest way. */
function gapNaive(q: string, t: string, start: number, end: number, inside: boolean): number {
  const m = q.length;
  const reach = Math.min(end - start, m + 16);
  const first = /^\s*\S+/.exec(q)?.[0].length ?? 1;
  const last = /\S+\s*$/.exec(q)?.[0].length ?? 1;
  const [lo, hi] = !inside ? [0, m] : first + last <= m ? [first, m - last] : [Math.min(1, m), Math.max(0, m - 1)];
  let best = m;
  for (let k = lo; k <= hi; k++) {
    let head = Infinity;
    for (let j = 0; j <= reach; j++) head = Math.min(head, plain(q.slice(0, k), t.slice(start, start + j)));
    let tail = Infinity;
    for (let j = 0; j <= reach; j++) tail = Math.min(tail, plain(q.slice(k), t.slice(end - j, end)));
    best = Math.min(best, head + tail);
  }
  return best;
}

it('computes the distance with a free stretch, and plain edit distance, as their definitions say', () => {
  const str = (min: number, max: number): fc.Arbitrary<string> =>
    fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: min, maxLength: max });
  fc.assert(
    fc.property(str(1, 14), str(0, 30), fc.nat(), fc.nat(), fc.boolean(), (q, t, x, y, inside) => {
      // Often the quote itself, edited or with text inserted, so that verbatim runs and early
      // stops are exercised, not only unrelated strings.
      const at = x % (t.length + 1);
      const text = y % 3 === 0 ? t : t.slice(0, at) + q.slice(0, y % (q.length + 1)) + t.slice(at, at + 3) + q.slice(y % (q.length + 1)) + t.slice(at);
      const start = Math.min(at, text.length - 1);
      const end = Math.min(text.length, start + q.length + (y % 7));
      if (end <= start) return;
      expect(gapErrors(q, text, start, end, inside)).toBe(gapNaive(q, text, start, end, inside));
      expect(editDistance(q, text.slice(start, end))).toBe(plain(q, text.slice(start, end)));
    }),
    { seed: SEED, numRuns: 400 },
  );
});

it('tells a word edited from a word replaced as its definition says', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '’'), minLength: 1, maxLength: 9 });
  fc.assert(
    fc.property(word, word, (a, b) => {
      const allowed = Math.max(1, a.length >> 1);
      const d = plain(a, b);
      expect(sameWord(a, b)).toBe(a === b ? a.length : Math.abs(a.length - b.length) > allowed || d > allowed ? 0 : a.length - d);
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

/** One edit: replace `del` characters at `at` (a fraction of the text or of the quote) with `ins`. */
interface Edit {
  inside: boolean;
  at: number;
  del: number;
  ins: string;
}

const word = fc.constantFrom('the', 'CSTO', 'of', 'Kazakhstan', 'and', 'regime', 'protest', 'in');
const junk = fc.string({ unit: fc.constantFrom('a', 'e', 't', 'o', ' ', ',', '.', '\n'), maxLength: 4 });
// Inside the quote, typo-sized edits (an aligner may leave a few replaced characters at either
// end outside the match); elsewhere, whole words and longer deletions.
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ inside: fc.constant(true), at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 4 }), ins: junk }),
  fc.record({
    inside: fc.constant(false),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    del: fc.nat({ max: 4 }),
    ins: fc.oneof(junk, word.map((w) => ` ${w} `)),
  }),
);

/** Apply `edit`, moving [start, end) by the bench's rule: replaced text inside belongs to it. */
function apply(text: string, span: { start: number; end: number }, e: Edit): string {
  const len = span.end - span.start;
  let a: number;
  let del = e.del;
  if (e.inside) {
    a = span.start + Math.floor(e.at * len);
    del = Math.min(del, span.end - a);
  } else {
    // Away from the passage: sentences come and go anywhere else.
    a = Math.floor(e.at * text.length);
    if (a + del > span.start - 40 && a < span.end + 40) return text;
    del = e.del * 10;
  }
  const b = Math.min(text.length, a + del);
  const delta = e.ins.length - (b - a);
  const { start, end } = span;
  if (a === b) {
    if (start >= a) span.start += e.ins.length;
    if (end > a) span.end += e.ins.length;
  } else {
    span.start = start < a ? start : start < b ? a : start + delta;
    span.end = end <= a ? end : end <= b ? a + e.ins.length : end + delta;
  }
  return text.slice(0, a) + e.ins + text.slice(b);
}

const caseArb = fc.record({
  doc: fc.nat({ max: 2 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 15, max: 300 }),
  edits: fc.array(editArb, { maxLength: 8 }),
  withPosition: fc.boolean(),
});

type CaseValue = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** Counterexamples fast-check found with SEED during development, replayed on every run. */
const EDIT_REGRESSIONS: Array<[CaseValue]> = [
  // Quote at the start of the text, first characters replaced by longer junk, no position.
  [{ doc: 0, at: 0, length: 40, edits: [{ inside: true, at: 0, del: 1, ins: 'aaaa' }], withPosition: false }],
  // Edits stacked at the quote's first character.
  [{ doc: 0, at: 0, length: 120, edits: [{ inside: true, at: 0, del: 1, ins: 'aa' }, { inside: true, at: 0, del: 1, ins: 'aaa' }], withPosition: false }],
  // The first five characters deleted, a few characters after the text start.
  [{ doc: 0, at: 0.0000729, length: 80, edits: [{ inside: true, at: 0, del: 3, ins: '' }, { inside: true, at: 0, del: 2, ins: '' }], withPosition: false }],
];

function check(seed: number, numRuns: number): void {
  let cases = 0;
  let anchored = 0;
  fc.assert(
    fc.property(caseArb, ({ doc, at, length, edits, withPosition }) => {
      const original = texts[doc]!;
      const start = Math.floor(at * (original.length - length));
      const sel = describe(original, start, start + length);
      const span = { start, end: start + length };
      let text = original;
      let changedInside = 0;
      // Characters changed inside the quote may sit at its edges, where no aligner can tell
      // them from the surrounding text: they widen the tolerance.
      let added = 0;
      for (const e of edits) {
        // At most one edit per 40 quote characters, so the passage always survives.
        if (e.inside && ++changedInside > length / 40) continue;
        if (e.inside) added += Math.max(e.ins.length, e.del);
        text = apply(text, span, e);
      }
      const a = anchor(text, withPosition ? sel : [sel[0]], { originalLength: original.length });
      cases++;
      if (a.status === 'orphan') return;
      anchored++;
      expect(Math.abs(a.start - span.start), `start, ${a.method}`).toBeLessThanOrEqual(TOLERANCE + added);
      expect(Math.abs(a.end - span.end), `end, ${a.method}`).toBeLessThanOrEqual(TOLERANCE + added);
    }),
    { seed, numRuns, examples: EDIT_REGRESSIONS },
  );
  expect(anchored / cases, `${anchored} of ${cases} surviving passages anchored`).toBeGreaterThanOrEqual(MIN_RECALL);
}

it('anchors edited passages near their true place, or orphans them', () => {
  check(SEED, 400);
});

it('anchors edited passages with a second seed', () => {
  check(SEED + 1, 200);
});

it('orphans deleted passages, or finds a copy of the quote with nearly the same context', () => {
  fc.assert(
    fc.property(fc.nat({ max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 15, max: 300 }), (doc, at, length) => {
      const original = texts[doc]!;
      const start = Math.floor(at * (original.length - length));
      const sel = describe(original, start, start + length);
      const text = original.slice(0, Math.max(0, start - 50)) + original.slice(start + length + 50);
      const a = anchor(text, sel, { originalLength: original.length });
      if (a.status === 'anchored') {
        // A copy elsewhere (the texts repeat some sentences and affiliations) is acceptable
        // only as the exact quote in nearly the same context: the selectors cannot tell
        // such a copy from the passage itself.
        const [q] = sel;
        expect(text.slice(a.start, a.end)).toBe(q.exact);
        const before = text.slice(Math.max(0, a.start - q.prefix.length - 8), a.start);
        const after = text.slice(a.end, a.end + q.suffix.length + 8);
        const errors = naive(q.prefix, before, false) + naive(q.suffix, after, true);
        expect(errors).toBeLessThanOrEqual(0.2 * (q.prefix.length + q.suffix.length));
      }
    }),
    // The affiliation at the start of anisin-2026 recurs later with slightly other context.
    { seed: SEED, numRuns: 300, examples: [[0, 0, 20], [0, 0, 24], [0, 0, 27]] },
  );
});
