/** The layout's input from the map's model. Pure. */
import { clusterMap, type ClusterBy } from '../clusters.ts';
import type { ArgumentMap, MapNode } from '../model.ts';
import { nodeSize } from './sizes.ts';
import type { LayoutInput, Point } from './types.ts';

/** Options of {@link layoutInput}. */
export interface LayoutInputOptions {
  /** Clusters to draw as boxes (default none). */
  clusterBy?: ClusterBy;
  /** Positions to keep (stored ones, the last layout's); ids not on the map are ignored. */
  known?: ReadonlyMap<string, Point>;
  /** Size of a node as drawn (default: estimated from its statement, `nodeSize`). */
  size?: (node: MapNode) => { width: number; height: number };
  /** Lay everything out anew ("tidy up"). */
  fresh?: boolean;
}

/** What to hand the layout for `map` (nodes and edges in map order). */
export function layoutInput(map: ArgumentMap, options: LayoutInputOptions = {}): LayoutInput {
  const size = options.size ?? nodeSize;
  const known: Record<string, Point> = {};
  for (const id of map.nodes.keys()) {
    const p = options.known?.get(id);
    if (p) known[id] = { x: p.x, y: p.y };
  }
  const clusters = clusterMap(map, options.clusterBy ?? 'none').map((c) => ({ id: c.id, members: [...c.members] }));
  return {
    nodes: [...map.nodes.values()].map((n) => ({ id: n.id, ...size(n) })),
    edges: [...map.edges.values()].map((e) => ({ id: e.id, from: e.from, to: e.to })),
    known,
    ...(options.fresh ? { fresh: true } : {}),
    ...(clusters.length ? { clusters } : {}),
  };
}
