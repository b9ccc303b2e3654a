/**
 * One colour per layer (ADR 0013), by the palette slot the store gave it. Okabe–Ito hues,
 * which stay apart for the common colour-vision deficiencies; slot 0, the reader's own layer,
 * is the app's accent (rust), so the first layers get the hues furthest from it. Views also name the layer in text: colour is never the only cue.
 */
const PALETTE = ['var(--cr-accent)', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#8a7a00', '#D55E00'];

/** Distinct colours for layers other than the reader's own (slots past them repeat them). */
export const OTHER_COLOURS = PALETTE.length - 1;

/** Which of the palette's colours slot `slot` gets: 0 for the reader's own, else 1…{@link OTHER_COLOURS}. */
export const paletteIndex = (slot: number): number => (slot <= 0 ? 0 : 1 + ((slot - 1) % OTHER_COLOURS));

/** CSS colour of palette slot `slot`; slots past the palette repeat it. */
export function layerColour(slot: number): string {
  return PALETTE[paletteIndex(slot)]!;
}
