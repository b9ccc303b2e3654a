/**
 * Where a quote might be: exact occurrences, approximate matches in a window, and approximate
 * matches around places that share distinctive pieces of the quote or its context ("seeds").
 * Seeding keeps the fuzzy search cheap on long texts: the costly bit-parallel search only runs
 * over small windows, never over the whole text.
 */
import approxSearch from 'approx-string-match';

/** A place for the quote, with its edit distance to the stored quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** At most this many occurrences of a quote are considered (a phrase repeated more than this
 * is disambiguated by the fuzzy stage's context seeds anyway). */
const MAX_OCCURRENCES = 256;

/** Every exact occurrence of `exact` starting in `text[from, to)`, up to MAX_OCCURRENCES. */
export function exactMatches(text: string, exact: string, from = 0, to = text.length): Candidate[] {
  const lo = Math.max(0, from);
  // A bounded slice keeps a search near the expected place from scanning the rest of the text.
  const within = lo === 0 && to >= text.length ? text : text.slice(lo, Math.min(text.length, to + exact.length));
  const found: Candidate[] = [];
  for (let i = within.indexOf(exact); i !== -1; i = within.indexOf(exact, i + 1)) {
    found.push({ start: lo + i, end: lo + i + exact.length, errors: 0 });
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

/** Errors allowed when searching for a quote of `length` characters: beyond half, the quote
 * counts as destroyed. */
export function maxErrorsFor(length: number): number {
  return Math.floor(length / 2);
}

/** Best approximate matches of `quote` in `text[from, to)` (all share the lowest error count). */
export function windowMatches(text: string, quote: string, from: number, to: number): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo <= 0) return [];
  return approxSearch(text.slice(lo, hi), quote, maxErrorsFor(quote.length)).map((m) => ({
    start: m.start + lo,
    end: m.end + lo,
    errors: m.errors,
  }));
}

/** Length of the seed keys: word-start substrings of this length are indexed. */
const SEED = 10;
/** A seed occurring more often than this says nothing about where the quote is. */
const MAX_SEED_OCCURRENCES = 12;
/** At most this many clusters of seed hits are verified by a windowed search. */
const MAX_CLUSTERS = 4;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

// The index of the last text seen: anchoring a document's annotations asks for the same text
// hundreds of times, and building the index costs about as much as a few scans of the text.
// Comparing the text with the cached one is cheap (same string, or different lengths, usually).
let cached: { text: string; seeds: Map<string, number[]> } | undefined;

/** Start offsets of every word-start substring of length SEED in `text`. */
function seedIndex(text: string): Map<string, number[]> {
  if (cached?.text === text) return cached.seeds;
  const seeds = new Map<string, number[]>();
  for (let i = 0; i + SEED <= text.length; i++) {
    if (i > 0 && !isSpace(text.charCodeAt(i - 1))) continue;
    const key = text.slice(i, i + SEED);
    const list = seeds.get(key);
    if (list) list.push(i);
    else seeds.set(key, [i]);
  }
  cached = { text, seeds };
  return seeds;
}

/**
 * Approximate matches of `exact` near places where word-start pieces of `prefix + exact +
 * suffix` occur verbatim. Each hit implies a start for the quote; hits that agree are clustered
 * and the best-voted clusters verified by `windowMatches`. Context pieces find short quotes
 * whose own words were edited.
 */
export function seededMatches(text: string, exact: string, prefix: string, suffix: string): Candidate[] {
  const seeds = seedIndex(text);
  const ext = prefix + exact + suffix;
  const base = prefix.length;
  const implied: number[] = [];
  for (let at = 1; at + SEED <= ext.length; at++) {
    if (!isSpace(ext.charCodeAt(at - 1))) continue;
    const hits = seeds.get(ext.slice(at, at + SEED));
    if (!hits || hits.length > MAX_SEED_OCCURRENCES) continue;
    for (const h of hits) implied.push(h - (at - base));
  }
  if (implied.length === 0) return [];
  implied.sort((a, b) => a - b);
  // Hits from one place disagree by the edits between them; allow a quarter of the quote.
  const spread = Math.max(16, exact.length >> 2);
  const clusters: Array<{ at: number; votes: number }> = [];
  let first = 0;
  for (let i = 1; i <= implied.length; i++) {
    if (i === implied.length || implied[i]! - implied[i - 1]! > spread) {
      clusters.push({ at: implied[(first + i - 1) >> 1]!, votes: i - first });
      first = i;
    }
  }
  clusters.sort((a, b) => b.votes - a.votes);
  const top = clusters.filter((c) => c.votes * 4 >= clusters[0]!.votes).slice(0, MAX_CLUSTERS);
  // The cluster's median places the quote's start up to the edits between its seeds off: a
  // window a little wider than the quote holds it. A wider one (half the quote a side) anchored
  // fewer passages on the bench, and none more correctly.
  const slack = (exact.length >> 3) + 16;
  const found: Candidate[] = [];
  for (const c of top) found.push(...windowMatches(text, exact, c.at - slack, c.at + exact.length + slack));
  return found;
}
