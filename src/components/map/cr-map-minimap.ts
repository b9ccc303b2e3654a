import { LitElement, html, svg, css, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Box } from './geometry.ts';
import { boundsOf, inflate } from '../../map/index.ts';
import { MinimapPanEvent } from './map-events.ts';

/** Size of the overview, in CSS pixels. */
const WIDTH = 180;
const HEIGHT = 120;

/**
 * The overview of a large map: every node as a small box and a frame for the part in view.
 * Pressing or dragging in it asks the map to centre the view there; the map does the panning
 * (through d3-zoom), and tells the overview where the view is after every change (`showView`),
 * without a re-render.
 *
 * @fires cr-minimap-pan - with the map point to centre on
 */
@customElement('cr-map-minimap')
export class CrMapMinimap extends LitElement {
  static override styles = css`
    :host { display: block; width: ${WIDTH}px; height: ${HEIGHT}px; background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px; box-shadow: var(--cr-shadow); }
    svg { display: block; width: 100%; height: 100%; cursor: pointer; touch-action: none; }
    .n { fill: var(--cr-ink-faint); }
    .view { fill: var(--cr-focus); fill-opacity: 0.1; stroke: var(--cr-focus); stroke-width: 1.5; vector-effect: non-scaling-stroke; }
  `;

  /** Where each node is, in map units. */
  @property({ attribute: false }) accessor boxes: ReadonlyMap<string, Box> = new Map();

  @query('svg') private accessor svgEl!: SVGSVGElement;
  @query('.view') private accessor viewEl!: SVGRectElement;

  #dragging = -1;

  /** Frame the part of the map in view. */
  showView(view: Box): void {
    if (!this.viewEl) return;
    this.viewEl.setAttribute('x', String(view.x));
    this.viewEl.setAttribute('y', String(view.y));
    this.viewEl.setAttribute('width', String(Math.max(0, view.width)));
    this.viewEl.setAttribute('height', String(Math.max(0, view.height)));
  }

  override render() {
    const all = [...this.boxes.values()];
    // Nothing laid out yet (the first frame, before the layout worker answers): no overview to draw.
    if (all.length === 0) return nothing;
    const { x, y, width: w, height: h } = inflate(boundsOf(all), 40);
    return html`<svg viewBox="${x} ${y} ${w} ${h}" preserveAspectRatio="xMidYMid meet" aria-hidden="true"
      @pointerdown=${this.#onDown} @pointermove=${this.#onMove} @pointerup=${this.#onUp} @pointercancel=${this.#onUp}>
      ${all.map((b) => svg`<rect class="n" x=${b.x} y=${b.y} width=${b.width} height=${b.height}></rect>`)}
      <rect class="view"></rect>
    </svg>`;
  }

  #onDown(e: PointerEvent): void {
    this.#dragging = e.pointerId;
    this.svgEl.setPointerCapture(e.pointerId);
    this.#pan(e);
  }

  #onMove(e: PointerEvent): void {
    if (e.pointerId === this.#dragging) this.#pan(e);
  }

  #onUp(): void {
    this.#dragging = -1;
  }

  #pan(e: PointerEvent): void {
    const m = this.svgEl.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    this.dispatchEvent(new MinimapPanEvent(p.x, p.y));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-map-minimap': CrMapMinimap;
  }
}
