/**
 * Where things go on the map's SVG, in map units: a node's box from its statement (labels are
 * wrapped by characters, so the same statement has the same box in the view, the export and
 * the layout), an edge's ends on the boxes' borders, and the nearest node in an arrow key's
 * direction. Pure.
 */
import type { Box } from '../../map/index.ts';

export type { Box };

/** Width of every node box. */
export const NODE_WIDTH = 200;
/** Characters per label line (12px sans in a 200-unit box). */
export const LINE_CHARS = 28;
/** Most label lines; longer statements end in "…" (the full text is in the accessible name). */
export const MAX_LINES = 5;
/** Height of one label line. */
export const LINE_HEIGHT = 15;
/** Space above the label (source markers and badges) and below it. */
export const HEAD = 26;
const FOOT = 10;

/** A statement broken into lines of at most `chars` characters, at spaces where it can be. */
export function wrapLabel(text: string, chars = LINE_CHARS, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    for (let w = word; w; ) {
      const joined = line ? `${line} ${w}` : w;
      if (joined.length <= chars) {
        line = joined;
        w = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        // One word longer than a line: cut it.
        lines.push(w.slice(0, chars));
        w = w.slice(chars);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, chars - 1)}…`;
  return kept;
}

/** Width and height of the box of a statement. */
export function nodeSize(statement: string): { width: number; height: number } {
  return { width: NODE_WIDTH, height: HEAD + wrapLabel(statement).length * LINE_HEIGHT + FOOT };
}

/** Where the segment from the centre of `box` towards (tx, ty) leaves the box. */
export function borderPoint(box: Box, tx: number, ty: number): { x: number; y: number } {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const s = Math.min(dx ? box.width / 2 / Math.abs(dx) : Infinity, dy ? box.height / 2 / Math.abs(dy) : Infinity);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** An edge between two boxes: from border to border along the line joining their centres. */
export function edgeEnds(a: Box, b: Box): { x1: number; y1: number; x2: number; y2: number } {
  const p = borderPoint(a, b.x + b.width / 2, b.y + b.height / 2);
  const q = borderPoint(b, a.x + a.width / 2, a.y + a.height / 2);
  return { x1: p.x, y1: p.y, x2: q.x, y2: q.y };
}

/** An arrow key's direction. */
export type Direction = 'left' | 'right' | 'up' | 'down';

const AXIS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The node to move to from `from` with an arrow key: among the nodes whose centre lies in the
 * key's quarter (45° either side of it), a linked neighbour if there is one, else any node; the
 * closest by distance along the key plus twice the distance across it, so a node straight
 * ahead wins over a nearer one off to the side. `undefined` when nothing lies that way.
 */
export function nearestInDirection(
  boxes: ReadonlyMap<string, Box>, from: string, direction: Direction, neighbours: ReadonlySet<string> = new Set(),
): string | undefined {
  const a = boxes.get(from);
  if (!a) return undefined;
  const [ux, uy] = AXIS[direction];
  const ax = a.x + a.width / 2;
  const ay = a.y + a.height / 2;
  let best: { id: string; score: number; linked: boolean } | undefined;
  for (const [id, b] of boxes) {
    if (id === from) continue;
    const dx = b.x + b.width / 2 - ax;
    const dy = b.y + b.height / 2 - ay;
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    const linked = neighbours.has(id);
    if (!best || (linked && !best.linked) || (linked === best.linked && score < best.score)) best = { id, score, linked };
  }
  return best?.id;
}
