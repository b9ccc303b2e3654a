/**
 * How big a node is drawn, estimated from its statement: the view wraps a statement in a fixed
 * width and clips it at a few lines, so the size follows the length. The view may measure
 * instead; the layout only needs a width and height per node. Pure.
 */
import type { MapNode } from '../model.ts';

/** Width of a node, and of a line of its statement in characters (about 7 px each at 14 px). */
export const NODE_WIDTH = 220;
const CHARS_PER_LINE = 28;
const LINE_HEIGHT = 18;
/** Lines of a statement shown; the rest is cut with an ellipsis. */
export const MAX_LINES = 4;
/** Room for the source markers and the badge, and padding. */
const CHROME = 34;

/** The size of `node` as drawn. */
export function nodeSize(node: Pick<MapNode, 'label'>): { width: number; height: number } {
  const lines = Math.min(MAX_LINES, Math.max(1, Math.ceil(node.label.length / CHARS_PER_LINE)));
  return { width: NODE_WIDTH, height: CHROME + lines * LINE_HEIGHT };
}
