/**
 * Clusters of the map: claims grouped by the source that makes them or by the event they are
 * about, drawn as boxes around their claims. Every claim is in exactly one cluster (a layout
 * box has one parent), so a claim made in several sources, or about several events, goes to a
 * cluster of its own kind ("several sources") rather than being drawn twice or put arbitrarily
 * in one: a claim that several sources make is a finding, not a detail of one source. Pure.
 */
import type { ArgumentMap, MapNode } from './model.ts';

/** How to cluster: not at all, by the source that makes a claim, or by the event it is about. */
export type ClusterBy = 'none' | 'source' | 'event';

/** What a cluster gathers. */
export type ClusterKind =
  /** Claims made in one source (`key` = the source id). */
  | 'source'
  /** Claims about one event (`key` = the event id). */
  | 'event'
  /** Claims made in several sources, or about several events. */
  | 'several'
  /** Claims made in no source (only argued against, or no passage left), or about no event. */
  | 'none';

/** One cluster and its claims, in map order. */
export interface MapCluster {
  /** `source:<id>`, `event:<id>`, `several` or `none`: unique on a map. */
  readonly id: string;
  readonly kind: ClusterKind;
  /** The source or event id; empty for `several` and `none`. */
  readonly key: string;
  /** Claim ids, in map order. */
  readonly members: readonly string[];
}

/** The id of the cluster a claim belongs to, or `undefined` when not clustering. */
export function clusterOf(node: MapNode, by: ClusterBy): string | undefined {
  if (by === 'none') return undefined;
  const keys = by === 'source' ? node.home : node.events;
  if (keys.length === 0) return 'none';
  if (keys.length > 1) return 'several';
  return `${by}:${keys[0]}`;
}

/**
 * The clusters of a map: single-source (or single-event) clusters in order of their first claim,
 * then `several`, then `none`. Empty when not clustering.
 */
export function clusterMap(map: ArgumentMap, by: ClusterBy): MapCluster[] {
  if (by === 'none') return [];
  const members = new Map<string, string[]>();
  for (const node of map.nodes.values()) {
    const id = clusterOf(node, by)!;
    const list = members.get(id);
    if (list) list.push(node.id);
    else members.set(id, [node.id]);
  }
  const rank = (id: string) => (id === 'several' ? 1 : id === 'none' ? 2 : 0);
  return [...members]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([id, list]) => {
      const kind: ClusterKind = id === 'several' || id === 'none' ? id : by;
      return { id, kind, key: kind === by ? id.slice(by.length + 1) : '', members: list };
    });
}
