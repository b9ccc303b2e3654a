/**
 * The anchoring bench's second edit mix (`--other`), made apart from the first (anchoring-edits.ts)
 * to check that what the engine learnt from one mix holds on another: a rule once scored well on
 * the first mix and failed a passage in two on this one (ADR 0006, "Asking the neighbours").
 *
 * Passages do not overlap and have at least two words between them, as one reader's highlights
 * mostly are. About each passage, with a chance growing with the severity, one edit of: an edge
 * word's capital changed; an edge word replaced by another; the context word beside the passage
 * replaced by one or two words; a clause inserted inside; a sentence added just before or after
 * it, at a sentence break; a space inside turned to a line break or two spaces; punctuation put
 * at an edge; two words inside swapped; an edge word deleted; a word in or near it replaced by
 * two. Around them, over the whole text: typos, words replaced, sentences deleted or inserted
 * (medium and heavy), a paragraph moved (heavy). The truth rule is the first mix's (TrackedText):
 * text replacing part of a passage is the passage's, text inserted at its ends is not.
 */
import { rng } from '../test/shared/rng.ts';
import { insertDonorSentence, moveParagraph, runInterleaved, sentenceStarts, TrackedText, WORD_RE, type Severity } from './anchoring-edits.ts';

/** Passages drawn from each text. */
export const OTHER_PASSAGES_PER_TEXT = 300;

/** Chance that a passage gets one edit of its own, and the share of all words replaced. */
const PER_SEVERITY: Record<Severity, { passage: number; words: number; sentencesEvery: number }> = {
  light: { passage: 0.2, words: 0, sentencesEvery: Infinity },
  medium: { passage: 0.4, words: 0.01, sentencesEvery: 3000 },
  heavy: { passage: 0.6, words: 0.03, sentencesEvery: 1500 },
};

/** The words of text[a, b); with `whole`, a word cut at `a` or `b` is taken whole (an edit
 * aimed at a random place replaces words, not the end of one). */
function wordsIn(text: string, a: number, b: number, whole = false): Array<[number, number]> {
  const letter = /[\p{L}\p{N}]/u;
  while (whole && a > 0 && letter.test(text[a - 1]!)) a--;
  while (whole && b < text.length && letter.test(text[b]!)) b++;
  return [...text.slice(a, b).matchAll(WORD_RE)].map((m) => [a + m.index, a + m.index + m[0].length]);
}

/** Random word-aligned passages of [min, max] characters that neither overlap nor touch; half
 * of them end before trailing punctuation, as a selection often does. */
export function samplePassagesApart(text: string, r: () => number, [min, max]: [number, number]): Array<{ start: number; end: number }> {
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const taken = new Array<boolean>(words.length).fill(false);
  const out: Array<{ start: number; end: number }> = [];
  for (let tries = 0; out.length < OTHER_PASSAGES_PER_TEXT && tries < 50 * OTHER_PASSAGES_PER_TEXT; tries++) {
    const i = Math.floor(r() * words.length);
    const target = min + Math.floor(r() * (max - min + 1));
    let j = i;
    while (j + 1 < words.length && words[j + 1]![1] - words[i]![0] <= target) j++;
    const a = words[i]![0];
    let b = words[j]![1];
    if (r() < 0.5) while (b > a + 1 && /[.,;:)”"]/.test(text[b - 1]!)) b--;
    if (b - a < min || b - a > max) continue;
    let free = true;
    for (let k = Math.max(0, i - 2); k <= Math.min(words.length - 1, j + 2); k++) free &&= !taken[k];
    if (!free) continue;
    for (let k = i; k <= j; k++) taken[k] = true;
    out.push({ start: a, end: b });
  }
  return out;
}

/** One edit about passage `i` (see the module comment). */
function passageEdit(t: TrackedText, i: number, donors: string[], pick: () => string, r: () => number): void {
  const s = t.primary(i);
  if (s.destroyed) return;
  const ws = wordsIn(t.text, s.start, s.end);
  if (ws.length < 2) return;
  const atStart = r() < 0.5;
  const [a, b] = atStart ? ws[0]! : ws[ws.length - 1]!;
  const inner = (): [number, number] | undefined => ws[1 + Math.floor(r() * (ws.length - 1))];
  switch (Math.floor(r() * 10)) {
    case 0: {
      const c = t.text[a]!;
      return t.replace(a, a + 1, c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());
    }
    case 1:
      return t.replace(a, b, pick());
    case 2: {
      const out = atStart ? wordsIn(t.text, Math.max(0, s.start - 30), s.start).pop() : wordsIn(t.text, s.end, s.end + 30)[0];
      if (out) t.replace(out[0], out[1], r() < 0.5 ? `${pick()} ${pick()}` : pick());
      return;
    }
    case 3: {
      const w = inner()!;
      return t.replace(ws[ws.indexOf(w) - 1]![1], ws[ws.indexOf(w) - 1]![1], `, ${pick()} ${pick()},`);
    }
    case 4: {
      const starts = sentenceStarts(t.text);
      const at = atStart ? starts.filter((x) => x <= s.start).pop() : starts.find((x) => x >= s.end);
      if (at !== undefined) insertDonorSentence(t, at, donors, r);
      return;
    }
    case 5: {
      const w = inner()!;
      const before = ws[ws.indexOf(w) - 1]![1];
      if (/^ +$/.test(t.text.slice(before, w[0]))) t.replace(before, w[0], r() < 0.5 ? '\n' : '  ');
      return;
    }
    case 6:
      return atStart ? t.replace(a, a, '“') : t.replace(b, b, ',');
    case 7: {
      const k = Math.floor(r() * (ws.length - 1));
      const [x, y] = [ws[k]!, ws[k + 1]!];
      if (y[0] - x[1] === 1) t.replace(x[0], y[1], `${t.text.slice(y[0], y[1])} ${t.text.slice(x[0], x[1])}`);
      return;
    }
    case 8:
      return atStart ? t.replace(a, ws[1]![0], '') : t.replace(ws[ws.length - 2]![1], b, '');
    default: {
      const near = wordsIn(t.text, Math.max(0, s.start - 20), Math.min(t.text.length, s.end + 20), true);
      const w = near[Math.floor(r() * near.length)]!;
      return t.replace(w[0], w[1], `${pick()} ${pick()}`);
    }
  }
}

/** Edit `text` at `severity` with the second mix, tracking `passages`. */
export function editOther(
  text: string,
  passages: ReadonlyArray<{ start: number; end: number }>,
  severity: Severity,
  donors: string[],
  seed: number,
): TrackedText {
  const r = rng(seed);
  const t = new TrackedText(text, passages);
  const vocabulary = [...text.matchAll(WORD_RE)].map((m) => m[0]);
  const pick = (): string => vocabulary[Math.floor(r() * vocabulary.length)]!;
  const { passage, words, sentencesEvery } = PER_SEVERITY[severity];
  const ops: Array<() => void> = [];
  for (let i = 0; i < text.length / 500; i++) {
    ops.push(() => {
      const w = wordsIn(t.text, Math.floor(r() * t.text.length), t.text.length, true)[0];
      if (!w || w[1] - w[0] < 4) return;
      const k = w[0] + 1 + Math.floor(r() * (w[1] - w[0] - 2));
      t.replace(k, k + 1, r() < 0.5 ? '' : 'x');
    });
  }
  for (let i = 0; i < vocabulary.length * words; i++) {
    ops.push(() => {
      const w = wordsIn(t.text, Math.floor(r() * t.text.length), t.text.length, true)[0];
      if (w) t.replace(w[0], w[1], r() < 0.3 ? `${pick()} ${pick()}` : pick());
    });
  }
  for (let i = 0; i < text.length / sentencesEvery; i++) {
    ops.push(() => {
      const starts = sentenceStarts(t.text);
      const k = Math.floor(r() * (starts.length - 1));
      if (r() < 0.5 && starts[k + 1]! - starts[k]! <= 300) t.replace(starts[k]!, starts[k + 1]!, '');
      else insertDonorSentence(t, starts[k]!, donors, r);
    });
  }
  passages.forEach((_, i) => {
    if (r() < passage) ops.push(() => passageEdit(t, i, donors, pick, r));
  });
  if (severity === 'heavy') for (let i = 0; i < Math.max(1, text.length / 8000); i++) ops.push(() => moveParagraph(t, r));
  runInterleaved(ops, r);
  return t;
}
