/**
 * Anchoring: selectors <-> offsets in a document's plain text. Pure string functions, no DOM;
 * see anchor.ts for the strategy.
 */
export type {
  Anchor,
  AnchorMethod,
  AnchorOptions,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from './types.ts';
export { CONTEXT_LENGTH } from './types.ts';
export { describe } from './describe.ts';
export { anchor, MIN_QUOTE_SCORE, MIN_SCORE } from './anchor.ts';
export { anchorAll } from './anchor-all.ts';
