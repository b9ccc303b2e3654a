import approxSearch from 'approx-string-match';
import {
  CONTEXT_LENGTH,
  CONTEXT_STEP,
  MAX_CONTEXT_LENGTH,
  REPEATED_CONTEXT_LENGTH,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types.ts';
import { WORD } from './distance.ts';

// Share of characters in which a copy of the quote with its nearest context may differ and still
// be a copy: an abstract repeating a sentence of the body with a word changed. Edits can make
// either one the better match, so such a passage needs the wider context as much as one
// repeated verbatim.
const NEAR_COPY = 1 / 8;

// Longest stretch checked for near-copies: the search grows with its length (about 10 ms at this
// length on the 76 KB text, per annotation made), and a passage this long repeated nearly is rare.
const MAX_NEAR_COPY = 1024;

/** Whether `text[from, to)` occurs, nearly verbatim (NEAR_COPY), elsewhere in `text`. */
function nearlyRepeated(text: string, from: number, to: number): boolean {
  if (to - from > MAX_NEAR_COPY) return false;
  const s = text.slice(from, to);
  const k = Math.floor(s.length * NEAR_COPY);
  // approx-string-match returns the best matches only: search either side of the quote's place.
  return approxSearch(text.slice(0, from), s, k).length > 0 || approxSearch(text.slice(to), s, k).length > 0;
}

/** Whether `s` occurs in `text` other than at `at`. */
function occursElsewhere(text: string, s: string, at: number): boolean {
  const first = text.indexOf(s);
  return first !== at || text.indexOf(s, first + 1) >= 0;
}

/**
 * Describe `text.slice(start, end)` by a quote selector and a position selector. The quote has
 * CONTEXT_LENGTH characters of prefix and suffix (fewer at the ends of the text), more when
 * prefix, quote and suffix occur elsewhere in the text too (a repeated sentence with the same
 * words around it): both grow by CONTEXT_STEP until the combination is unique, up to
 * MAX_CONTEXT_LENGTH. W3C's TextQuoteSelector allows any length of context.
 * @throws RangeError when the range is not inside the text.
 */
export function describe(
  text: string,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`invalid range [${start}, ${end}) for text of length ${text.length}`);
  }
  let length = CONTEXT_LENGTH;
  let from = Math.max(0, start - length);
  // The quote with its nearest WORD characters a side repeated elsewhere: only the rest of the
  // context tells the copies apart (anchor.ts), so it should say more than a few words.
  const innerFrom = Math.max(0, start - WORD);
  const innerTo = Math.min(text.length, end + WORD);
  const repeated = occursElsewhere(text, text.slice(innerFrom, innerTo), innerFrom) || nearlyRepeated(text, innerFrom, innerTo);
  while (
    length < MAX_CONTEXT_LENGTH &&
    (from > 0 || end + length < text.length) &&
    ((repeated && length < REPEATED_CONTEXT_LENGTH) || occursElsewhere(text, text.slice(from, end + length), from))
  ) {
    length += CONTEXT_STEP;
    from = Math.max(0, start - length);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(from, start),
      suffix: text.slice(end, end + length),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
