/**
 * What changed between two maps, after the store's diffs (`{added, updated, removed}`), so a
 * view redraws only the nodes and edges a change touched. Pure.
 */
import type { ArgumentMap, MapEdge, MapNode } from './model.ts';

/** Changes of one kind of item: added and updated as they are now, removed by id. */
export interface ItemsDiff<T> {
  readonly added: readonly T[];
  readonly updated: readonly T[];
  readonly removed: readonly string[];
}

/** What changed between two maps. */
export interface MapDiff {
  readonly nodes: ItemsDiff<MapNode>;
  readonly edges: ItemsDiff<MapEdge>;
}

/**
 * The changes from `prev` to `next`. An item is updated when it is another object with the same
 * id (maps from `updateMap` keep unchanged items as the same objects; compare with
 * `nodesEqual` for maps built apart).
 */
export function diffMap(prev: ArgumentMap, next: ArgumentMap): MapDiff {
  return { nodes: diffItems(prev.nodes, next.nodes), edges: diffItems(prev.edges, next.edges) };
}

/** True when nothing changed. */
export function isEmptyMapDiff(d: MapDiff): boolean {
  return [d.nodes, d.edges].every((x) => !x.added.length && !x.updated.length && !x.removed.length);
}

function diffItems<T>(prev: ReadonlyMap<string, T>, next: ReadonlyMap<string, T>): ItemsDiff<T> {
  const added: T[] = [];
  const updated: T[] = [];
  for (const [id, item] of next) {
    const old = prev.get(id);
    if (old === undefined) added.push(item);
    else if (old !== item) updated.push(item);
  }
  const removed = [...prev.keys()].filter((id) => !next.has(id));
  return { added, updated, removed };
}
