/**
 * How a source is marked on the map: a colour (Okabe–Ito, told apart by most colour-blind
 * readers) in the library's order, and a letter (the first of its short citation) so the
 * marker never rests on colour alone. The library decides the order, not this code: the same
 * source has the same colour in the map, its legend and its export.
 */
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { citeOf } from '../../corpus/citation.ts';

const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a5c00', '#555555'];

/** A source's marker. */
export interface SourceLook {
  id: string;
  /** Short citation, e.g. "Anisin 2026". */
  cite: string;
  /** Marker colour. */
  colour: string;
  /** Letter drawn in the marker. */
  letter: string;
}

/** The look of source `id` among the library's `entries` (a source not listed gets the last slot). */
export function sourceLook(entries: readonly Pick<LibraryEntry, 'id' | 'cite'>[], id: string): SourceLook {
  const i = entries.findIndex((e) => e.id === id);
  const cite = citeOf(entries, id);
  return { id, cite, colour: PALETTE[i < 0 ? PALETTE.length - 1 : i % PALETTE.length]!, letter: (cite.match(/\p{L}/u)?.[0] ?? '?').toUpperCase() };
}
