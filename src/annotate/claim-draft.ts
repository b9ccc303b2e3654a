/**
 * The first draft of a claim made from a passage: its first sentence, short enough to read as
 * one line. The reader is expected to rewrite it (the panel selects it, so typing replaces it);
 * the draft only saves retyping when the passage already says the claim. Pure.
 */
import { clip } from '../corpus/clip.ts';

/** Longest prefilled statement, in characters, ellipsis included. */
export const STATEMENT_DRAFT_LENGTH = 200;

/**
 * A claim's statement drafted from a quote: the quote's first sentence on one line; when that
 * is longer than `max`, cut as every view cuts a text (`clip`: after the last whole word that
 * fits, with an ellipsis).
 */
export function claimFromQuote(quote: string, max = STATEMENT_DRAFT_LENGTH): string {
  return clip(quote.trim().split(/(?<=[.!?])\s/)[0]?.replace(/\s+/g, ' ') ?? '', max);
}
