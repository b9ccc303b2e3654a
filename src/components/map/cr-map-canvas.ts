import { LitElement, html, svg, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { shortcutsOff } from '../shared/keys.ts';
import { boundsOf } from '../../map/index.ts';
import { dragRoutes, edgeRoutes, nearestInDirection, nearestTo, type Box, type Direction } from './geometry.ts';
import { arrowDefs, clusterTemplate, edgeTemplate, nodeTemplate, type DrawnCluster, type DrawnEdge, type DrawnNode } from './map-draw.ts';
import { MapDeleteEvent, MapLinkEvent, MapMoveEvent, MapSelectEvent, type MinimapPanEvent } from './map-events.ts';
import { mapStyles } from './map-styles.ts';
import type { CrMapMinimap } from './cr-map-minimap.ts';
import './cr-map-minimap.ts';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
/** Pointer travel (px) below which a press on a node is a click, not a drag. */
const CLICK_SLOP = 4;
/** Nodes from which the overview is shown. */
const MINIMAP_FROM = 12;

/** A gesture under way: moving a node, or drawing a link from a node's handle. */
type Gesture =
  | { kind: 'move'; id: string; pointer: number; x0: number; y0: number; dx: number; dy: number; moved: boolean }
  | { kind: 'link'; id: string; pointer: number; x: number; y: number };

/**
 * The drawing of the argument map: SVG from Lit, pan and zoom by d3-zoom (wheel, drag on the
 * background, pinch; `+`/`-`/`0` keys; fit to screen), an overview for large maps. Nodes are
 * focusable with a roving tabindex: arrow keys move to the nearest node that way (a linked one
 * first), Enter chooses, Delete asks to delete, L starts a link (arrows to the target, Enter;
 * Escape cancels). A node can be dragged to move it or, from its handle, onto another to link
 * them. Hover or focus dims everything outside the node's neighbourhood (the hovered one's
 * first), never the focused node itself. Rendering is keyed by
 * record id, so a change touches only the nodes and edges it changed.
 *
 * @fires cr-map-select - a node was clicked or Enter pressed on it
 * @fires cr-map-move - a node was dragged to a new place
 * @fires cr-map-link - a link was asked for, from one node to another
 * @fires cr-map-delete - Delete was pressed on a node
 */
@customElement('cr-map-canvas')
export class CrMapCanvas extends LitElement {
  static override styles = [mapStyles, css`
    :host { display: block; position: relative; overflow: hidden; background: var(--cr-bg); }
    svg.map { display: block; width: 100%; height: 100%; touch-action: none; }
    svg.map:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: -2px; }
    cr-map-minimap { position: absolute; right: 0.6rem; bottom: 0.6rem; }
    .mode { position: absolute; left: 0.6rem; top: 0.6rem; margin: 0; background: var(--cr-card); border: 1px solid var(--cr-link);
      border-radius: 6px; padding: 0.3rem 0.6rem; font: 0.82rem var(--cr-sans); color: var(--cr-ink); }
  `];

  /** Claims to draw. */
  @property({ attribute: false }) accessor nodes: readonly DrawnNode[] = [];
  /** Links to draw (both ends among `nodes`). */
  @property({ attribute: false }) accessor edges: readonly DrawnEdge[] = [];
  /** Where each node is, by claim id. */
  @property({ attribute: false }) accessor boxes: ReadonlyMap<string, Box> = new Map();
  /** Frames drawn behind the nodes. */
  @property({ attribute: false }) accessor clusters: readonly DrawnCluster[] = [];
  /** The selected claim. */
  @property() accessor selected = '';
  /** Accessible name of the drawing. */
  @property() accessor label = 'Argument map';

  /** The node holding the roving tab stop. */
  @state() private accessor current = '';
  /** Hovered node, whose neighbourhood is shown. */
  @state() private accessor hot = '';
  /** Focused node: its neighbourhood is shown when none is hovered, and it is never dimmed. */
  @state() private accessor focusedNode = '';
  /** Start of a link being made with the keyboard. */
  @state() private accessor linkFrom = '';
  @state() private accessor gesture: Gesture | undefined;

  @query('svg.map') private accessor svgEl!: SVGSVGElement;
  @query('g.viewport') private accessor viewport!: SVGGElement;
  @query('cr-map-minimap') private accessor minimap: CrMapMinimap | null = null;

  #zoom: ZoomBehavior<SVGSVGElement, unknown> | undefined;
  #transform: ZoomTransform = zoomIdentity;
  #fitted = false;
  #refocus = false;

  /** The drawn SVG, for export. */
  get drawing(): SVGSVGElement {
    return this.svgEl;
  }

  /** The box around everything drawn, in map units. */
  get bounds(): Box {
    return boundsOf([...this.boxes.values(), ...this.clusters.map((c) => c.box)]);
  }

  /** Fit the whole map in view. */
  fit(): void {
    const bounds = this.bounds;
    if (!bounds.width || !this.#zoom) return;
    const { width, height } = this.svgEl.getBoundingClientRect();
    if (!width || !height) return;
    const k = Math.min(1.2, (0.92 * width) / bounds.width, (0.92 * height) / bounds.height);
    const t = zoomIdentity.translate(width / 2 - k * (bounds.x + bounds.width / 2), height / 2 - k * (bounds.y + bounds.height / 2)).scale(k);
    this.#zoom.transform(select(this.svgEl), t);
  }

  /** Zoom by factor `k` about the centre. */
  zoomBy(k: number): void {
    this.#zoom?.scaleBy(select(this.svgEl), k);
  }

  /** Move the roving focus to a node and focus it. */
  focusNode(id: string): void {
    this.current = id;
    void this.updateComplete.then(() => {
      const el = this.#nodeEl(id);
      if (!el) return;
      el.focus({ preventScroll: true });
      this.reveal(id);
    });
  }

  protected override firstUpdated(): void {
    this.#zoom = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      // Presses on nodes are the node's (move, link); everything else pans and zooms.
      .filter((e: Event) => !(e.target as Element).closest?.('.node') && !(e as MouseEvent).button && !(e.type !== 'wheel' && (e as MouseEvent).ctrlKey))
      .on('zoom', (e: { transform: ZoomTransform }) => {
        this.#transform = e.transform;
        this.viewport.setAttribute('transform', e.transform.toString());
        this.#showView();
      });
    select(this.svgEl).call(this.#zoom).on('dblclick.zoom', null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('nodes') && !this.nodes.some((n) => n.id === this.current)) {
      // Its node went (deleted by Delete, say): the nearest one left takes the keys, and focus if it had it.
      const was = (changed.get('boxes') ?? this.boxes).get(this.current);
      this.#refocus = !!this.current && (this.renderRoot as ShadowRoot).activeElement === this.#nodeEl(this.current);
      this.current = (was && nearestTo(was, this.boxes, this.nodes.map((n) => n.id))) ?? this.nodes[0]?.id ?? '';
    }
    if (changed.has('nodes') && this.linkFrom && !this.nodes.some((n) => n.id === this.linkFrom)) this.linkFrom = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#refocus) this.#nodeEl(this.current)?.focus({ preventScroll: true });
    this.#refocus = false;
    // Fit once, when there is first something to fit; after that the view is the reader's.
    if (!this.#fitted && changed.has('boxes') && this.boxes.size) {
      this.#fitted = true;
      this.fit();
    }
    this.#showView();
  }

  override render() {
    const near = this.#neighbourhood();
    const boxes = this.#drawnBoxes();
    const g = this.gesture;
    const routes = g?.kind === 'move' ? dragRoutes(this.edges, this.boxes, boxes, g.id) : edgeRoutes(this.edges, boxes);
    const from = g?.kind === 'link' ? boxes.get(g.id) : undefined;
    // The drawing is no tab stop of its own (Chromium made it one): Tab goes to the current node.
    return html`<svg class="map" xmlns="http://www.w3.org/2000/svg" role="group" aria-label=${this.label} tabindex="-1"
        aria-describedby="keys" @keydown=${this.#onKey}
        @pointerdown=${this.#onDown} @pointermove=${this.#onMove} @pointerup=${this.#onUp} @pointercancel=${this.#onCancel}
        @focusin=${this.#onFocus} @focusout=${() => (this.focusedNode = '')} @pointerover=${this.#onOver} @pointerleave=${() => (this.hot = '')}>
        ${arrowDefs()}
        <g class="viewport">
          <g class="clusters">${repeat(this.clusters, (c) => c.id, (c) => clusterTemplate(c))}</g>
          <g class="edges" aria-hidden="true">${repeat(this.edges, (e) => e.id, (e) => {
            const route = routes.get(e.id);
            return route ? edgeTemplate(e, route, !!near && !(near.has(e.from) && near.has(e.to))) : nothing;
          })}</g>
          <g class="nodes">${repeat(this.nodes, (n) => n.id, (n) => {
            const box = boxes.get(n.id);
            return box ? nodeTemplate(n, box, { focusable: n.id === this.current, selected: n.id === this.selected, dim: !!near && !near.has(n.id) && n.id !== this.focusedNode, linking: n.id === this.linkFrom }) : nothing;
          })}</g>
          ${from && g?.kind === 'link' ? svg`<line class="draft-link" x1=${from.x + from.width} y1=${from.y + from.height / 2} x2=${g.x} y2=${g.y}></line>` : nothing}
        </g>
      </svg>
      <p id="keys" hidden>Arrow keys move between claims, Enter shows one, L links it to another, Delete deletes it; plus and minus zoom, 0 fits the map.</p>
      ${this.linkFrom ? html`<p class="mode" role="status">Linking: move to the other claim with the arrow keys and press Enter (Escape cancels).</p>` : nothing}
      ${this.nodes.length >= MINIMAP_FROM ? html`<cr-map-minimap .boxes=${boxes} @cr-minimap-pan=${this.#onPan}></cr-map-minimap>` : nothing}`;
  }

  /** Boxes with the node being dragged where the pointer has it. */
  #drawnBoxes(): ReadonlyMap<string, Box> {
    const g = this.gesture;
    const box = g?.kind === 'move' ? this.boxes.get(g.id) : undefined;
    if (!box || g?.kind !== 'move') return this.boxes;
    return new Map(this.boxes).set(g.id, { ...box, x: box.x + g.dx, y: box.y + g.dy });
  }

  #neighbourhood(): Set<string> | undefined {
    const id = this.linkFrom || this.hot || this.focusedNode;
    if (!id) return undefined;
    const near = new Set([id]);
    for (const e of this.edges) {
      if (e.from === id) near.add(e.to);
      if (e.to === id) near.add(e.from);
    }
    return near;
  }

  #nodeEl(id: string): SVGGElement | null {
    return this.renderRoot.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`);
  }

  /** Pan so the node is in view, when it is not. */
  reveal(id: string): void {
    const box = this.boxes.get(id);
    if (!box || !this.#zoom) return;
    const { width, height } = this.svgEl.getBoundingClientRect();
    const t = this.#transform;
    const [x0, y0] = t.apply([box.x, box.y]);
    const [x1, y1] = t.apply([box.x + box.width, box.y + box.height]);
    if (x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height) return;
    this.#zoom.translateTo(select(this.svgEl), box.x + box.width / 2, box.y + box.height / 2);
  }

  #showView(): void {
    const mini = this.minimap;
    if (!mini || !this.svgEl) return;
    const { width, height } = this.svgEl.getBoundingClientRect();
    const [x0, y0] = this.#transform.invert([0, 0]);
    const [x1, y1] = this.#transform.invert([width, height]);
    mini.showView({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }

  #onPan = (e: MinimapPanEvent) => {
    this.#zoom?.translateTo(select(this.svgEl), e.x, e.y);
  };

  #toMap(e: PointerEvent): { x: number; y: number } {
    const [x, y] = this.#transform.invert(pointIn(this.svgEl, e));
    return { x, y };
  }

  #onDown(e: PointerEvent): void {
    const target = e.target as Element;
    const node = target.closest<SVGGElement>('g.node');
    if (!node || e.button !== 0) return;
    const id = node.dataset['id']!;
    this.svgEl.setPointerCapture(e.pointerId);
    const p = this.#toMap(e);
    this.gesture = target.closest('.handle')
      ? { kind: 'link', id, pointer: e.pointerId, ...p }
      : { kind: 'move', id, pointer: e.pointerId, x0: p.x, y0: p.y, dx: 0, dy: 0, moved: false };
  }

  #onMove(e: PointerEvent): void {
    const g = this.gesture;
    if (!g || g.pointer !== e.pointerId) return;
    const p = this.#toMap(e);
    if (g.kind === 'link') this.gesture = { ...g, ...p };
    else {
      const dx = p.x - g.x0;
      const dy = p.y - g.y0;
      this.gesture = { ...g, dx, dy, moved: g.moved || Math.hypot(dx, dy) * this.#transform.k > CLICK_SLOP };
    }
  }

  #onUp(e: PointerEvent): void {
    const g = this.gesture;
    if (!g || g.pointer !== e.pointerId) return;
    this.gesture = undefined;
    if (g.kind === 'link') {
      const to = this.#nodeAt(e.clientX, e.clientY);
      if (to && to !== g.id) this.dispatchEvent(new MapLinkEvent(g.id, to));
      return;
    }
    if (!g.moved) {
      this.current = g.id;
      this.dispatchEvent(new MapSelectEvent(g.id));
      return;
    }
    const box = this.boxes.get(g.id);
    if (box) this.dispatchEvent(new MapMoveEvent(g.id, Math.round(box.x + g.dx), Math.round(box.y + g.dy)));
  }

  #onCancel(): void {
    this.gesture = undefined;
  }

  #nodeAt(x: number, y: number): string | undefined {
    const hit = this.shadowRoot!.elementsFromPoint(x, y).find((el) => el.closest('g.node'));
    return hit?.closest<SVGGElement>('g.node')?.dataset['id'];
  }

  #onOver(e: PointerEvent): void {
    if (this.gesture) return;
    this.hot = (e.target as Element).closest<SVGGElement>('g.node')?.dataset['id'] ?? '';
  }

  #onFocus(e: FocusEvent): void {
    const id = (e.target as Element).closest<SVGGElement>('g.node')?.dataset['id'];
    if (!id) return;
    this.current = id;
    this.focusedNode = id;
  }

  #onKey(e: KeyboardEvent): void {
    if (shortcutsOff(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const id = (e.target as Element).closest?.<SVGGElement>('g.node')?.dataset['id'];
    const handled = this.#key(e.key, id);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  #key(key: string, id: string | undefined): boolean {
    if (key === '+' || key === '=') this.zoomBy(1.25);
    else if (key === '-' || key === '_') this.zoomBy(0.8);
    else if (key === '0') this.fit();
    else if (key === 'Escape' && this.linkFrom) this.linkFrom = '';
    else if (!id) return false;
    else if (ARROWS[key]) {
      const neighbours = new Set(this.edges.flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : [])));
      const next = nearestInDirection(this.boxes, id, ARROWS[key], neighbours);
      if (next) this.focusNode(next);
    } else if (key === 'Enter' || key === ' ') {
      if (this.linkFrom && this.linkFrom !== id) {
        this.dispatchEvent(new MapLinkEvent(this.linkFrom, id));
        this.linkFrom = '';
      } else if (!this.linkFrom) this.dispatchEvent(new MapSelectEvent(id));
    } else if (key === 'Delete' || key === 'Backspace') this.dispatchEvent(new MapDeleteEvent(id));
    else if (key === 'l' || key === 'L') this.linkFrom = id;
    else return false;
    return true;
  }
}

/** A pointer's position in an SVG element's own pixels. */
function pointIn(el: SVGSVGElement, e: PointerEvent): [number, number] {
  const r = el.getBoundingClientRect();
  return [e.clientX - r.left, e.clientY - r.top];
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-map-canvas': CrMapCanvas;
  }
}
