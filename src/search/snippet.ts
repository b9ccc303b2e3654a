/**
 * Snippets with the matches marked, as text plus character ranges (never HTML: the view
 * renders user text inert). A word matches when its normalised form (`terms.ts`) is one of
 * the index terms a result matched, so "Tokayev’s" is marked for "tokaev" (fuzzy) and
 * "middle-power-ness" for "middle power". Pure.
 */
import { spanOfParagraph } from '../corpus/paragraphs.ts';
import type { DocModel } from '../corpus/types.ts';
import { contentWords, normalise } from './terms.ts';

/** A piece of text and the [start, end) ranges in it to mark. */
export interface Marked {
  text: string;
  marks: Array<[start: number, end: number]>;
  /** True when text was cut before the start or after the end (the view adds "…"). */
  cutStart?: boolean;
  cutEnd?: boolean;
}

// A word as the tokenizer sees it: letters, digits and the marks on them; everything else splits.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

// Plain ASCII words (most of them) need only lower case; others the full normalisation.
const formsOf = (word: string): string[] => (/^[a-zA-Z0-9]+$/.test(word) ? [word.toLowerCase()] : normalise(word).split(' '));

/** Ranges of the words of `text` whose normalised form is in `terms`, each with that form. */
function matches(text: string, terms: ReadonlySet<string>): Array<{ at: [number, number]; term: string }> {
  const found: Array<{ at: [number, number]; term: string }> = [];
  if (terms.size === 0) return found;
  for (const m of text.matchAll(WORD)) {
    // One raw word may normalise to several (a ligature, a letter-digit mix): any may match.
    const term = formsOf(m[0]).find((f) => terms.has(f));
    if (term !== undefined) found.push({ at: [m.index, m.index + m[0].length], term });
  }
  return found;
}

/** Ranges of the words of `text` whose normalised form is in `terms`. */
export function markTerms(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  return matches(text, terms).map((m) => m.at);
}

/** The whole of a short text with its matches marked (titles: statements, tags, names). */
export function marked(text: string, terms: ReadonlySet<string>): Marked {
  return { text, marks: markTerms(text, terms) };
}

/**
 * A window of about `size` characters of `text` around its densest cluster of matches, cut at
 * word boundaries, with the marks moved into the window. A text with no match gives its start.
 */
export function snippet(text: string, terms: ReadonlySet<string>, size = 180): Marked {
  const found = matches(text, terms);
  const marks = found.map((m) => m.at);
  if (text.length <= size) return { text, marks };
  // The window that starts a little before a match and holds the most distinct matched words wins.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < marks.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < marks.length && marks[j]![1] - marks[i]![0] <= size * 0.7; j++) seen.add(found[j]!.term);
    if (seen.size > bestScore) {
      bestScore = seen.size;
      best = i;
    }
  }
  let start = marks.length ? Math.max(0, marks[best]![0] - Math.round(size * 0.3)) : 0;
  let end = Math.min(text.length, start + size);
  if (end === text.length) start = Math.max(0, end - size);
  // Whole words only: move inward to the nearest space.
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    if (sp >= 0 && sp < (marks[best]?.[0] ?? end)) start = sp + 1;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    if (sp > start && sp >= (marks[best]?.[1] ?? start)) end = sp;
  }
  return {
    text: text.slice(start, end),
    marks: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start]),
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}

/**
 * Where the words of `mark` (a search's matched words, space-separated) occur in ¶`n` of `doc`,
 * as [start, end) offsets into its text: every word of the paragraph whose normalised form
 * (the search's one tokenizer, `terms.ts`; stop words never) is one of them.
 */
export function paragraphMarks(doc: DocModel, n: number, mark: string): Array<[number, number]> {
  const terms = new Set(contentWords(mark));
  if (terms.size === 0) return [];
  // All of ¶n's text: a table is one ¶ of many cells, and a hit may be in any of them.
  const span = spanOfParagraph(doc.blocks, n);
  if (!span) return [];
  return markTerms(doc.text.slice(span.start, span.end), terms).map(([s, e]) => [span.start + s, span.start + e]);
}
