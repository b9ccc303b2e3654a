/** The layout's input and output: plain data, posted to and from the layout worker. */

/** A point; for a node, its top-left corner, in map units (CSS pixels at zoom 1). */
export interface Point {
  x: number;
  y: number;
}

/** A rectangle: top-left corner and size. */
export interface Box extends Point {
  width: number;
  height: number;
}

/** A node to lay out: its claim id and the size the view draws it at. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

/** An edge to lay out (a link), from claim id to claim id. */
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
}

/** A cluster drawn as a box around its members (`clusters.ts`). */
export interface LayoutCluster {
  id: string;
  members: string[];
}

/** What to lay out. */
export interface LayoutInput {
  /** Nodes in map order (the order is an input: same order, same layout). */
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /**
   * Positions to keep, by node id: the stored ones and those of the last layout. Nodes listed here
   * never move; only the others are placed. Ids not among `nodes` are ignored. Leave empty (or
   * set `fresh`) to lay out everything anew.
   */
  known?: Record<string, Point>;
  /** Lay out from scratch, ignoring `known` ("tidy up"). */
  fresh?: boolean;
  /** Clusters drawn as compound boxes; every node in at most one. Absent: no clusters. */
  clusters?: LayoutCluster[];
}

/** Where everything goes. */
export interface LayoutResult {
  /** Top-left corner of every input node, by id. */
  positions: Record<string, Point>;
  /** Ids of the nodes placed by this layout (not taken from `known`), in input order: the ones to store. */
  placed: string[];
  /** The box of each cluster around its members, by cluster id. */
  clusters: Record<string, Box>;
  /** The box around everything (0×0 at the origin for an empty map). */
  bounds: Box;
}
