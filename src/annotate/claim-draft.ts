/**
 * The first draft of a claim made from a passage: its first sentence, short enough to read as
 * one line. The reader is expected to rewrite it (the panel selects it, so typing replaces it);
 * the draft only saves retyping when the passage already says the claim. Pure.
 */

/** Longest prefilled statement, in characters, ellipsis included. */
export const STATEMENT_DRAFT_LENGTH = 200;

/** Marks that read badly right before an ellipsis. */
const DANGLING = /[\s,;:\u2013\u2014-]+$/;

/**
 * A claim's statement drafted from a quote: the quote's first sentence on one line; when that
 * is longer than `max`, cut after the last whole word that fits, with an ellipsis. A single
 * word longer than `max` is cut where it must be.
 */
export function claimFromQuote(quote: string, max = STATEMENT_DRAFT_LENGTH): string {
  const first = quote.trim().split(/(?<=[.!?])\s/)[0]?.replace(/\s+/g, ' ') ?? '';
  if (first.length <= max) return first;
  const head = first.slice(0, max - 1);
  // The cut falls between words when the first character left out is a space.
  const atWord = first.charAt(max - 1) === ' ' ? head : head.slice(0, Math.max(0, head.lastIndexOf(' ')));
  const words = atWord.replace(DANGLING, '');
  return `${words || head}…`;
}
