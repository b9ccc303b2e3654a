/**
 * The argument map's model: one node per claim, one edge per link, built from the store's
 * queries (`graph.ts`) and kept as plain frozen data, so a view draws it, a layout lays it out
 * and an export writes it without reading the store again. Pure.
 */
import type { Claim, EvidenceItem, Link, LinkRelation, StoreDiff } from '../store/index.ts';
import { evidenceSources, homeSources, type GraphData } from './graph.ts';
import { diffMap, type MapDiff } from './map-diff.ts';
import { isSymmetric } from './words.ts';

/** What the map reads from the store (`CrossreadStore` has it all). */
export interface MapData extends GraphData {
  readonly claims: ReadonlyMap<string, Claim>;
  readonly links: ReadonlyMap<string, Link>;
}

/** A claim on the map. */
export interface MapNode {
  /** The claim's id. */
  readonly id: string;
  /** The claim's statement. */
  readonly label: string;
  /** Sources with a passage that evidences the claim (any stance), in order of first evidence: one marker each. */
  readonly sources: readonly string[];
  /** Sources that make the claim (a passage asserts or mentions it; `homeSources`), in the same order. */
  readonly home: readonly string[];
  /** How many passages are evidence of it (the badge). */
  readonly passages: number;
  /** True when a passage argues against the claim. */
  readonly contested: boolean;
  readonly tags: readonly string[];
  /** Ids of events the claim is about. */
  readonly events: readonly string[];
  /** Name of who made the claim. */
  readonly creator: string;
}

/** A link on the map. */
export interface MapEdge {
  /** The link's id. */
  readonly id: string;
  readonly relation: LinkRelation;
  /** Claim ids as stored; for a symmetric relation the order means nothing. */
  readonly from: string;
  readonly to: string;
  /** True for a relation without direction (`contradicts`): no arrowhead. */
  readonly symmetric: boolean;
  /**
   * True for a contradiction between claims made in different sources (both ends made in some
   * source, none in the same one): the disagreement between sources the map must show first.
   */
  readonly crossSource: boolean;
}

/** The whole map. Maps in a stable order (claims and links oldest first, then by id). */
export interface ArgumentMap {
  readonly nodes: ReadonlyMap<string, MapNode>;
  readonly edges: ReadonlyMap<string, MapEdge>;
}

/** The map of every claim and every link whose two claims exist. */
export function buildMap(data: MapData): ArgumentMap {
  const nodes = new Map<string, MapNode>();
  for (const claim of oldestFirst(data.claims.values())) nodes.set(claim.id, mapNode(data, claim));
  return { nodes, edges: edgesOf(data, nodes) };
}

/** Every link whose two claims are on the map, oldest first; edges equal to one in `keep` are that one. */
function edgesOf(data: MapData, nodes: ReadonlyMap<string, MapNode>, keep?: ReadonlyMap<string, MapEdge>): Map<string, MapEdge> {
  const edges = new Map<string, MapEdge>();
  for (const link of oldestFirst(data.links.values())) {
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    if (!from || !to) continue;
    const edge = mapEdge(link, from, to);
    const kept = keep?.get(link.id);
    edges.set(link.id, kept ? sameEdge(kept, edge) : edge);
  }
  return edges;
}

/** The map after a store change, and what changed on it (see {@link updateMap}). */
export interface MapUpdate {
  readonly map: ArgumentMap;
  readonly changes: MapDiff;
}

/**
 * The map after the store changed by `diff`: only the nodes and edges the diff touches are
 * rebuilt (a passage's change reaches the claims citing it, a claim's change its links), the
 * rest are the same objects as in `prev`. Equal to `buildMap(data)` (the tests' oracle).
 * Without a diff (a view that (re)attaches), the map is built afresh and compared.
 */
export function updateMap(prev: ArgumentMap, data: MapData, diff?: StoreDiff): MapUpdate {
  const next = diff ? patch(prev, data, diff) : buildMap(data);
  return { map: next, changes: diffMap(prev, next) };
}

function patch(prev: ArgumentMap, data: MapData, diff: StoreDiff): ArgumentMap {
  const claims = new Set<string>(Object.keys({ ...diff.claims?.added, ...diff.claims?.updated, ...diff.claims?.removed }));
  // A passage re-attached elsewhere changes where its claims' evidence lies. A passage added
  // is cited only by claims in the same diff; one removed, only by claims updated in it.
  const moved = Object.entries(diff.annotations?.updated ?? {}).filter(([, [from, to]]) => from.target.source !== to.target.source);
  if (moved.length) {
    const ids = new Set(moved.map(([id]) => id));
    for (const node of prev.nodes.values()) {
      if (data.evidenceOf(node.id).some((e) => ids.has(e.annotation.id))) claims.add(node.id);
    }
  }
  const links = new Set(Object.keys({ ...diff.links?.added, ...diff.links?.updated, ...diff.links?.removed }));
  if (!claims.size && !links.size) return prev;
  // Node order follows creation: a claim added is newest, so appending keeps the order.
  const nodes = new Map<string, MapNode>();
  for (const [id, node] of prev.nodes) {
    if (!claims.has(id)) nodes.set(id, node);
    else {
      const claim = data.claims.get(id);
      if (claim) nodes.set(id, sameNode(node, mapNode(data, claim)));
    }
  }
  const fresh = oldestFirst([...claims].filter((id) => !prev.nodes.has(id)).flatMap((id) => data.claims.get(id) ?? []));
  // A claim older than the newest one kept (restored by undo, received from outside) goes in
  // its place in the order: rebuild rather than shift everything after it.
  const newest = data.claims.get(lastKey(nodes));
  if (fresh[0] && newest && compareRecords(fresh[0], newest) < 0) {
    const ordered = new Map<string, MapNode>();
    for (const claim of oldestFirst(data.claims.values())) ordered.set(claim.id, nodes.get(claim.id) ?? mapNode(data, claim));
    return { nodes: ordered, edges: edgesOf(data, ordered, prev.edges) };
  }
  for (const claim of fresh) nodes.set(claim.id, mapNode(data, claim));

  const edges = new Map<string, MapEdge>();
  for (const [id, edge] of prev.edges) {
    if (links.has(id) || claims.has(edge.from) || claims.has(edge.to)) {
      const link = data.links.get(id);
      const from = link && nodes.get(link.from);
      const to = link && nodes.get(link.to);
      if (link && from && to) edges.set(id, sameEdge(edge, mapEdge(link, from, to)));
    } else edges.set(id, edge);
  }
  const freshLinks = oldestFirst([...links].filter((id) => !prev.edges.has(id)).flatMap((id) => data.links.get(id) ?? []));
  const newestLink = data.links.get(lastKey(edges));
  // A link older than the newest kept (restored by undo) goes in its place: rebuild the order.
  if (freshLinks[0] && newestLink && compareRecords(freshLinks[0], newestLink) < 0) return { nodes, edges: edgesOf(data, nodes, edges) };
  for (const link of freshLinks) {
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    if (from && to) edges.set(link.id, mapEdge(link, from, to));
  }
  return { nodes, edges };
}

function mapNode(data: MapData, claim: Claim): MapNode {
  const evidence: EvidenceItem[] = data.evidenceOf(claim.id);
  const sources = evidenceSources(data, claim.id).map((e) => e.source);
  const home = homeSources(data, claim.id);
  return Object.freeze({
    id: claim.id,
    label: claim.statement,
    sources: Object.freeze(sources),
    home: Object.freeze(sources.filter((s) => home.has(s))),
    passages: evidence.length,
    contested: evidence.some((e) => e.stance === 'argues-against'),
    tags: claim.tags,
    events: claim.events,
    creator: claim.creator.name,
  });
}

function mapEdge(link: Link, from: MapNode, to: MapNode): MapEdge {
  const crossSource = link.relation === 'contradicts' && from.home.length > 0 && to.home.length > 0 && !from.home.some((s) => to.home.includes(s));
  return Object.freeze({ id: link.id, relation: link.relation, from: link.from, to: link.to, symmetric: isSymmetric(link.relation), crossSource });
}

/** `prev` when `next` says the same, so unchanged nodes keep their identity. */
function sameNode(prev: MapNode, next: MapNode): MapNode {
  return nodesEqual(prev, next) ? prev : next;
}

function sameEdge(prev: MapEdge, next: MapEdge): MapEdge {
  return edgesEqual(prev, next) ? prev : next;
}

/** True when two nodes would be drawn the same. */
export function nodesEqual(a: MapNode, b: MapNode): boolean {
  return a.id === b.id && a.label === b.label && a.passages === b.passages && a.contested === b.contested && a.creator === b.creator
    && same(a.sources, b.sources) && same(a.home, b.home) && same(a.tags, b.tags) && same(a.events, b.events);
}

/** True when two edges would be drawn the same. */
export function edgesEqual(a: MapEdge, b: MapEdge): boolean {
  return a.id === b.id && a.relation === b.relation && a.from === b.from && a.to === b.to && a.symmetric === b.symmetric && a.crossSource === b.crossSource;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function compareRecords(a: { created: string; id: string }, b: { created: string; id: string }): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function oldestFirst<R extends { created: string; id: string }>(records: Iterable<R>): R[] {
  return [...records].sort(compareRecords);
}

function lastKey(m: ReadonlyMap<string, unknown>): string {
  let last = '';
  for (const k of m.keys()) last = k;
  return last;
}
