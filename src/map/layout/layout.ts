/**
 * The map's layout: ELK for a map laid out the first time (or tidied up on request), and for the
 * rest the stability rule (ADR 0011): a node with a known position keeps it, whatever was added,
 * removed or edited; only nodes without one are placed, beside their neighbours (`place.ts`), or,
 * when many arrive at once (an import), laid out together by ELK as a block below the map. Same
 * input, same output. Runs in the layout worker in the browser, directly in Node tests.
 */
import { elkPositions, type ElkLike } from './elk-graph.ts';
import { NODE_GAP, boundsOf, clusterBox } from './geometry.ts';
import { placeNew } from './place.ts';
import type { Box, LayoutInput, LayoutResult, Point } from './types.ts';

/** Above this many new nodes (and this share of the map) they are laid out by ELK as a block. */
const BLOCK_MIN = 20;
const BLOCK_SHARE = 0.25;

/** Lays out `input`; see {@link LayoutInput} for what is kept and what is placed. */
export async function layoutMap(elk: ElkLike, input: LayoutInput): Promise<LayoutResult> {
  const { nodes, edges, clusters = [] } = input;
  const known = new Map<string, Point>();
  if (!input.fresh) {
    for (const n of nodes) {
      const p = input.known?.[n.id];
      if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) known.set(n.id, { x: p.x, y: p.y });
    }
  }
  const fresh = nodes.filter((n) => !known.has(n.id));
  let placed: Map<string, Point>;
  if (!fresh.length) placed = new Map();
  else if (!known.size) placed = await elkPositions(elk, nodes, edges, clusters);
  else if (!clusters.length && fresh.length > BLOCK_MIN && fresh.length > nodes.length * BLOCK_SHARE) {
    placed = await block(elk, input, fresh, known);
  } else placed = placeNew(nodes, edges, known, clusters);

  const positions: Record<string, Point> = {};
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const p = known.get(n.id) ?? placed.get(n.id)!;
    positions[n.id] = p;
    boxes.set(n.id, { ...p, width: n.width, height: n.height });
  }
  const clusterBoxes: Record<string, Box> = {};
  for (const c of clusters) {
    const members = c.members.flatMap((m) => boxes.get(m) ?? []);
    if (members.length) clusterBoxes[c.id] = clusterBox(members);
  }
  return {
    positions,
    placed: nodes.filter((n) => placed.has(n.id)).map((n) => n.id),
    clusters: clusterBoxes,
    bounds: boundsOf([...boxes.values(), ...Object.values(clusterBoxes)]),
  };
}

/** Many new nodes: ELK lays them out among themselves, and the block goes below the map as it is. */
async function block(elk: ElkLike, input: LayoutInput, fresh: LayoutInput['nodes'], known: ReadonlyMap<string, Point>): Promise<Map<string, Point>> {
  const laid = await elkPositions(elk, fresh, input.edges);
  const sizes = new Map(input.nodes.map((n) => [n.id, n]));
  const old = boundsOf([...known].map(([id, p]) => ({ ...p, width: sizes.get(id)!.width, height: sizes.get(id)!.height })));
  const dy = old.y + old.height + NODE_GAP * 3;
  return new Map([...laid].map(([id, p]) => [id, { x: old.x + p.x, y: dy + p.y }]));
}
