/**
 * Placing new nodes on a map whose other nodes keep their positions: each new node goes to the
 * nearest free spot beside the nodes it is linked to (below what it supports, above what
 * supports it, as the layered layout draws them), inside its cluster's box if it has one, and
 * never over another node or another cluster. Nothing already placed moves: this is the
 * stability rule of the map (ADR 0011). Deterministic and pure.
 */
import { BoxGrid, NODE_GAP, boundsOf, centre, clusterBox, inflate, overlaps } from './geometry.ts';
import type { Box, LayoutCluster, LayoutEdge, LayoutNode, Point } from './types.ts';

/** How far from its neighbours the search for a free spot goes, in rings of steps. */
const MAX_RINGS = 60;

/**
 * Positions for the nodes of `nodes` that `known` lacks, in input order (each placed one counts
 * as known for the next). `known` positions are kept as they are.
 */
export function placeNew(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  known: ReadonlyMap<string, Point>,
  clusters: readonly LayoutCluster[] = [],
): Map<string, Point> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const p = known.get(n.id);
    if (p) boxes.set(n.id, { x: p.x, y: p.y, width: n.width, height: n.height });
  }
  const grid = new BoxGrid();
  for (const b of boxes.values()) grid.add(inflate(b, NODE_GAP / 2));

  const clusterOf = new Map<string, LayoutCluster>();
  for (const c of clusters) for (const m of c.members) clusterOf.set(m, c);
  // Other clusters' boxes are walls: a new node must not land inside a box it does not belong to.
  const walls = new Map<string, Box>();
  for (const c of clusters) {
    const members = c.members.flatMap((m) => boxes.get(m) ?? []);
    if (members.length) walls.set(c.id, clusterBox(members));
  }

  const neighbours = new Map<string, { id: string; above: boolean }[]>();
  const addNeighbour = (a: string, b: string, above: boolean) => {
    const list = neighbours.get(a);
    if (list) list.push({ id: b, above });
    else neighbours.set(a, [{ id: b, above }]);
  };
  // `from` supports/qualifies `to`: with conclusions on top, `to` is above `from`.
  for (const e of edges) {
    if (e.from === e.to || !byId.has(e.from) || !byId.has(e.to)) continue;
    addNeighbour(e.from, e.to, true);
    addNeighbour(e.to, e.from, false);
  }

  const placed = new Map<string, Point>();
  for (const node of nodes) {
    if (boxes.has(node.id)) continue;
    const cluster = clusterOf.get(node.id);
    const target = wish(node, neighbours.get(node.id) ?? [], boxes, cluster, boxes.size ? boundsOf(boxes.values()) : undefined);
    const blocked = (b: Box) =>
      grid.hits(inflate(b, NODE_GAP / 2)) || [...walls].some(([id, w]) => id !== cluster?.id && overlaps(w, b));
    const spot = freeSpot(node, target, blocked) ?? below(boxes);
    const box = { ...spot, width: node.width, height: node.height };
    boxes.set(node.id, box);
    grid.add(inflate(box, NODE_GAP / 2));
    placed.set(node.id, spot);
    if (cluster) {
      const members = cluster.members.flatMap((m) => boxes.get(m) ?? []);
      walls.set(cluster.id, clusterBox(members));
    }
  }
  return placed;
}

/**
 * Where a node dropped at `box` goes: there, unless it lands on another node (`others`); then
 * the free spot nearest the drop, a gap away from every node, so that no claim hides another.
 */
export function dropSpot(box: Box, others: Iterable<Box>): Point {
  const grid = new BoxGrid();
  let covers = false;
  for (const b of others) {
    grid.add(inflate(b, NODE_GAP / 2));
    covers ||= overlaps(b, box);
  }
  if (!covers) return { x: box.x, y: box.y };
  return freeSpot(box, box, (b) => grid.hits(inflate(b, NODE_GAP / 2))) ?? { x: box.x, y: box.y };
}

/** Where a node would best go: centred beside its placed neighbours; else under its cluster; else under everything. */
function wish(
  node: LayoutNode,
  near: readonly { id: string; above: boolean }[],
  boxes: ReadonlyMap<string, Box>,
  cluster: LayoutCluster | undefined,
  all: Box | undefined,
): Point {
  const placed = near.flatMap((n) => {
    const b = boxes.get(n.id);
    return b ? [{ b, above: n.above }] : [];
  });
  if (placed.length) {
    const cs = placed.map((p) => centre(p.b));
    const cx = cs.reduce((s, c) => s + c.x, 0) / cs.length;
    // Below the lowest of the claims it points to, or above the highest of those pointing to it.
    const up = placed.filter((p) => p.above).length >= placed.length / 2;
    const y = up
      ? Math.max(...placed.map((p) => p.b.y + p.b.height)) + NODE_GAP * 2
      : Math.min(...placed.map((p) => p.b.y)) - NODE_GAP * 2 - node.height;
    return { x: Math.round(cx - node.width / 2), y: Math.round(y) };
  }
  const members = cluster?.members.flatMap((m) => boxes.get(m) ?? []) ?? [];
  const area = members.length ? boundsOf(members) : all;
  return area ? { x: area.x, y: area.y + area.height + NODE_GAP } : { x: 0, y: 0 };
}

/** The free spot nearest `target`, searched ring by ring on a grid of steps; `undefined` if none near. */
function freeSpot(node: Pick<LayoutNode, 'width' | 'height'>, target: Point, blocked: (b: Box) => boolean): Point | undefined {
  const sx = Math.max(16, Math.round(node.width / 4));
  const sy = Math.max(16, Math.round(node.height / 2));
  for (let r = 0; r <= MAX_RINGS; r++) {
    let best: Point | undefined;
    let bestD = Infinity;
    for (const [i, j] of ring(r)) {
      const p = { x: target.x + i * sx, y: target.y + j * sy };
      const d = (i * sx) ** 2 + (j * sy) ** 2;
      if (d < bestD && !blocked({ ...p, width: node.width, height: node.height })) [best, bestD] = [p, d];
    }
    if (best) return best;
  }
  return undefined;
}

/** Grid offsets at Chebyshev distance `r`, in a fixed order (ties go to the first). */
function ring(r: number): [number, number][] {
  if (r === 0) return [[0, 0]];
  const out: [number, number][] = [];
  for (let i = -r; i <= r; i++) out.push([i, r], [i, -r]);
  for (let j = -r + 1; j <= r - 1; j++) out.push([r, j], [-r, j]);
  return out;
}

/** Last resort: below everything, at the left edge. */
function below(boxes: ReadonlyMap<string, Box>): Point {
  const b = boundsOf(boxes.values());
  return { x: b.x, y: b.y + b.height + NODE_GAP * 2 };
}
