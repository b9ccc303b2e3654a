import { LitElement, html, css, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { StoreController } from '../store/store-controller.ts';
import { legendLayers, looksOf } from './layer-look.ts';
import { legendEntry, layerMarkStyles } from './layer-marks.ts';

/**
 * Whose work is on screen (ADR 0013): one entry per shown layer that holds records — swatch,
 * name, role, "(you)" for the reader's own — in the colours every view marks them with. Renders
 * nothing while the reader's own work is all there is.
 */
@customElement('cr-layer-legend')
export class CrLayerLegend extends LitElement {
  static override styles = [
    layerMarkStyles,
    css`
      :host { display: block; font: 0.78rem var(--cr-sans); color: var(--cr-ink-soft); }
      :host([hidden]) { display: none; }
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; align-items: center; }
      .title { font-weight: 600; color: var(--cr-ink); }
      li { display: inline-flex; align-items: center; gap: 0.3rem; }
    `,
  ];

  readonly #data = new StoreController(this);

  protected override willUpdate(): void {
    // Takes no room in the layout while there is nothing to tell apart.
    this.hidden = legendLayers(looksOf(this.#data.store)).length === 0;
  }

  override render() {
    const layers = legendLayers(looksOf(this.#data.store));
    if (!layers.length) return nothing;
    return html`<ul aria-label="Maps shown"><li class="title" aria-hidden="true">Maps:</li>${layers.map(legendEntry)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-layer-legend': CrLayerLegend;
  }
}
