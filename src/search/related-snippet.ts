/**
 * What a related passage shows of itself: the sentence of the paragraph that shares most words
 * with the quote (stemmed, stop words left out: terms.ts), so the reader sees why it was found.
 * Pure.
 */
import { clip } from '../corpus/clip.ts';
import { contentWords, stem } from './terms.ts';

/** Sentences of a text: split after . ! ? (and closing quotes or brackets) before a capital, digit or opening mark. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?…]["”’)\]]*)\s+(?=["“‘([]?[\p{Lu}\d])/u).filter((s) => s.trim());
}

/**
 * The paragraph itself when it fits in `max` characters; otherwise its sentence sharing most
 * words with `quote` (the first of equals), cut at a word before `max` with an ellipsis.
 */
export function relatedSnippet(paragraph: string, quote: string, max = 240): string {
  const text = paragraph.trim().replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const wanted = new Set(contentWords(quote).map(stem));
  let best = '';
  let bestScore = -1;
  for (const s of sentences(text)) {
    const score = new Set(contentWords(s).map(stem).filter((w) => wanted.has(w))).size;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return clip(best, max);
}
