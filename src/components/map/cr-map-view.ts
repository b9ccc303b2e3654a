import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';
import { routeHash } from '../../app/route.ts';
import { Paragraphs, type Paragraph } from '../../annotate/paragraphs.ts';
import { RELATION_WORDS, count } from '../../map/words.ts';
import {
  clusterMap, filterChoices, filterMap, keepClaims,
  type ArgumentMap, type ClusterBy, type MapFilter, type MapNode,
} from '../../map/index.ts';
import { LINK_RELATIONS, type EvidenceItem, type LinkRelation } from '../../store/index.ts';
import { hiddenNote } from '../layers/hidden-note.ts';
import { StoreController } from '../store/store-controller.ts';
import { MapPlacement } from './map-placement.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { badgeStyles } from '../shared/relations.ts';
import { NotifyEvent } from '../shared/events.ts';
import type { ClaimIntent, ClaimIntentEvent, ClaimSelectEvent } from '../claims/claim-events.ts';
import { actOnClaim } from '../claims/claim-actions.ts';
import type { CrLinkDialog } from '../claims/cr-link-dialog.ts';
import type { CrMergeDialog } from '../claims/cr-merge-dialog.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import { wrapLabel } from './geometry.ts';
import { legendTemplate, type DrawnCluster, type DrawnEdge, type DrawnNode } from './map-draw.ts';
import { mapLayers, nodeLayer } from './map-layers.ts';
import { layerMarkStyles } from '../layers/layer-marks.ts';
import type { MapDeleteEvent, MapLinkEvent, MapMoveEvent, MapSelectEvent } from './map-events.ts';
import { mapStyles } from './map-styles.ts';
import { mapViewStyles, noClaims, noMatch } from './map-view-parts.ts';
import { sourceLook } from './source-look.ts';
import { exportMap } from './map-files.ts';
import type { CrMapCanvas } from './cr-map-canvas.ts';
import './cr-map-canvas.ts';
import '../claims/cr-claim-card.ts';
import '../claims/cr-link-dialog.ts';
import '../claims/cr-merge-dialog.ts';
import '../shared/cr-confirm-dialog.ts';
import { filterSelect, type FilterOption } from '../shared/filter-select.ts';

/** The filter controls' values; `''` means any. */
interface Filters {
  source: string;
  tag: string;
  event: string;
  author: string;
  relation: string;
}

const NO_FILTERS: Filters = { source: '', tag: '', event: '', author: '', relation: '' };

/**
 * The argument map (`#/map`): every claim a node, every link an edge, laid out in a worker
 * (ELK, `src/map/layout`) with stable positions: a node keeps its place whatever else changes,
 * and a node the reader drags stays where it was put (stored; undoable). Filters above the map
 * (source, tag, event, author, relation), clusters by source or event, a legend, export as SVG
 * or PNG. Selecting a node shows its claim card beside the map: passages (each opens the reader
 * at its ¶), links, and the same Link/Merge/Delete as the claims list. Follows the store by
 * its diffs (`updateMap`): a change redraws the nodes and edges it touched and lays out only
 * claims that have no place yet (the model and the places: `MapPlacement`).
 *
 * @fires cr-notify - after moving, linking or deleting (with Undo), and for failures
 */
@customElement('cr-map-view')
export class CrMapView extends LitElement {
  static override styles = [controlStyles, badgeStyles, mapStyles, mapViewStyles, layerMarkStyles];

  /** Sources of the library (metadata): short citations and source colours, in library order. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model, to give each passage its ¶. */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;

  @state() private accessor filters: Filters = NO_FILTERS;
  @state() private accessor selected = '';
  @state() private accessor paragraphOf: (item: EvidenceItem) => Paragraph = () => undefined;

  @query('cr-map-canvas') private accessor canvas: CrMapCanvas | null = null;
  @query('cr-link-dialog') private accessor linkDialog!: CrLinkDialog;
  @query('cr-merge-dialog') private accessor mergeDialog!: CrMergeDialog;
  @query('cr-confirm-dialog') private accessor confirm!: CrConfirmDialog;

  readonly #data = new StoreController(this, (change) => this.#placement.follow(change));
  /** The map, where each claim is drawn, and the clusters. */
  readonly #placement = new MapPlacement(this, () => this.#data.store);
  #paragraphs: Paragraphs | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('documents') || !this.#paragraphs) {
      const paragraphs = new Paragraphs(this.documents, () => (this.paragraphOf = (e) => paragraphs.of(e.annotation)));
      this.#paragraphs = paragraphs;
      this.paragraphOf = (e) => paragraphs.of(e.annotation);
    }
  }

  override render() {
    const store = this.#data.store;
    const all = store ? keepClaims(this.#placement.map, (id) => store.isShown(store.getClaim(id) ?? { layer: '' })) : this.#placement.map;
    const shown = filterMap(all, this.#mapFilter());
    const nodes = [...shown.nodes.values()].map((n) => this.#drawn(n));
    const edges: DrawnEdge[] = [...shown.edges.values()].map((e) => ({ id: e.id, from: e.from, to: e.to, relation: e.relation, cross: e.crossSource }));
    return html`<div class="view">
        <div class="bar">
          <h1 id="map-title">Argument map</h1>
          ${all.nodes.size ? this.#controls(all, shown) : nothing}
          ${hiddenNote(store)}
        </div>
        <div class="body">
          <div class="stage">${all.nodes.size === 0 ? noClaims() : shown.nodes.size === 0 ? noMatch(() => (this.filters = NO_FILTERS)) : html`
            <cr-map-canvas .nodes=${nodes} .edges=${edges} .boxes=${this.#placement.boxes(nodes.map((n) => n.id))} .clusters=${this.#clusters(shown)}
              .selected=${this.selected} label=${`Argument map: ${count(shown.nodes.size, 'claim')}, ${count(shown.edges.size, 'link')}`}
              @cr-map-select=${this.#onSelect} @cr-map-move=${this.#onMove} @cr-map-link=${this.#onLink} @cr-map-delete=${this.#onDelete}></cr-map-canvas>
            ${legendTemplate(this.#sourcesShown(shown), mapLayers(this.#data.store))}
            ${this.#placement.layingOut ? html`<p class="busy" role="status">Laying out…</p>` : nothing}`}
          </div>
          ${this.selected && all.nodes.has(this.selected) ? this.#panel() : nothing}
        </div>
      </div>
      <cr-link-dialog></cr-link-dialog>
      <cr-merge-dialog @cr-claim-select=${this.#onCardSelect}></cr-merge-dialog>
      <cr-confirm-dialog></cr-confirm-dialog>`;
  }

  #controls(all: ArgumentMap, shown: ArgumentMap) {
    const store = this.#data.store!;
    const choices = filterChoices(all);
    const cite = (id: string) => sourceLook(this.entries, id).cite;
    const f = this.filters;
    const any = Object.values(f).some(Boolean);
    return html`<div class="row" role="group" aria-label="Filter the map">
        ${this.#select('source', 'Source', choices.sources.map((s) => ({ value: s, label: cite(s) })))}
        ${this.#select('tag', 'Tag', choices.tags.map((t) => ({ value: t, label: t })))}
        ${this.#select('event', 'Event', choices.events.map((e) => ({ value: e, label: store.getEvent(e)?.name ?? e })))}
        ${this.#select('author', 'Author', choices.authors.map((a) => ({ value: a, label: a })))}
        ${this.#select('relation', 'Relation', LINK_RELATIONS.map((r) => ({ value: r, label: RELATION_WORDS[r].active })))}
        ${any ? html`<button type="button" @click=${() => (this.filters = NO_FILTERS)}>Clear filters</button>` : nothing}
      </div>
      <label>Clusters
        <select name="cluster" @change=${(e: Event) => this.#placement.cluster((e.target as HTMLSelectElement).value as ClusterBy)}>
          ${(['none', 'source', 'event'] as const).map((c) => html`<option value=${c} ?selected=${c === this.#placement.clusterBy}>${c === 'none' ? 'None' : `By ${c}`}</option>`)}
        </select></label>
      <p class="shown" role="status">${shown.nodes.size === all.nodes.size ? count(all.nodes.size, 'claim') : `Showing ${shown.nodes.size} of ${count(all.nodes.size, 'claim')}`}</p>
      <div class="tools" role="group" aria-label="View">
        <button type="button" @click=${() => this.canvas?.zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (+)">+</button>
        <button type="button" @click=${() => this.canvas?.zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (−)">−</button>
        <button type="button" @click=${() => this.canvas?.fit()} title="Fit the map to the screen (0)">Fit</button>
        <button type="button" @click=${() => void this.#placement.layout(true)} title="Lay the whole map out afresh (undoable)">Tidy up</button>
        <button type="button" data-export="svg" @click=${() => this.#export('svg')}>Export SVG</button>
        <button type="button" data-export="png" @click=${() => this.#export('png')}>Export PNG</button>
      </div>`;
  }

  #select(key: keyof Filters, label: string, options: readonly FilterOption[]) {
    return filterSelect(key, label, this.filters[key] ?? '', options, (value) => (this.filters = { ...this.filters, [key]: value }));
  }

  #panel() {
    const claim = this.#data.store?.getClaim(this.selected);
    return html`<aside aria-label="Selected claim" @cr-claim-intent=${this.#onIntent} @cr-claim-select=${this.#onCardSelect}>
      <button type="button" class="close" @click=${() => this.#choose('')} aria-label="Close the claim">✕</button>
      <cr-claim-card .claim=${claim} .entries=${this.entries} .paragraphOf=${this.paragraphOf} expanded></cr-claim-card>
      <p class="hint"><a href=${routeHash({ view: 'claims', claim: this.selected })}>Open in the claims list</a></p>
    </aside>`;
  }

  #mapFilter(): MapFilter {
    const f = this.filters;
    const one = <T extends string>(v: string) => (v ? new Set([v as T]) : undefined);
    return { sources: one(f.source), tags: one(f.tag), events: one(f.event), authors: one(f.author), relations: one<LinkRelation>(f.relation) };
  }

  // Drawn nodes are cached per model node (and its link count, named to screen readers): an
  // unchanged claim gives the same object.
  readonly #drawnOf = new WeakMap<MapNode, DrawnNode>();
  #drawn(n: MapNode): DrawnNode {
    const cached = this.#drawnOf.get(n);
    const links = this.#data.store?.linksOf(n.id).length ?? 0;
    const layer = nodeLayer(this.#data.store, n.id);
    if (cached?.links === links && cached.layer === layer) return cached;
    const d: DrawnNode = { id: n.id, statement: n.label, lines: wrapLabel(n.label), sources: n.sources.map((s) => sourceLook(this.entries, s)), passages: n.passages, against: n.contested, links, layer };
    this.#drawnOf.set(n, d);
    return d;
  }

  #clusters(shown: ArgumentMap): DrawnCluster[] {
    const store = this.#data.store;
    return clusterMap(shown, this.#placement.clusterBy).flatMap((c) => {
      const box = this.#placement.clusterBoxes[c.id];
      if (!box) return [];
      const label = c.kind === 'several' ? (this.#placement.clusterBy === 'source' ? 'Several sources' : 'Several events')
        : c.kind === 'none' ? (this.#placement.clusterBy === 'source' ? 'Only argued against' : 'No event')
        : c.kind === 'source' ? sourceLook(this.entries, c.key).cite : (store?.getEvent(c.key)?.name ?? c.key);
      return [{ id: c.id, label, box }];
    });
  }

  #sourcesShown(shown: ArgumentMap) {
    const ids = new Set([...shown.nodes.values()].flatMap((n) => n.sources));
    return [...ids].map((id) => sourceLook(this.entries, id)).sort((a, b) => this.entries.findIndex((e) => e.id === a.id) - this.entries.findIndex((e) => e.id === b.id));
  }

  // The side panel opens beside the map, which narrows: the chosen node may now be under its edge.
  #choose(id: string): void {
    this.selected = id;
    if (id) void this.updateComplete.then(() => requestAnimationFrame(() => this.canvas?.reveal(id)));
  }

  #onSelect = (e: MapSelectEvent) => this.#choose(e.claimId);

  #onCardSelect = (e: ClaimSelectEvent) => {
    e.stopPropagation();
    this.#choose(e.claimId);
    if (e.claimId) this.canvas?.focusNode(e.claimId);
  };

  #onMove = (e: MapMoveEvent) => void this.#placement.move(e.claimId, { x: e.x, y: e.y });

  #onLink = (e: MapLinkEvent) => void this.linkDialog.open(e.from, e.to);

  #onDelete = (e: MapDeleteEvent) => void this.#act('delete', e.claimId);

  #onIntent = (e: ClaimIntentEvent) => void this.#act(e.intent, e.claimId);

  // The card's intents and the node's Delete key go the one way.
  async #act(intent: ClaimIntent, id: string): Promise<void> {
    const store = this.#data.store;
    const dialogs = { link: this.linkDialog, merge: this.mergeDialog, confirm: this.confirm };
    if (store && (await actOnClaim(this, dialogs, store, intent, id)) && this.selected === id) this.#choose('');
  }

  async #export(kind: 'svg' | 'png'): Promise<void> {
    const canvas = this.canvas;
    if (!canvas) return;
    try {
      await exportMap(canvas, kind);
    } catch (err) {
      this.dispatchEvent(new NotifyEvent(`Could not export the map: ${(err as Error).message}`));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-map-view': CrMapView;
  }
}
