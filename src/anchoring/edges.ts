/**
 * Where a found passage really starts and ends. An approximate match places the quote's middle
 * well but its ends poorly: an edited first or last word costs the aligner the same whether it
 * is matched, skipped or half-matched, so matches often start or end mid-word or stop short of
 * an edited edge; a sentence inserted inside the passage leaves only its larger part matched.
 * Each end is therefore placed again by aligning what should meet there, the stored context on
 * one side and the quote's first (or last) characters on the other, against the text around
 * the match, then moved out to a word boundary where the original had one.
 */
import { endDistance, endDistances, reverse, startDistance, WORD } from './distance.ts';
import { editDistance, gapErrors } from './gap.ts';
import { EDGE } from './types.ts';

/** What is known about the passage's ends. */
export interface EdgeProbe {
  text: string;
  exact: string;
  /** Context patterns: at most WORD characters, with EDGE where the text ended. */
  prefix: string;
  suffix: string;
}

// Context windows are a little longer than the context, for edits inside it.
const SLACK = 8;
// How far an end may move when the match is nearly whole: an edited edge word or two.
const NEAR_EDGE = 32;
// How far an end may move past an inserted sentence (longer insertions are rare in revisions).
const MAX_GAP = 600;
// Share of the context that disagrees at the near place when an insertion sits there.
const LOST = 1 / 3;
// A far end must have its context nearly verbatim (this share of it may differ): most text
// around an insertion is unrelated to the passage and would otherwise match by chance.
const FAR_CONTEXT = 1 / 8;
// A sentence end or a line break: [.!?], closing quotes or brackets, then white space or the end.
const SENTENCE = /\n|[.!?…]["'”’)\]]*(\s|$)/;
// Words longer than this are not snapped to (a URL or a run of digits, not an edited word).
const MAX_SNAP = 40;

/** Letters and digits: a boundary between two of them is inside a word. */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  // ASCII without the regular expression: this runs for every place an end is tried.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Whether text[from, to) holds a letter or digit. */
function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordChar(text[i])) return true;
  return false;
}

/** Disagreement at each place of a window, in two parts: the stored context against the text
 * on its side of the place, the quote's first or last characters against the text on the other. */
interface Costs {
  context: Int32Array;
  quote: Int32Array;
}

/** Costs of the passage starting at each x in [lo, hi]: the prefix against the text ending at
 * x, the quote's first characters against the text starting at x. */
function startCosts(p: EdgeProbe, lo: number, hi: number): Costs {
  const from = lo - p.prefix.length - SLACK;
  const edge = from <= 0 ? EDGE : '';
  const before = edge + p.text.slice(Math.max(0, from), hi);
  const pre = endDistances(p.prefix, before);
  const shift = edge.length - Math.max(0, from);
  const head = p.exact.slice(0, WORD);
  const after = p.text.slice(lo, hi + head.length + SLACK);
  // Matching the head from x onwards is matching it reversed, ending at x, in reversed text.
  const rev = endDistances(reverse(head), reverse(after));
  const context = new Int32Array(hi - lo + 1);
  const quote = new Int32Array(hi - lo + 1);
  for (let x = lo; x <= hi; x++) {
    context[x - lo] = pre[x + shift]!;
    quote[x - lo] = rev[after.length - (x - lo)]!;
  }
  return { context, quote };
}

/** Costs of the passage ending at each y in [lo, hi] (mirror of startCosts). */
function endCosts(p: EdgeProbe, lo: number, hi: number): Costs {
  const tail = p.exact.slice(-WORD);
  const from = Math.max(0, lo - tail.length - SLACK);
  const before = p.text.slice(from, hi);
  const pre = endDistances(tail, before);
  const to = hi + p.suffix.length + SLACK;
  const after = p.text.slice(lo, to) + (to >= p.text.length ? EDGE : '');
  const rev = endDistances(reverse(p.suffix), reverse(after));
  const context = new Int32Array(hi - lo + 1);
  const quote = new Int32Array(hi - lo + 1);
  for (let y = lo; y <= hi; y++) {
    quote[y - lo] = pre[y - from]!;
    context[y - lo] = rev[after.length - (y - lo)]!;
  }
  return { context, quote };
}

/**
 * The best place in [lo, lo + costs length): in the near range [nearLo, nearHi] unless the
 * context is lost there and found nearly verbatim outside it, beside the quote's first (last)
 * word: the far side of a sentence inserted inside the passage. `atWord`: the original end was
 * at a word boundary. Near ties go outward (`outward` is -1 for starts, 1 for ends): a word
 * that could belong to the passage or to its context is covered, so that a highlight covers the
 * whole edited passage; a sentence or a line is not (text inserted between sentences is not the
 * passage's). Of several far places, the one whose span (to `other`, the passage's other end)
 * holds the quote best; ties go to the nearest.
 */
function best(p: EdgeProbe, costs: Costs, atWord: boolean, lo: number, nearLo: number, nearHi: number, outward: -1 | 1, other: number): Placed {
  const { context, quote } = costs;
  const contextLength = outward < 0 ? p.prefix.length : p.suffix.length;
  // Where the original end was between words, a place inside a word costs a little more: of two
  // equally good places, one at a word boundary is taken (the other would be snapped out).
  const total = (x: number): number =>
    context[x - lo]! + quote[x - lo]! + (atWord && isWordChar(p.text[x - 1]) && isWordChar(p.text[x]) ? 1 : 0);
  const farContext = Math.floor(contextLength * FAR_CONTEXT);
  // The far side of an insertion inside the passage holds some of the passage: at least its
  // first (last) word. Text inserted right at the passage's edge is not the passage's.
  const word = (outward < 0 ? /^\s*\S+/.exec(p.exact)?.[0] : /\S+\s*$/.exec(p.exact)?.[0])?.slice(0, WORD) ?? '';
  const slack = word.length >> 2;
  const hasWord = (x: number): boolean =>
    outward < 0
      ? startDistance(word, p.text.slice(x, x + word.length + slack)) <= slack
      : endDistance(word, p.text.slice(Math.max(0, x - word.length - slack), x)) <= slack;
  let near = -1;
  let nearCost = Infinity;
  // Places past an insertion: runs of positions where the context is nearly verbatim, each with
  // its best position (ties to the nearest).
  const places: Array<{ x: number; cost: number }> = [];
  const nearness = (x: number): number => Math.abs(x - nearLo);
  for (let x = lo; x < lo + context.length; x++) {
    if (x >= nearLo && x <= nearHi) {
      const c = total(x);
      if (c < nearCost || (c === nearCost && outward * (x - near) > 0)) [near, nearCost] = [x, c];
    } else if (context[x - lo]! <= farContext && hasWord(x)) {
      const c = total(x);
      const last = places.at(-1);
      if (!last || x - last.x > contextLength) places.push({ x, cost: c });
      else if (c < last.cost || (c === last.cost && nearness(x) < nearness(last.x))) [last.x, last.cost] = [x, c];
    }
  }
  // Text repeated around the passage (a sentence, a title) gives several such places: each is
  // judged by the whole span it makes, the quote against it with the insertion free, so that the
  // passage neither stops at a copy of its context inside the insertion nor reaches past its own
  // context to an earlier copy of its first words. Ties go to the nearest (the least inserted).
  const spanErrors = (x: number): number => {
    const [a, b] = outward < 0 ? [x, other] : [other, x];
    return b - a > p.exact.length ? gapErrors(p.exact, p.text, a, b, true) : editDistance(p.exact, p.text.slice(a, b));
  };
  let far = -1;
  let farCost = Infinity;
  for (const place of places) {
    const c = places.length > 1 ? context[place.x - lo]! + spanErrors(place.x) : place.cost;
    if (c < farCost || (c === farCost && nearness(place.x) < nearness(far))) [far, farCost] = [place.x, c];
  }
  const edgeLength = Math.min(WORD, p.exact.length);
  // The quote's edge nearly verbatim both near and far: the far place is a copy of the passage
  // (a repeated title, a repeated sentence), not its other side; the near edge is this passage's.
  const verbatim = (y: number): boolean => quote[y - lo]! <= edgeLength / 8;
  const copy = far >= 0 && near >= 0 && verbatim(near) && verbatim(far);
  // Text between the place where the quote's edge is whole and the near place is the
  // passage's only as a word added to its edge word: a sentence or a line there was inserted
  // between the passage and its context. Whole includes its edge word: a short last word lost
  // is within the errors allowed (".out”). This" against ".out”)."), and a passage whose last
  // word comes after an inserted fragment ends after it.
  if (near >= 0) {
    let inner = -1;
    for (let x = near - outward; x >= nearLo && x <= nearHi; x -= outward) {
      if (quote[x - lo]! <= edgeLength / 8 && (inner < 0 || quote[x - lo]! < quote[inner - lo]!) && hasWord(x)) inner = x;
    }
    if (inner >= 0 && quote[near - lo]! > quote[inner - lo]! && SENTENCE.test(outward < 0 ? p.text.slice(near, inner) : p.text.slice(inner, near))) near = inner;
  }
  // An insertion leaves text unrelated to the context at the near place: where the context is
  // found there, more or less (an edge word edited), the far place is only a lookalike.
  const lost = near < 0 || context[near - lo]! > LOST * contextLength;
  // Nor is the far place the passage's other side where the match already holds this edge of
  // the quote exactly and the far place does not: it is an edited copy further on.
  const whole = near >= 0 && far >= 0 && quote[near - lo] === 0 && quote[far - lo]! > 0;
  const x = far >= 0 && !copy && !whole && lost ? far : near;
  return { at: x, doubt: (context[x - lo]! + quote[x - lo]!) / (contextLength + edgeLength) };
}

/** An end placed, with the share of its context and edge characters that disagree there. */
interface Placed {
  at: number;
  doubt: number;
}

/** A match with its ends placed again (see refineEdges). */
export interface Refined {
  start: number;
  end: number;
  /** Worst share, over the two ends, of context and quote-edge characters that disagree at the
   * chosen end (0 where the context meets the end verbatim). Near one half, the end is a guess:
   * neither the context nor the quote's edge is there (anchor.ts orphans above 0.4). */
  doubt: number;
}

/**
 * Place again the ends of a match [start, end): each end whose stored context does not meet it
 * verbatim is moved to where context and quote agree best, within a word or two, or past a
 * sentence inserted inside the passage where the context is found nearly verbatim there; then
 * out to a word boundary where the original started or ended at one.
 */
export function refineEdges(p: EdgeProbe, start: number, end: number): Refined {
  const { text } = p;
  const q = p.exact;
  const startsAtWord = !(isWordChar(p.prefix[p.prefix.length - 1]) && isWordChar(q[0]));
  const endsAtWord = !(isWordChar(q[q.length - 1]) && isWordChar(p.suffix[0]));
  let s = start;
  let e = end;
  let doubt = 0;
  const before = (start === 0 ? EDGE : '') + text.slice(Math.max(0, start - p.prefix.length), start);
  if (!before.endsWith(p.prefix)) {
    const lo = Math.max(0, start - NEAR_EDGE - MAX_GAP);
    const nearHi = Math.min(end - 1, start + NEAR_EDGE);
    const placed = best(p, startCosts(p, lo, nearHi), startsAtWord, lo, Math.max(0, start - NEAR_EDGE), nearHi, -1, end);
    s = placed.at;
    doubt = placed.doubt;
  }
  const after = text.slice(end, end + p.suffix.length) + (end + p.suffix.length >= text.length ? EDGE : '');
  if (!after.startsWith(p.suffix)) {
    const nearLo = Math.max(s + 1, end - NEAR_EDGE);
    const hi = Math.min(text.length, end + NEAR_EDGE + MAX_GAP);
    const placed = best(p, endCosts(p, nearLo, hi), endsAtWord, nearLo, nearLo, Math.min(text.length, end + NEAR_EDGE), 1, s);
    e = placed.at;
    doubt = Math.max(doubt, placed.doubt);
  }
  // Out to word boundaries, where the original had them: a highlight never cuts a word the
  // quote held whole.
  if (startsAtWord) {
    let x = s;
    while (x > 0 && s - x <= MAX_SNAP && isWordChar(text[x - 1]) && isWordChar(text[x])) x--;
    if (s - x <= MAX_SNAP) s = x;
  }
  if (endsAtWord) {
    let y = e;
    while (y < text.length && y - e <= MAX_SNAP && isWordChar(text[y - 1]) && isWordChar(text[y])) y++;
    if (y - e <= MAX_SNAP) e = y;
  }
  // Nor does it start or end with white space the quote did not have.
  if (!/\s/.test(q[0] ?? '')) while (s < e - 1 && /\s/.test(text[s]!)) s++;
  if (!/\s/.test(q[q.length - 1] ?? '')) while (e > s + 1 && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e, doubt } : { start, end, doubt };
}

/**
 * [s, e) moved to white space where the original started (ended) at white space: not after the
 * punctuation that closes the word before ("fire|. the" starts at "the"), nor between the next
 * word and the punctuation that opens it ("and |“politics" ends at "and"); a word's own opening
 * punctuation is taken in ("|“Nazarbayev”"). For the place chosen (refineEdges' other callers
 * measure spans, which this would change by a character or two).
 */
export function snapToSpace(p: EdgeProbe, s: number, e: number): { start: number; end: number } {
  const { text } = p;
  // Beyond the text counts as white space.
  const space = (i: number): boolean => i < 0 || i >= text.length || /\s/.test(text[i]!);
  // The original started (ended) between white space (or the text's edge) and a word.
  const startedAtSpace = (p.prefix.endsWith(EDGE) || /\s$/.test(p.prefix)) && /^\S/.test(p.exact);
  const endedAtSpace = (p.suffix.startsWith(EDGE) || /^\s/.test(p.suffix)) && /\S$/.test(p.exact);
  if (startedAtSpace && !space(s - 1)) {
    let a = s;
    while (s - a <= MAX_SNAP && !space(a - 1)) a--;
    let b = s;
    while (b - s <= MAX_SNAP && !space(b)) b++;
    if (space(a - 1) && !hasWordChar(text, a, s)) s = a;
    else if (space(b) && !hasWordChar(text, s, b)) {
      while (b < e && space(b)) b++;
      if (b < e) s = b;
    }
  }
  if (endedAtSpace && !space(e)) {
    let a = e;
    while (a > s && e - a <= MAX_SNAP && !space(a - 1)) a--;
    if (a > s && space(a - 1) && !hasWordChar(text, a, e)) {
      e = a;
      while (e > s + 1 && space(e - 1)) e--;
    }
  }
  return { start: s, end: e };
}
