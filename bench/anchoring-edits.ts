/**
 * Edited copies of a text that keep track of where each passage went, for the anchoring bench.
 *
 * Truth rule. Every edit replaces [a, b) of the current text (a move is a deletion plus an
 * insertion of the same characters). A passage's start follows the first character after it,
 * its end the last character before it; text replacing part of a passage belongs to the
 * passage, text inserted exactly at one of its ends does not; a passage split by a moved block
 * follows its larger part (of the two blocks a move swaps, the shorter is the one moved). A
 * passage is *destroyed* when fewer than half of its original characters remain in its tracked
 * span (most of it was deleted or rewritten; a replaced word counts as wholly changed, a word
 * kept with another added beside it as kept). Text inserted inside a passage does not destroy
 * it; its true span then includes the insertion.
 *
 * Edge edits follow the same rule. A passage's first or last word replaced (by other words, or
 * by itself with a word added on the outer side) is replaced text, so the truth covers the new
 * words; a first or last word deleted moves the edge to the next word inward; a sentence
 * inserted inside a passage is covered by it.
 *
 * Copies. A sentence inserted from the text's own original (a donor may be the text itself) is a
 * copy of the original's characters: a passage it holds has a place there too, tracked as its
 * own place is. A copy that keeps at least half the passage's characters is one of its places
 * (`also`), judged like the truth by the bench. Where the passage's own place was destroyed, both
 * readings stand: destroyed (orphaning it is right) or moved to the copy in all but name (the
 * sentence deleted in one place, its words inserted in another; anchoring there is right).
 */
import { rng } from '../test/shared/rng.ts';

/** Where a passage is in the edited text, or that it was destroyed. */
export interface Truth {
  destroyed: boolean;
  start: number;
  end: number;
  /** Other places holding the passage's own characters (see Copies above); judged like the truth. */
  also: Array<{ start: number; end: number }>;
}

type Span = { start: number; end: number };

/** A text under edit, with the original index of every character (-1 for inserted ones). */
export class TrackedText {
  text: string;
  /** Passages a moved block cut in two (the truth follows the larger part): for diagnostics. */
  readonly split = new Set<number>();
  private origin: number[];
  private readonly spans: Span[];
  /** Places of each passage in copies of the original's sentences. */
  private readonly copies: Span[][];

  constructor(
    /** The text before any edit. */
    readonly original: string,
    private readonly passages: ReadonlyArray<{ start: number; end: number }>,
  ) {
    this.text = original;
    this.origin = Array.from({ length: original.length }, (_, i) => i);
    this.spans = passages.map((p) => ({ ...p }));
    this.copies = passages.map(() => []);
  }

  /** Insert at `at` a copy of the original's [from, from + length): its characters keep their
   * origin, and each passage it holds gains a place in it. */
  copy(at: number, from: number, length: number): void {
    const to = from + length;
    this.splice(at, at, this.original.slice(from, to), Array.from({ length }, (_, j) => from + j));
    this.passages.forEach((o, i) => {
      if (o.start < to && from < o.end) this.copies[i]!.push({ start: at + Math.max(o.start, from) - from, end: at + Math.min(o.end, to) - from });
    });
  }

  /** Replace [a, b) with `insert`. */
  replace(a: number, b: number, insert: string): void {
    this.splice(a, b, insert, new Array<number>(insert.length).fill(-1));
  }

  /** Replace [a, b) with `before` + its own text + `after`: a word kept with words added beside
   * it. Its characters keep their origin (they were not rewritten); passages' ends move as for
   * `replace`, so a passage whose edge word it is covers the added words. */
  extend(a: number, b: number, before: string, after: string): void {
    const kept = this.origin.slice(a, b);
    const added = (s: string): number[] => new Array<number>(s.length).fill(-1);
    this.splice(a, b, before + this.text.slice(a, b) + after, [...added(before), ...kept, ...added(after)]);
  }

  /** Move [a, b) to the boundary `to` (outside the block); passages mostly inside move with it. */
  move(a: number, b: number, to: number): void {
    // A block moved past its neighbour is that neighbour moved the other way: the same text.
    // Describe it by the shorter of the two, as a reader or a diff would (a heading moved down
    // past a paragraph, not the paragraph up past it); passages the shorter block cuts are split.
    if (to < a && a - to < b - a) return this.move(to, a, b);
    if (to > b && to - b < b - a) return this.move(b, to, a);
    const block = this.text.slice(a, b);
    const blockOrigin = this.origin.slice(a, b);
    // A passage goes with the block when most of its own characters are inside; the rest of
    // it counts as deleted.
    const inside = this.spans.map((s, i) => {
      const o = this.passages[i]!;
      let own = 0;
      let within = 0;
      for (let k = s.start; k < s.end; k++) {
        const g = this.origin[k]!;
        if (g < o.start || g >= o.end) continue;
        own++;
        if (k >= a && k < b) within++;
      }
      if (within > 0 && within < own) this.split.add(i);
      return within > 0 && 2 * within >= own;
    });
    const before = this.spans.map((s) => ({ ...s }));
    // A copy wholly inside the block goes with it.
    const carried = this.copies.flat().filter((c) => c.start >= a && c.end <= b).map((c) => [c, c.start - a, c.end - a] as const);
    this.splice(a, b, '', []);
    const at = to >= b ? to - (b - a) : to;
    this.splice(at, at, block, blockOrigin);
    this.spans.forEach((s, i) => {
      if (!inside[i]) return;
      s.start = at + Math.max(before[i]!.start, a) - a;
      s.end = at + Math.min(before[i]!.end, b) - a;
    });
    for (const [c, s, e] of carried) [c.start, c.end] = [at + s, at + e];
  }

  private splice(a: number, b: number, insert: string, insertOrigin: number[]): void {
    const delta = insert.length - (b - a);
    for (const s of [...this.spans, ...this.copies.flat()]) {
      if (a === b) {
        if (s.start >= a) s.start += insert.length;
        if (s.end > a) s.end += insert.length;
      } else {
        s.start = s.start < a ? s.start : s.start < b ? a : s.start + delta;
        s.end = s.end <= a ? s.end : s.end <= b ? a + insert.length : s.end + delta;
      }
    }
    this.text = this.text.slice(0, a) + insert + this.text.slice(b);
    this.origin.splice(a, b - a, ...insertOrigin);
  }

  /** Number of tracked passages. */
  get passageCount(): number {
    return this.passages.length;
  }

  /** Where passage `i` is now (see the truth rule and Copies above). */
  truth(i: number): Truth {
    return { ...this.primary(i), also: this.copies[i]!.filter((c) => this.keeps(i, c)).map((c) => ({ start: c.start, end: c.end })) };
  }

  /** Where passage `i`'s own place is now, copies aside: what edits aimed at a passage aim at. */
  primary(i: number): { destroyed: boolean; start: number; end: number } {
    const { start, end } = this.spans[i]!;
    return { destroyed: !this.keeps(i, { start, end }), start, end };
  }

  private keeps(i: number, s: Span): boolean {
    const o = this.passages[i]!;
    return s.end > s.start && this.kept(i, s) >= 0.5 * (o.end - o.start);
  }

  private kept(i: number, s: Span): number {
    const o = this.passages[i]!;
    let kept = 0;
    for (let k = s.start; k < s.end; k++) {
      const g = this.origin[k]!;
      if (g >= o.start && g < o.end) kept++;
    }
    return kept;
  }
}

/** How hard the text is edited. */
export type Severity = 'light' | 'medium' | 'heavy';

/** Severities, from light to heavy. */
export const SEVERITIES: readonly Severity[] = ['light', 'medium', 'heavy'];

/** Runs of letters and digits: the words an edit picks. */
export const WORD_RE = /[\p{L}\p{N}]+/gu;

function wordAt(text: string, at: number): [number, number] | null {
  let a = at;
  while (a > 0 && /[\p{L}]/u.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && /[\p{L}]/u.test(text[b]!)) b++;
  return b - a >= 1 ? [a, b] : null;
}

/** Where the sentences of `text` start: 0, and after each [.!?] (and a closing quote) and white space. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]["”)]?[ \n]+/g)) starts.push(m.index + m[0].length);
  return starts;
}

function typo(t: TrackedText, r: () => number): void {
  for (let tries = 0; tries < 20; tries++) {
    const w = wordAt(t.text, Math.floor(r() * t.text.length));
    if (!w || w[1] - w[0] < 4) continue;
    const i = w[0] + 1 + Math.floor(r() * (w[1] - w[0] - 2));
    const c = t.text[i]!;
    const kind = Math.floor(r() * 4);
    if (kind === 0) t.replace(i, i + 1, String.fromCharCode(97 + Math.floor(r() * 26)));
    else if (kind === 1) t.replace(i, i + 1, '');
    else if (kind === 2) t.replace(i, i, c);
    else t.replace(i, i + 2, t.text[i + 1]! + c);
    return;
  }
}

// De-hyphenation and punctuation/whitespace touch-ups: the kind of change a corpus repair makes.
function touchUp(t: TrackedText, r: () => number): void {
  const hyphens = [...t.text.matchAll(/\p{L}-\p{L}/gu)].map((m) => m.index + 1);
  if (hyphens.length > 0 && r() < 0.5) {
    const h = hyphens[Math.floor(r() * hyphens.length)]!;
    t.replace(h, h + 1, '');
    return;
  }
  const marks = [...t.text.matchAll(/[,;:] /g)].map((m) => m.index);
  if (marks.length === 0) return;
  const k = marks[Math.floor(r() * marks.length)]!;
  t.replace(k, k + 2, r() < 0.5 ? ' ' : '  ');
}

function changeWord(t: TrackedText, vocabulary: string[], r: () => number): void {
  for (let tries = 0; tries < 20; tries++) {
    const w = wordAt(t.text, Math.floor(r() * t.text.length));
    if (!w) continue;
    t.replace(w[0], w[1], vocabulary[Math.floor(r() * vocabulary.length)]!);
    return;
  }
}

function sentenceEdit(t: TrackedText, donors: string[], r: () => number): void {
  const starts = sentenceStarts(t.text);
  if (r() < 0.5 && starts.length > 2) {
    for (let tries = 0; tries < 10; tries++) {
      const k = Math.floor(r() * (starts.length - 1));
      if (starts[k + 1]! - starts[k]! <= 400) return t.replace(starts[k]!, starts[k + 1]!, '');
    }
    return;
  }
  const at = starts[Math.floor(r() * starts.length)]!;
  insertDonorSentence(t, at, donors, r);
}

/** Insert at `at` a sentence of a random donor (at most 400 characters) and a space; one from the
 * text's own original is a copy of it (`TrackedText.copy`). */
export function insertDonorSentence(t: TrackedText, at: number, donors: string[], r: () => number): void {
  const donor = donors[Math.floor(r() * donors.length)]!;
  const ds = sentenceStarts(donor);
  const k = Math.floor(r() * (ds.length - 1));
  const sentence = donor.slice(ds[k], ds[k + 1]).slice(0, 400).replace(/\s+$/, '');
  if (donor === t.original) {
    t.copy(at, ds[k]!, sentence.length);
    t.replace(at + sentence.length, at + sentence.length, ' ');
  } else t.replace(at, at, sentence + ' ');
}

/** The letter/digit words of passage `i` in the current text, or null when it is gone. */
function passageWords(t: TrackedText, i: number): { start: number; words: Array<[number, number]> } | null {
  const s = t.primary(i);
  if (s.destroyed) return null;
  const words: Array<[number, number]> = [];
  for (const m of t.text.slice(s.start, s.end).matchAll(WORD_RE)) words.push([s.start + m.index, s.start + m.index + m[0].length]);
  return { start: s.start, words };
}

// An edit at a random passage's first or last word: the word replaced by one or two others,
// deleted with the space or punctuation that joined it to the passage, or kept with a word added
// on its outer side (a replacement of the word, so the passage's new edge is the added word).
function edgeEdit(t: TrackedText, vocabulary: string[], r: () => number): void {
  const found = passageWords(t, Math.floor(r() * t.passageCount));
  if (!found || found.words.length < 3) return;
  const { words } = found;
  const atStart = r() < 0.5;
  const [a, b] = atStart ? words[0]! : words[words.length - 1]!;
  const pick = (): string => vocabulary[Math.floor(r() * vocabulary.length)]!;
  const kind = Math.floor(r() * 3);
  if (kind === 0) t.replace(a, b, r() < 0.7 ? pick() : `${pick()} ${pick()}`);
  else if (kind === 1) {
    if (atStart) t.replace(a, words[1]![0], '');
    else t.replace(words[words.length - 2]![1], b, '');
  } else if (atStart) t.extend(a, b, `${pick()} `, '');
  else t.extend(a, b, '', ` ${pick()}`);
}

// A donor sentence inserted inside a random passage: at a sentence start within it if it has
// one, else after one of its inner spaces.
function sentenceInside(t: TrackedText, donors: string[], r: () => number): void {
  const i = Math.floor(r() * t.passageCount);
  const s = t.primary(i);
  if (s.destroyed) return;
  const inner = t.text.slice(s.start, s.end);
  let spots = sentenceStarts(inner).filter((x) => x > 0 && x < inner.length);
  if (spots.length === 0) spots = [...inner.matchAll(/ (?=\S)/g)].map((m) => m.index + 1);
  if (spots.length === 0) return;
  const at = s.start + spots[Math.floor(r() * spots.length)]!;
  insertDonorSentence(t, at, donors, r);
}

/** Move a random paragraph to another paragraph break. */
export function moveParagraph(t: TrackedText, r: () => number): void {
  const bounds = [0];
  for (let i = t.text.indexOf('\n'); i !== -1; i = t.text.indexOf('\n', i + 1)) bounds.push(i + 1);
  if (bounds.length < 3) return;
  const k = Math.floor(r() * (bounds.length - 1));
  const [a, b] = [bounds[k]!, bounds[k + 1]!];
  const others = bounds.filter((x) => x < a || x > b);
  t.move(a, b, others[Math.floor(r() * others.length)]!);
}

/**
 * Edit `text` at `severity`, tracking `passages`. light: a typo per ~400 characters, a
 * de-hyphenation or punctuation/whitespace change per ~1,000, an edit of a passage's first or
 * last word per ~2,000 and a sentence inserted inside a passage per ~6,000. medium: light, plus
 * a sentence inserted (from `donors`) or deleted per ~1,500 characters, 2% of words replaced,
 * edge edits per ~1,000 and inner sentences per ~3,000. heavy: medium with 5% of words
 * replaced, edge edits per ~600, inner sentences per ~2,000 and one paragraph moved per ~8,000
 * characters.
 */
export function editText(
  text: string,
  passages: ReadonlyArray<{ start: number; end: number }>,
  severity: Severity,
  donors: string[],
  seed: number,
): TrackedText {
  const r = rng(seed);
  const t = new TrackedText(text, passages);
  const n = text.length;
  const vocabulary = [...text.matchAll(WORD_RE)].map((m) => m[0]);
  const ops: Array<() => void> = [];
  for (let i = 0; i < n / 400; i++) ops.push(() => typo(t, r));
  for (let i = 0; i < n / 1000; i++) ops.push(() => touchUp(t, r));
  if (severity !== 'light') {
    for (let i = 0; i < n / 1500; i++) ops.push(() => sentenceEdit(t, donors, r));
    const share = severity === 'medium' ? 0.02 : 0.05;
    for (let i = 0; i < vocabulary.length * share; i++) ops.push(() => changeWord(t, vocabulary, r));
  }
  const [edgeEvery, insideEvery] = severity === 'light' ? [2000, 6000] : severity === 'medium' ? [1000, 3000] : [600, 2000];
  for (let i = 0; i < n / edgeEvery; i++) ops.push(() => edgeEdit(t, vocabulary, r));
  for (let i = 0; i < n / insideEvery; i++) ops.push(() => sentenceInside(t, donors, r));
  if (severity === 'heavy') for (let i = 0; i < Math.max(1, n / 8000); i++) ops.push(() => moveParagraph(t, r));
  runInterleaved(ops, r);
  return t;
}

/** Run `ops` in a random order: the kinds of edit interleaved, as real revisions do. */
export function runInterleaved(ops: Array<() => void>, r: () => number): void {
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  for (const op of ops) op();
}
