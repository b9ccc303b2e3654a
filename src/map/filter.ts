/**
 * Which part of the map is shown: by source, tag, event, author and relation. An edge is shown
 * only when both its claims are. Pure.
 */
import { LINK_RELATIONS, type LinkRelation } from '../store/index.ts';
import type { ArgumentMap, MapNode } from './model.ts';

/**
 * What to show. A field left out shows everything; a set shows the claims that have at least one
 * of its members (a claim evidenced in doc-a or doc-b; tagged x or y), or the links of those
 * relations. An empty set shows nothing of that kind.
 */
export interface MapFilter {
  /** Source ids: claims with a passage in one of them (any stance). */
  readonly sources?: ReadonlySet<string>;
  readonly tags?: ReadonlySet<string>;
  /** Event ids. */
  readonly events?: ReadonlySet<string>;
  /** Creator names. */
  readonly authors?: ReadonlySet<string>;
  readonly relations?: ReadonlySet<LinkRelation>;
}

/** True when the filter hides nothing. */
export function isOpenFilter(filter: MapFilter): boolean {
  return !filter.sources && !filter.tags && !filter.events && !filter.authors && !filter.relations;
}

/** True when a claim passes the filter. */
export function nodeShown(node: MapNode, filter: MapFilter): boolean {
  const any = (set: ReadonlySet<string> | undefined, values: readonly string[]) => !set || values.some((v) => set.has(v));
  return any(filter.sources, node.sources) && any(filter.tags, node.tags) && any(filter.events, node.events) && any(filter.authors, [node.creator]);
}

/** The part of the map the filter shows, in the same order, with the same node and edge objects. */
export function filterMap(map: ArgumentMap, filter: MapFilter): ArgumentMap {
  if (isOpenFilter(filter)) return map;
  const nodes = new Map([...map.nodes].filter(([, n]) => nodeShown(n, filter)));
  const edges = new Map(
    [...map.edges].filter(([, e]) => nodes.has(e.from) && nodes.has(e.to) && (!filter.relations || filter.relations.has(e.relation))),
  );
  return { nodes, edges };
}

/** The map without the claims `keep` refuses (those of a hidden layer, ADR 0013) and their links; `map` itself when it keeps all. */
export function keepClaims(map: ArgumentMap, keep: (claimId: string) => boolean): ArgumentMap {
  const nodes = new Map([...map.nodes].filter(([id]) => keep(id)));
  if (nodes.size === map.nodes.size) return map;
  return { nodes, edges: new Map([...map.edges].filter(([, e]) => nodes.has(e.from) && nodes.has(e.to))) };
}

/** The values a filter can choose from on this map, each list sorted (relations in menu order). */
export interface FilterChoices {
  readonly sources: readonly string[];
  readonly tags: readonly string[];
  readonly events: readonly string[];
  readonly authors: readonly string[];
  readonly relations: readonly LinkRelation[];
}

/** Every source, tag, event, author and relation present on the map. */
export function filterChoices(map: ArgumentMap): FilterChoices {
  const sources = new Set<string>();
  const tags = new Set<string>();
  const events = new Set<string>();
  const authors = new Set<string>();
  for (const n of map.nodes.values()) {
    n.sources.forEach((s) => sources.add(s));
    n.tags.forEach((t) => tags.add(t));
    n.events.forEach((e) => events.add(e));
    authors.add(n.creator);
  }
  const present = new Set([...map.edges.values()].map((e) => e.relation));
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { sources: sorted(sources), tags: sorted(tags), events: sorted(events), authors: sorted(authors), relations: LINK_RELATIONS.filter((r) => present.has(r)) };
}
