/**
 * Selector and anchor types. Selectors follow the W3C Web Annotation model, as Hypothesis does
 * (`src/annotator/anchoring/types.ts`): a quote with context plus a position, resolved with
 * fallbacks; offsets are UTF-16 code units into the document's plain text.
 */

/** The annotated text with up to CONTEXT_LENGTH characters of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Text just before `exact`: CONTEXT_LENGTH characters, or more (as many as `suffix`) where
   * that was not unique; shorter only when the quote sat near the start of the text (empty at
   * the very start). */
  prefix: string;
  /** Text just after `exact`, as long as `prefix` but for the end of the text. */
  suffix: string;
}

/** Offsets of the annotated text: [start, end). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Any selector `anchor` understands. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** How an anchor was found: stored position verified by the quote, exact quote, edited quote. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/**
 * Result of anchoring. `score` (0..1) is the similarity of quote plus context at the chosen
 * place; for an orphan, that of the best place that was rejected (0 when there was none).
 */
export type Anchor =
  | { status: 'anchored'; start: number; end: number; method: AnchorMethod; score: number }
  | { status: 'orphan'; score: number; reason: string };

/** Options of `anchor`. */
export interface AnchorOptions {
  /**
   * Length of the text the selectors were made on. When given and different from the current
   * length, the stored position is scaled before it is used as a hint.
   */
  originalLength?: number;
  /** Where the passage is expected in the current text, where the caller knows better than the
   * stored position (anchor-all.ts: from the passages around it); overrides the position's
   * scaled start as the expected place. */
  hint?: number;
  /** Minimum combined score to anchor (default MIN_SCORE); lower means more guesses. */
  minScore?: number;
  /** Minimum similarity of the quote alone (default MIN_QUOTE_SCORE): below it, the passage
   * counts as destroyed even where its context survives. */
  minQuoteScore?: number;
}

/** Characters of context `describe` stores on each side of a quote. It was 32 before: texts
 * repeat sentences with the same few words around them, and the next 32 characters tell such a
 * copy from the passage. `anchor` reads both (the nearest 32 as context patterns, the rest as
 * outer context, checked at places away from the expected one). */
export const CONTEXT_LENGTH = 64;
/** Where prefix, quote and suffix occur more than once in the text, `describe` grows both
 * sides by this much at a time, up to MAX_CONTEXT_LENGTH, until they are unique. */
export const CONTEXT_STEP = 32;
export const MAX_CONTEXT_LENGTH = 256;
/** Context `describe` stores, at least, where the quote with its nearest 32 characters a side
 * occurs more than once in the text. */
export const REPEATED_CONTEXT_LENGTH = 128;

/** Stands for the start or end of the text in context patterns; never occurs in documents. */
export const EDGE = '\u0000';
