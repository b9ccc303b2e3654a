/**
 * Where things go on the map's SVG, in map units: a node's box from its statement (labels are
 * wrapped by characters, so the same statement has the same box in the view, the export and
 * the layout), an edge's way from border to border around the nodes between, and the nearest
 * node in an arrow key's direction. Pure.
 */
import { BoxGrid, centre, inflate, overlaps, type Box, type Point } from '../../map/index.ts';

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

/** How far an edge keeps from a node it goes around. */
const CLEARANCE = 10;

/**
 * An edge from box `a` to box `b` as a polyline, border to border: the straight line between
 * their centres, bent around any of `boxes` it would cross (the layout leaves room beside a
 * node for an edge spanning its layer, but the line between centres need not use it). Each
 * crossed box is passed on the shorter side, by its two corners on that side; at most four boxes
 * are gone around, so a map dense enough to need more keeps some crossings.
 */
export function edgeRoute(a: Box, b: Box, boxes: Iterable<Box>): Point[] {
  return route(a, b, obstacles(boxes));
}

/** Every edge's route among `boxes` (an edge whose ends are not both drawn has none); the same
 * edges and boxes (the same objects) give the routes already made. */
export function edgeRoutes(edges: Iterable<{ id: string; from: string; to: string }>, boxes: ReadonlyMap<string, Box>): ReadonlyMap<string, Point[]> {
  const last = routed.get(boxes);
  if (last?.edges === edges) return last.routes;
  const grid = obstacles(boxes.values());
  const routes = new Map<string, Point[]>();
  for (const e of edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (a && b) routes.set(e.id, route(a, b, grid));
  }
  routed.set(boxes, { edges, routes });
  return routes;
}

/**
 * The routes while node `moved` is dragged (`boxes` has it where it is now): its own edges are
 * routed again, every other edge keeps its route among the boxes as they were (`before`), so a
 * frame costs the dragged node's edges, not the map's; the drop routes everything.
 */
export function dragRoutes(edges: Iterable<{ id: string; from: string; to: string }>, before: ReadonlyMap<string, Box>, boxes: ReadonlyMap<string, Box>, moved: string): ReadonlyMap<string, Point[]> {
  const routes = new Map(edgeRoutes(edges, before));
  const grid = obstacles(boxes.values());
  for (const e of edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (a && b && (e.from === moved || e.to === moved)) routes.set(e.id, route(a, b, grid));
  }
  return routes;
}

// The last routes per map of boxes: hovering and focus redraw the map without moving a box.
const routed = new WeakMap<ReadonlyMap<string, Box>, { edges: unknown; routes: ReadonlyMap<string, Point[]> }>();

/** The boxes grown by the clearance, on a grid: a segment meets only those in the cells it crosses. */
function obstacles(boxes: Iterable<Box>): BoxGrid {
  const grid = new BoxGrid();
  for (const box of boxes) grid.add(inflate(box, CLEARANCE));
  return grid;
}

function route(a: Box, b: Box, grid: BoxGrid): Point[] {
  const points = [centre(a), centre(b)];
  // The ends' own boxes (and any within the clearance of them) are not in the way.
  const inWay = (box: Box) => !overlaps(box, a) && !overlaps(box, b);
  for (let bends = 0; bends < 4; bends++) {
    const hit = firstCrossing(points, grid, inWay);
    if (!hit) break;
    points.splice(hit.at + 1, 0, ...around(points[hit.at]!, points[hit.at + 1]!, hit.box));
  }
  points[0] = borderPoint(a, points[1]!.x, points[1]!.y);
  points[points.length - 1] = borderPoint(b, points[points.length - 2]!.x, points[points.length - 2]!.y);
  return points;
}

const length = (p: Point, q: Point) => Math.hypot(q.x - p.x, q.y - p.y);

/** The first segment of `points` that crosses a box in the way, and the box it meets first. */
function firstCrossing(points: readonly Point[], grid: BoxGrid, inWay: (box: Box) => boolean): { at: number; box: Box } | undefined {
  for (let at = 0; at < points.length - 1; at++) {
    let best: { t: number; box: Box } | undefined;
    for (const box of grid.along(points[at]!, points[at + 1]!)) {
      if (!inWay(box)) continue;
      const t = entry(points[at]!, points[at + 1]!, box);
      if (t !== undefined && (!best || t < best.t)) best = { t, box };
    }
    if (best) return { at, box: best.box };
  }
  return undefined;
}

/** Where (0–1) segment p→q enters the inside of `box`, if it does (Liang–Barsky; touching the border is not entering). */
function entry(p: Point, q: Point, box: Box): number | undefined {
  const x = clip(q.x - p.x, box.x - p.x, box.x + box.width - p.x, 0, 1);
  if (!x) return undefined;
  const y = clip(q.y - p.y, box.y - p.y, box.y + box.height - p.y, x[0], x[1]);
  return y && y[1] - y[0] > 1e-9 ? y[0] : undefined;
}

/** [t0, t1] narrowed to where p + t·d lies strictly between lo and hi (relative to p), or null. */
function clip(d: number, lo: number, hi: number, t0: number, t1: number): [number, number] | null {
  if (d === 0) return lo < 0 && hi > 0 ? [t0, t1] : null;
  const a = (d > 0 ? lo : hi) / d;
  const b = (d > 0 ? hi : lo) / d;
  const from = Math.max(t0, a);
  const to = Math.min(t1, b);
  return to > from ? [from, to] : null;
}

/** Two corners of `box` to pass it by, going from p to q: on its shorter side across the way. */
function around(p: Point, q: Point, box: Box): [Point, Point] {
  const [left, right, top, bottom] = [box.x, box.x + box.width, box.y, box.y + box.height];
  const options: Array<[Point, Point]> = Math.abs(q.y - p.y) >= Math.abs(q.x - p.x)
    ? [left, right].map((x) => (q.y < p.y ? [{ x, y: bottom }, { x, y: top }] : [{ x, y: top }, { x, y: bottom }]) as [Point, Point])
    : [top, bottom].map((y) => (q.x < p.x ? [{ x: right, y }, { x: left, y }] : [{ x: left, y }, { x: right, y }]) as [Point, Point]);
  const cost = ([c, d]: [Point, Point]) => length(p, c) + length(c, d) + length(d, q);
  return cost(options[0]!) <= cost(options[1]!) ? options[0]! : options[1]!;
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

/** The node whose centre is nearest `box`'s among `ids` (those with a box), if any: where focus goes when its node is deleted. */
export function nearestTo(box: Box, boxes: ReadonlyMap<string, Box>, ids: Iterable<string>): string | undefined {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  let best: { id: string; d: number } | undefined;
  for (const id of ids) {
    const b = boxes.get(id);
    if (!b) continue;
    const d = Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy);
    if (!best || d < best.d) best = { id, d };
  }
  return best?.id;
}
