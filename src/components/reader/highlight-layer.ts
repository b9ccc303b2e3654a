import { css, unsafeCSS } from 'lit';
import { Highlighter } from '../../reader/highlighter.ts';
import type { TextMap } from '../../reader/text-map.ts';
import { annotationsAt, colourOf, COLOURS, type ColourBy, type Placed } from '../../annotate/anchored.ts';
import { noteOf, tagsOf, type Annotation } from '../../store/index.ts';
import { layerColour, OTHER_COLOURS, paletteIndex } from '../shared/layer-colours.ts';

// Passages of other layers (ADR 0013) are underlined in their layer's colour, over the fill.
// The palette is constant (no user data), so its rules are written out once.
const layerRules = Array.from({ length: OTHER_COLOURS }, (_, i) =>
  `::highlight(cr-l${i + 1}) { text-decoration: underline 3px ${layerColour(i + 1)}; text-underline-offset: 4px; text-decoration-skip-ink: none; }`).join('\n');

/** `::highlight()` rules must live in the shadow root that holds the text. Colours keep text
 * readable in both schemes; overlaps compose, so stacked highlights read darker. */
export const highlightStyles = css`
  ::highlight(cr-h0) { background-color: rgb(250 204 21 / 0.38); }
  ::highlight(cr-h1) { background-color: rgb(96 165 250 / 0.32); }
  ::highlight(cr-h2) { background-color: rgb(74 222 128 / 0.32); }
  ::highlight(cr-h3) { background-color: rgb(244 114 182 / 0.30); }
  ::highlight(cr-h4) { background-color: rgb(192 132 252 / 0.32); }
  ::highlight(cr-h5) { background-color: rgb(251 146 60 / 0.34); }
  ${unsafeCSS(layerRules)}
  ::highlight(cr-active) { text-decoration: underline 2px var(--cr-accent); text-underline-offset: 3px; }
`;

/** Palette slot of an annotation's layer when it is not the reader's own; 0 for theirs. */
export type LayerSlotOf = (a: Annotation) => number;

/** Name of the highlight that marks passages of palette slot `slot` (`''` for the reader's own). */
export const layerHighlight = (slot: number): string => (slot > 0 ? `cr-l${paletteIndex(slot)}` : '');

/** One highlight per colour, one per other layer's colour (underlines), and the selected
 * annotation drawn on top of them. */
export function paintHighlights(highlighter: Highlighter, map: TextMap, placed: readonly Placed[], activeId: string, colourBy: ColourBy, slotOf: LayerSlotOf = () => 0): void {
  const layers = new Map<string, Range[]>();
  const layer = (name: string) => {
    let ranges = layers.get(name);
    if (!ranges) layers.set(name, (ranges = []));
    return ranges;
  };
  for (let i = 0; i < COLOURS; i++) layer(`cr-h${i}`);
  for (let i = 1; i <= OTHER_COLOURS; i++) layer(`cr-l${i}`);
  layer('cr-active');
  for (const p of placed) {
    const r = map.offsetsToRange(p.start, p.end);
    if (!r) continue;
    layer(`cr-h${colourOf(p.annotation, colourBy)}`).push(r);
    const other = layerHighlight(slotOf(p.annotation));
    if (other) layer(other).push(r.cloneRange());
    if (p.annotation.id === activeId) layer('cr-active').push(r.cloneRange());
  }
  highlighter.paint(layers);
}

/**
 * The annotations under a point of the screen, innermost first. Highlights take no pointer
 * events, so the caret position at the point is mapped to a text offset and looked up.
 */
export function annotationsAtPoint(root: ShadowRoot, map: TextMap | undefined, placed: readonly Placed[], x: number, y: number): Placed[] {
  if (!map || !placed.length) return [];
  const pos = document.caretPositionFromPoint?.(x, y, { shadowRoots: [root] });
  if (!pos || !root.contains(pos.offsetNode)) return [];
  const r = document.createRange();
  r.setStart(pos.offsetNode, pos.offset);
  const at = map.rangeToOffsets(r)?.start;
  return at === undefined ? [] : annotationsAt(placed, at);
}

/** What hovering a highlight previews: its note, else its tags, else how to open it; led by
 * whose map it is (`from`) when not the reader's own. */
export function previewOf(hit: Placed | undefined, from = ''): string {
  if (!hit) return '';
  const what = (noteOf(hit.annotation) ?? tagsOf(hit.annotation).join(', ')) || 'Highlight: click to open';
  return from ? `From ${from}: ${what}` : what;
}
