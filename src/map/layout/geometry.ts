/** Boxes and a grid of them, for finding free room on the map. Pure. */
import type { Box, Point } from './types.ts';

/** Gap kept between nodes, and between a cluster's box and its members. */
export const NODE_GAP = 24;
export const CLUSTER_PADDING = 24;
/** Room at the top of a cluster's box for its name. */
export const CLUSTER_HEADER = 28;

/** True when two boxes overlap (touching is not overlapping). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** `box` grown by `d` on every side. */
export function inflate(box: Box, d: number): Box {
  return { x: box.x - d, y: box.y - d, width: box.width + 2 * d, height: box.height + 2 * d };
}

/** The box around `boxes` (0×0 at the origin when there are none). */
export function boundsOf(boxes: Iterable<Box>): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A cluster's box around its members' boxes: padding on every side, room for the name on top. */
export function clusterBox(members: Iterable<Box>): Box {
  const b = boundsOf(members);
  return { x: b.x - CLUSTER_PADDING, y: b.y - CLUSTER_PADDING - CLUSTER_HEADER, width: b.width + 2 * CLUSTER_PADDING, height: b.height + 2 * CLUSTER_PADDING + CLUSTER_HEADER };
}

/** Centre of a box. */
export const centre = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * Boxes bucketed on a grid, so asking "is this spot free?" costs the few boxes near it rather
 * than every box on a map of a thousand claims.
 */
export class BoxGrid {
  readonly #cell: number;
  readonly #cells = new Map<string, Box[]>();

  constructor(cell = 256) {
    this.#cell = cell;
  }

  add(box: Box): void {
    for (const key of this.#keys(box)) {
      const list = this.#cells.get(key);
      if (list) list.push(box);
      else this.#cells.set(key, [box]);
    }
  }

  /** True when `box` overlaps a box in the grid. */
  hits(box: Box): boolean {
    for (const key of this.#keys(box)) {
      if (this.#cells.get(key)?.some((b) => overlaps(b, box))) return true;
    }
    return false;
  }

  /** The boxes in the cells segment p→q passes through, each once: those it may cross. */
  along(p: Point, q: Point): Set<Box> {
    const c = this.#cell;
    const found = new Set<Box>();
    // Sampled at an eighth of a cell: a segment only grazing a cell's corner may skip it.
    const steps = Math.max(1, Math.ceil(Math.hypot(q.x - p.x, q.y - p.y) / (c / 8)));
    let last = '';
    for (let s = 0; s <= steps; s++) {
      const key = `${Math.floor((p.x + ((q.x - p.x) * s) / steps) / c)},${Math.floor((p.y + ((q.y - p.y) * s) / steps) / c)}`;
      if (key === last) continue;
      last = key;
      for (const b of this.#cells.get(key) ?? []) found.add(b);
    }
    return found;
  }

  #keys(box: Box): string[] {
    const c = this.#cell;
    const keys: string[] = [];
    for (let i = Math.floor(box.x / c); i <= Math.floor((box.x + box.width) / c); i++) {
      for (let j = Math.floor(box.y / c); j <= Math.floor((box.y + box.height) / c); j++) keys.push(`${i},${j}`);
    }
    return keys;
  }
}
