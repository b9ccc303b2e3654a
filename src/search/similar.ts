/**
 * Whether two short statements say the same thing in nearly the same words: the overlap
 * (Jaccard) of their stemmed content words, through the one tokenizer (`terms.ts`), so
 * "The police units collapsed and armouries were looted" and "Police units collapsed; the
 * armoury was looted" meet while "Security forces stood down" and "Security forces
 * collapsed" do not. Lexical, not
 * semantic: a paraphrase in other words is not caught, and that is said where it is used. Pure.
 */
import { contentWords, stem } from './terms.ts';

/** The stemmed content words of a statement, as a set. */
export function statementTerms(text: string): ReadonlySet<string> {
  return new Set(contentWords(text).map(stem));
}

/** |a ∩ b| / |a ∪ b|; 0 when both are empty (two statements of stop words say nothing alike). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How alike statements must be to count as near-identical: one content word more or less in
 * five is tolerated (4 of 5 = 0.8), one word changed in five is not (4 of 6 = 0.67).
 */
export const NEAR_IDENTICAL = 0.8;
