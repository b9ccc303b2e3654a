/**
 * The argument map's pure core (issue 9 §1; ADR 0011). Views import from here.
 *
 * Model (`model.ts`), from the store (any `MapData`; `CrossreadStore` is one):
 * - `buildMap(store)` → `ArgumentMap { nodes: Map<claimId, MapNode>, edges: Map<linkId, MapEdge> }`,
 *   both in a stable order (oldest first). `MapNode`: `label` (statement), `sources` (a marker
 *   each), `home` (sources that make it), `passages` (badge), `contested` (a passage argues
 *   against it), `tags`, `events`, `creator`. `MapEdge`: `relation`, `from`, `to`, `symmetric`
 *   (no arrowhead), `crossSource` (a contradiction between claims made in different sources:
 *   make it stand out).
 * - `updateMap(prev, store, diff?)` → `{ map, changes }`: call it from the `StoreController`'s
 *   `onChange(change)` with `change?.diff`; unchanged nodes and edges stay the same objects and
 *   `changes` (`MapDiff`: `{nodes, edges}` each `{added, updated, removed}`) says what to redraw.
 *   `diffMap(prev, next)` compares any two maps.
 * - `filterMap(map, filter)` with `MapFilter {sources?, tags?, events?, authors?, relations?}`
 *   (sets; absent = all); an edge shows only when both ends do. `filterChoices(map)` lists the
 *   values present, for the filter controls.
 * - `clusterMap(map, 'source' | 'event' | 'none')` → `MapCluster[] {id, kind, key, members}`; a
 *   claim made in several sources (about several events) is in the cluster `several`, one made
 *   in none in `none`. `clusterOf(node, by)` is one node's cluster id.
 *
 * Layout (`layout/`; positions are top-left corners in map units):
 * - `layoutInput(map, {clusterBy?, known?, size?, fresh?})` → `LayoutInput`.
 * - In the browser: `const layouter = new MapLayouter()` (a Web Worker running ELK);
 *   `await layouter.layout(input)` → `LayoutResult {positions, placed, clusters, bounds}` (+ `ms`);
 *   `layouter.dispose()` when the view goes. In Node: `layoutMap(new ELK(), input)`.
 * - Stability: nodes in `known` never move; only the others are placed (`placed` lists them).
 *   With nothing known (first time, or `fresh: true`, "tidy up") ELK lays out everything.
 * - Positions live in the store (`store.mapPositions()`, `store.placeOnMap(positions)` for what a
 *   layout placed — not undoable; `store.moveOnMap(positions)` for a drag — undoable, returns an
 *   `ActionResult`). Pass `store.mapPositions()` as `known` so a reload shows the same map.
 * - "Tidy up": lay out with `fresh: true`, then `store.moveOnMap(all positions)`, one undoable step.
 * - A drag: `dropSpot(box, otherBoxes)` is where the node goes: where dropped, or, dropped on
 *   another node, the nearest free spot.
 * - Clusters: a clustered layout is derived, not stored (ADR 0011); keep its positions while shown
 *   and pass them as `known` for the next clustered layout.
 * - `nodeSize(node)` is the size the layout assumes when the view gives none.
 * - Box geometry, shared with the view's drawing (edges routed around nodes): `overlaps`,
 *   `inflate`, `centre`, `boundsOf` (the box around boxes), and `BoxGrid` (boxes on a grid:
 *   `hits(box)`, `along(p, q)`).
 */
export { buildMap, updateMap, nodesEqual, edgesEqual, type ArgumentMap, type MapData, type MapEdge, type MapNode, type MapUpdate } from './model.ts';
export { diffMap, isEmptyMapDiff, type ItemsDiff, type MapDiff } from './map-diff.ts';
export { filterMap, filterChoices, isOpenFilter, keepClaims, nodeShown, type FilterChoices, type MapFilter } from './filter.ts';
export { clusterMap, clusterOf, type ClusterBy, type ClusterKind, type MapCluster } from './clusters.ts';
export { shownData, type ShowableData } from './shown.ts';
export { layoutInput, type LayoutInputOptions } from './layout/input.ts';
export { BoxGrid, boundsOf, centre, inflate, overlaps } from './layout/geometry.ts';
export { layoutMap } from './layout/layout.ts';
export { dropSpot } from './layout/place.ts';
export { MapLayouter, type LayoutReply, type LayoutRequest } from './layout/layout-client.ts';
export { nodeSize, NODE_WIDTH, MAX_LINES } from './layout/sizes.ts';
export type { Box, LayoutCluster, LayoutEdge, LayoutInput, LayoutNode, LayoutResult, Point } from './layout/types.ts';
