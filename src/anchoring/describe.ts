import {
  CONTEXT_LENGTH,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types.ts';

/**
 * Describe `text.slice(start, end)` by a quote selector (with CONTEXT_LENGTH characters of
 * prefix and suffix, fewer at the ends of the text) and a position selector.
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
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
