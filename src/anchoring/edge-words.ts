/**
 * Edge repair word by word. edges.ts places a passage's ends by aligning characters, so where
 * the edge word and the context word beside it were both edited, letters shared by chance
 * decide which side a word goes to ("agents. Investigating" edited to "and. about
 * Investigating": "and. about" is nearer "agents." than "and." is, so "about" went to the
 * context). Here each end that the context did not meet verbatim is placed again among the
 * nearby word boundaries, by whole words: the context's nearest words and the quote's first (or
 * last) words aligned with the text's, a word kept (up to a typo or two) costing nothing and a
 * word replaced, added or dropped costing one. Of equal costs, the place where the punctuation
 * around the edge is as it was wins (an edit of an edge word keeps the punctuation after it: in
 * "groups, Kazakhs were", "Kazakhs" is not the passage's). Then, where the context's nearest
 * word is right at the outer place, the outer one: a word added between an intact context and
 * the passage is covered, as edges.ts does for characters (a sentence is not). Where that
 * context word was itself edited, the inner one: words beside an edited context word are more
 * likely that edit ("preventing the destruction" edited to "preventing and distinct
 * destruction" starts at "destruction"). Where the quote's edge word was edited too, the context
 * keeps one word for each of its own.
 */
import { keptWord } from './words.ts';
import { EDGE } from './types.ts';

/** Words of context and of quote compared at each end. */
const K = 3;
/** Word boundaries tried on each side of the end found. */
const REACH = 2;
/** Characters of text read on each side of the end: enough for K + 2 REACH words. */
const SPAN = 80;

/** A word that ends a sentence. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** Runs of other than white space in `s`, as [start, end) offsets. */
function tokens(s: string): Array<[number, number]> {
  return [...s.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * Least cost of aligning all of `pattern` with a run of `text` that starts at text[0] (words kept
 * cost 0; replaced, added or dropped, 1): how well the text beside a boundary holds the words
 * that should be there. `same(i, j)`: pattern word i is text word j, up to a typo or two.
 */
function align(pattern: readonly number[], text: readonly number[], same: (i: number, j: number) => boolean): number {
  let prev = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++) {
      const keep = same(pattern[i - 1]!, text[j - 1]!) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + keep);
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/** The punctuation that leads (`lead`) or trails a word: kept by an edit of the word's letters. */
function punct(word: string | undefined, lead: boolean): string {
  if (word === undefined) return '';
  return (lead ? /^[^\p{L}\p{N}]*/u : /[^\p{L}\p{N}]*$/u).exec(word)![0];
}

/** What the edge repair needs to know: the text, the quote and its context patterns. */
export interface WordProbe {
  text: string;
  exact: string;
  /** Context patterns, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
}

/** The words of `s` (white-space separated), dropping a first (`cutFirst`) or last word that
 * the context's length cut in two. */
function wordsOf(s: string, cutFirst: boolean): string[] {
  const clean = s.split(EDGE).join(' ');
  const w = clean.split(/\s+/).filter(Boolean);
  if (cutFirst && w.length && !/^\s/.test(clean) && !s.startsWith(EDGE)) w.shift();
  if (!cutFirst && w.length && !/\s$/.test(clean) && !s.endsWith(EDGE)) w.pop();
  return w;
}

/**
 * Whether `words[from, to)` end a sentence: one of them ends with [.!?…]. At an end (`dir` 1),
 * not the last of them where it ends as the quote's last word `edge` does and the word before
 * them does not: that punctuation is the passage's own, kept after a word added to its last
 * word ("resources." to "resources now.").
 */
function endsSentence(words: readonly string[], from: number, to: number, dir: -1 | 1, edge: string | undefined): boolean {
  const own = punct(edge, false);
  const displaced = dir > 0 && own !== '' && punct(words[from - 1], false) !== own;
  for (let j = from; j < to; j++) {
    const w = words[j]!;
    if (!SENTENCE_END.test(w)) continue;
    if (displaced && j === to - 1 && punct(w, false) === own) continue;
    return true;
  }
  return false;
}

/** A boundary tried by place(), and what is known of the words at it. */
interface Place {
  b: number;
  /** Words of context and quote replaced, added or dropped, aligned from this boundary. */
  cost: number;
  /** Punctuation at the boundary not as it was (0 to 2). */
  misplaced: number;
  /** The context's nearest word is right at the boundary. */
  near: boolean;
  /** The quote's edge word is right at the boundary. */
  edge: boolean;
  /** The context is in step with the text here: each of its words kept or replaced by one. */
  step: boolean;
}

/**
 * Of two boundaries that align equally well, whether the outer one wins. The words between them
 * belong to the passage where the context's nearest word is right at the outer one (a word
 * added at the passage's edge). They belong to the context where that word was edited and the
 * quote's edge word is whole at the inner one: words beside an edited context word are more
 * likely that edit ("preventing the destruction" edited to "preventing and distinct
 * destruction" starts at "destruction"). Where both words were edited, the context keeps one
 * word for each of its own (the boundary where it is in step).
 */
function outerWins(outer: Place, inner: Place): boolean {
  if (!inner.edge && outer.step !== inner.step) return outer.step;
  return outer.near;
}

/**
 * The boundary among `words` (the text's, in reading order; boundary i is before word i) best
 * placed between `outer` and `inner` (the context's and the quote's nearest words, nearest
 * first), trying those within REACH of `at`. `dir` is -1 at a start (the context is before the
 * boundary), 1 at an end. Returns `at` where it cannot do better or has nothing to go by.
 */
function place(words: readonly string[], at: number, outer: readonly string[], inner: readonly string[], dir: -1 | 1): number {
  const pattern = [...outer, ...inner];
  const known = new Map<number, boolean>();
  const same = (i: number, j: number): boolean => {
    const key = i * 4096 + j;
    let v = known.get(key);
    if (v === undefined) known.set(key, (v = keptWord(pattern[i]!, words[j]!)));
    return v;
  };
  const outerIds = outer.map((_, i) => i);
  const innerIds = inner.map((_, i) => outer.length + i);
  // The words on each side of boundary b, nearest first (at a start the context is before it).
  const side = (b: number, towards: -1 | 1): number[] => {
    const out: number[] = [];
    for (let j = towards < 0 ? b - 1 : b; j >= 0 && j < words.length && out.length < K + REACH; j += towards) out.push(j);
    return out;
  };
  let best: Place = { b: at, cost: Infinity, misplaced: Infinity, near: false, edge: false, step: false };
  let contextFound = false;
  // The boundary found first (where all is in place, nothing can do better), then the others.
  const order = [at];
  for (let k = REACH; k >= -REACH; k--) {
    const b = at + dir * k;
    if (k !== 0 && b >= 0 && b <= words.length) order.push(b);
  }
  for (const b of order) {
    const out = side(b, dir > 0 ? 1 : -1);
    const inn = side(b, dir > 0 ? -1 : 1);
    const context = align(outerIds, out, same);
    contextFound ||= context < outer.length;
    const cost = context + align(innerIds, inn, same);
    if (b === at && cost === 0) return at;
    const here: Place = {
      b,
      cost,
      misplaced:
        Number(punct(outer[0], dir > 0) !== punct(words[out[0] ?? -1], dir > 0)) + Number(punct(inner[0], dir < 0) !== punct(words[inn[0] ?? -1], dir < 0)),
      near: outer.length > 0 && out.length > 0 && same(0, out[0]!),
      edge: inner.length > 0 && inn.length > 0 && same(outer.length, inn[0]!),
      step: outerIds.reduce((n, i) => n + Number(out[i] === undefined || !same(i, out[i])), 0) === context,
    };
    if (cost < best.cost) best = here;
    else if (cost === best.cost) {
      // Of equal costs: never outward over a sentence (one inserted between the passage and its
      // context is not the passage's), then the punctuation as it was, then by the words.
      const outward = dir * (b - best.b) > 0;
      const sentence = endsSentence(words, Math.min(b, best.b), Math.max(b, best.b), dir, inner[0]);
      const wins = outward ? outerWins(here, best) : !outerWins(best, here);
      const better = sentence ? !outward : here.misplaced < best.misplaced || (here.misplaced === best.misplaced && wins);
      if (better) best = here;
    }
  }
  // No word of the context anywhere near (it was rewritten or deleted): nothing to go by.
  return contextFound ? best.b : at;
}

/**
 * The start `s` of a passage placed again among the word boundaries within REACH words of it,
 * before `e`. Only where the original started between words (white space before, a word after)
 * and the prefix does not meet `s` verbatim; else `s` as it was.
 */
export function repairStart(p: WordProbe, s: number, e: number): number {
  const { text } = p;
  if (!/\s$/.test(p.prefix) || /^\s/.test(p.exact) || (s > 0 && !/\s/.test(text[s - 1]!))) return s;
  const head = p.exact.slice(0, SPAN).split(/\s+/).filter(Boolean).slice(0, K);
  if (text.slice(Math.max(0, s - p.prefix.length), s) === p.prefix && text.startsWith(head.join(' '), s)) return s;
  const from = Math.max(0, s - SPAN);
  const near = tokens(text.slice(from, Math.min(text.length, e, s + SPAN)));
  const at = near.findIndex(([a]) => from + a === s);
  if (at < 0) return s;
  const words = near.map(([a, b]) => text.slice(from + a, from + b));
  const b = place(words, at, wordsOf(p.prefix, true).slice(-K).reverse(), head, -1);
  // Boundary near.length is the passage's end: a start there would leave nothing.
  return b === at || b >= near.length ? s : from + near[b]![0];
}

/** The end `e` placed again, after `s` (mirror of repairStart). */
export function repairEnd(p: WordProbe, s: number, e: number): number {
  const { text } = p;
  if (!/^\s/.test(p.suffix) || /\s$/.test(p.exact) || (e < text.length && !/\s/.test(text[e]!))) return e;
  const tail = p.exact.slice(-SPAN).split(/\s+/).filter(Boolean).slice(-K);
  const tailText = tail.join(' ');
  if (text.slice(e, e + p.suffix.length) === p.suffix && text.slice(e - tailText.length, e) === tailText) return e;
  const from = Math.max(0, s, e - SPAN);
  const near = tokens(text.slice(from, Math.min(text.length, e + SPAN)));
  // Boundary i is before word i: the end after word k is boundary k + 1.
  const k = near.findIndex(([, b]) => from + b === e);
  if (k < 0) return e;
  const words = near.map(([a, b]) => text.slice(from + a, from + b));
  const b = place(words, k + 1, wordsOf(p.suffix, false).slice(0, K), tail.reverse(), 1);
  return b === k + 1 || b === 0 ? e : from + near[b - 1]![1];
}
