/**
 * Selector types the store persists inside `Annotation.target.selector`.
 * `src/anchoring/` owns them; this re-export keeps store modules importing
 * one local name. The valibot schemas in `schemas.ts` are typed against these,
 * so a change of shape in anchoring fails `tsc` here instead of corrupting data.
 */
export type { TextPositionSelector, TextQuoteSelector } from '../anchoring/index.ts';
