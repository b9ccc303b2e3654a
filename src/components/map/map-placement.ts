import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildMap, dropSpot, layoutInput, MapLayouter, updateMap, type ArgumentMap, type Box, type ClusterBy, type Point } from '../../map/index.ts';
import type { CrossreadStore } from '../../store/index.ts';
import type { StoreChange } from '../store/store-controller.ts';
import { NotifyEvent } from '../shared/events.ts';
import { nodeSize } from './geometry.ts';

const EMPTY_MAP: ArgumentMap = { nodes: new Map(), edges: new Map() };

/**
 * The map view's model and where its nodes are. The plain map's places are the stored ones: a
 * drag or a tidy-up is a store action (undoable), and a place changed anywhere (an undo, another
 * tab) is drawn where it now is. A clustered arrangement is the view's own and lives as long as
 * it does. Layouts run in a worker (ELK, `src/map/layout`), for claims without a place, or for
 * all on a tidy-up; a layout overtaken by a later one is dropped. Notices (a tidy-up with its
 * Undo, a failure) go up from the host as `cr-notify`.
 */
export class MapPlacement implements ReactiveController {
  map: ArgumentMap = EMPTY_MAP;
  positions: ReadonlyMap<string, Point> = new Map();
  clusterBoxes: Readonly<Record<string, Box>> = {};
  clusterBy: ClusterBy = 'none';
  layingOut = false;

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #store: () => CrossreadStore | undefined;
  #layouter: MapLayouter | undefined;
  // Which layout was asked for last: an answer to an earlier one is dropped.
  #asked = 0;
  // Positions per clustering, kept while the view lives: switching back finds them.
  readonly #clustered = new Map<ClusterBy, Map<string, Point>>();

  constructor(host: ReactiveControllerHost & EventTarget, store: () => CrossreadStore | undefined) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#layouter?.dispose();
    this.#layouter = undefined;
  }

  /** Follows the store: the map by its diff; a layout only when claims or links came or went, or a claim changed size. */
  follow(change: StoreChange | undefined): void {
    const store = this.#store();
    if (!store) return;
    const { map, changes } = change ? updateMap(this.map, store, change.diff) : { map: buildMap(store), changes: undefined };
    const moved = !!change && Object.keys({ ...change.diff.settings?.added, ...change.diff.settings?.updated, ...change.diff.settings?.removed }).some((id) => id.startsWith('mapPos:'));
    const resized = !changes || changes.nodes.added.length > 0 || changes.nodes.removed.length > 0
      || changes.nodes.updated.some((n) => nodeSize(n.label).height !== nodeSize(this.map.nodes.get(n.id)?.label ?? '').height)
      || changes.edges.added.length > 0 || changes.edges.removed.length > 0;
    this.map = map;
    // (Re)attached: draw at once where the claims are stored; the layout adds only those without a place.
    if (!change && this.clusterBy === 'none') this.positions = new Map(store.mapPositions());
    // A stored position changed (a drag, its undo, another tab): draw it there; no layout needed.
    if (moved && this.clusterBy === 'none') this.positions = new Map([...this.positions, ...store.mapPositions()]);
    this.#host.requestUpdate();
    if (resized) void this.layout();
  }

  /** Lays out the claims without a place, or all of them (`fresh`: a tidy-up, one undoable move). */
  async layout(fresh = false): Promise<void> {
    const store = this.#store();
    if (!store) return;
    const asked = ++this.#asked;
    const by = this.clusterBy;
    const known = by === 'none' ? new Map([...this.positions, ...store.mapPositions()]) : (this.#clustered.get(by) ?? new Map<string, Point>());
    const input = layoutInput(this.map, { clusterBy: by, known, fresh, size: (n) => nodeSize(n.label) });
    if (input.nodes.length === 0) {
      this.#set({ positions: new Map() });
      return;
    }
    this.#set({ layingOut: true });
    try {
      this.#layouter ??= new MapLayouter();
      const result = await this.#layouter.layout(input);
      if (asked !== this.#asked) return;
      const positions = new Map(Object.entries(result.positions));
      this.#set({ positions, clusterBoxes: result.clusters });
      if (by !== 'none') this.#clustered.set(by, positions);
      // Tidying up is the reader's act: one undoable move of everything.
      else if (fresh) this.#host.dispatchEvent(new NotifyEvent('Map tidied up', await store.moveOnMap(positions, 'Tidy up the map')));
      else if (result.placed.length) await store.placeOnMap(new Map(result.placed.map((id) => [id, positions.get(id)!])));
    } catch (err) {
      this.#host.dispatchEvent(new NotifyEvent((err as Error).message));
    } finally {
      if (asked === this.#asked) this.#set({ layingOut: false });
    }
  }

  /** Groups the map by source or event, or not at all (back to the stored places). */
  cluster(by: ClusterBy): void {
    this.#set({ clusterBy: by, clusterBoxes: {} });
    if (by === 'none') this.#set({ positions: new Map(this.#store()?.mapPositions() ?? []) });
    void this.layout();
  }

  /**
   * A node dragged to `to` (moved aside when dropped on another node): shown at once; stored
   * (undoable) on the plain map, kept in memory on a clustered one.
   */
  async move(claimId: string, to: Point): Promise<void> {
    const store = this.#store();
    const node = this.map.nodes.get(claimId);
    if (!store || !node) return;
    const others = this.boxes([...this.positions.keys()].filter((id) => id !== claimId)).values();
    const at = new Map([[claimId, dropSpot({ ...to, ...nodeSize(node.label) }, others)]]);
    this.#set({ positions: new Map([...this.positions, ...at]) });
    if (this.clusterBy !== 'none') {
      this.#clustered.set(this.clusterBy, new Map(this.positions));
      return;
    }
    try {
      this.#host.dispatchEvent(new NotifyEvent('Claim moved', await store.moveOnMap(at)));
    } catch (err) {
      this.#host.dispatchEvent(new NotifyEvent((err as Error).message));
    }
  }

  /** Where the claims `ids` are drawn, those placed: their positions, sized from their statements. */
  boxes(ids: Iterable<string>): Map<string, Box> {
    const boxes = new Map<string, Box>();
    for (const id of ids) {
      const p = this.positions.get(id);
      const node = this.map.nodes.get(id);
      if (p && node) boxes.set(id, { x: p.x, y: p.y, ...nodeSize(node.label) });
    }
    return boxes;
  }

  #set(part: Partial<Pick<MapPlacement, 'positions' | 'clusterBoxes' | 'clusterBy' | 'layingOut'>>): void {
    Object.assign(this, part);
    this.#host.requestUpdate();
  }
}
