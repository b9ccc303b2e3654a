/**
 * One ELK layered run over a graph: the input in ELK's JSON, the positions out. Options chosen
 * for stability and for argument maps: conclusions on top (`UP`: a supporting claim sits below
 * what it supports), model order kept where it costs no crossings, a fixed random seed, so the
 * same input gives the same positions every time. ELK cannot keep given positions (its
 * "interactive" strategies keep only orders: eclipse-elk/elk#1037, kieler/elkjs#59), so it only
 * lays out what has no position yet (`layout.ts`). Pure but for the ELK instance handed in.
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { CLUSTER_HEADER, CLUSTER_PADDING, NODE_GAP } from './geometry.ts';
import type { LayoutCluster, LayoutEdge, LayoutNode, Point } from './types.ts';

/** What `layout.ts` needs of ELK (`new ELK()` from `elkjs/lib/elk.bundled.js`). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Options of every run. Edges are drawn by the view between node borders, so ELK routes them simply. */
export const ELK_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.randomSeed': '1',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(NODE_GAP * 2),
  'elk.spacing.componentComponent': String(NODE_GAP * 2),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Above this many nodes, speed over polish (`LARGE_MAP_OPTIONS`). */
export const LARGE_MAP = 60;

/**
 * For large maps. Measured on generated maps (two links per claim; bench/map.ts): keeping model
 * order and the default thoroughness cost 5–10× the time at 300–500 claims; with these, 500
 * claims take about a fifth. Chosen by size alone, so the same input still gives the same layout.
 */
export const LARGE_MAP_OPTIONS: LayoutOptions = {
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
};

/**
 * A cluster's own options: the map's spacing (ELK reads spacing from each node's parent, so a
 * cluster's members would otherwise stand at ELK's default 20 apart, leaving no room for the
 * edges between them), and the padding of its box, the same as `clusterBox` draws it
 * (`geometry.ts`).
 */
const CLUSTER_OPTIONS: LayoutOptions = {
  'elk.spacing.nodeNode': ELK_OPTIONS['elk.spacing.nodeNode']!,
  'elk.layered.spacing.nodeNodeBetweenLayers': ELK_OPTIONS['elk.layered.spacing.nodeNodeBetweenLayers']!,
  'elk.padding': `[top=${CLUSTER_PADDING + CLUSTER_HEADER},left=${CLUSTER_PADDING},bottom=${CLUSTER_PADDING},right=${CLUSTER_PADDING}]`,
};

/**
 * Lays out `nodes` with the `edges` among them (edges to other nodes are left out), clusters as
 * compound nodes. Resolves with the top-left corner of every node, absolute, the first at ≥ 0.
 */
export async function elkPositions(
  elk: ElkLike,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  clusters: readonly LayoutCluster[] = [],
  extra: LayoutOptions = {},
): Promise<Map<string, Point>> {
  const ids = new Set(nodes.map((n) => n.id));
  const parentOf = new Map<string, ElkNode>();
  const groups: ElkNode[] = [];
  for (const c of clusters) {
    const members = c.members.filter((m) => ids.has(m));
    if (!members.length) continue;
    const group: ElkNode = { id: `cluster ${c.id}`, layoutOptions: CLUSTER_OPTIONS, children: [] };
    groups.push(group);
    for (const m of members) parentOf.set(m, group);
  }
  const top: ElkNode[] = [];
  for (const n of nodes) {
    const child: ElkNode = { id: n.id, width: n.width, height: n.height };
    const group = parentOf.get(n.id);
    if (group) group.children!.push(child);
    else top.push(child);
  }
  // Clusters first, in cluster order, then loose nodes in map order: the model order ELK keeps.
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to)
    .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] }));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      ...ELK_OPTIONS,
      ...(nodes.length > LARGE_MAP ? LARGE_MAP_OPTIONS : {}),
      ...(groups.length ? { 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' } : {}),
      ...extra,
    },
    children: [...groups, ...top],
    edges: elkEdges,
  };
  const out = await elk.layout(root);
  const positions = new Map<string, Point>();
  const walk = (node: ElkNode, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      if (child.children?.length) walk(child, x, y);
      else if (ids.has(child.id)) positions.set(child.id, { x: Math.round(x), y: Math.round(y) });
    }
  };
  walk(out, 0, 0);
  return positions;
}
