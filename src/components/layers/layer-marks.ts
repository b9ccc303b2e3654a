/**
 * The marks that say whose work a record is (ADR 0013), shared by every view: a swatch in the
 * layer's colour beside its name, the legend's entries, and the read-only line of a card of
 * another layer. The name is always written out: colour is never the only cue.
 */
import { css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { readOnlyLine, type LayerLook } from './layer-look.ts';

/** A swatch in the layer's colour (decorative: the name beside it says it). */
export const swatch = (look: LayerLook) => html`<span class="layer-swatch" aria-hidden="true" style=${styleMap({ background: look.colour })}></span>`;

/** Swatch and "Ana’s map", e.g. in a card's meta line; nothing for the reader's own layer. */
export function layerTag(look: LayerLook | undefined) {
  if (!look) return nothing;
  return html`<span class="layer-tag" data-layer=${look.id}>${swatch(look)}<span>${look.from}</span></span>`;
}

/** One legend entry: swatch, name, role, "(you)" for the reader's own. */
export function legendEntry(look: LayerLook) {
  return html`<li class="layer-entry" data-layer=${look.id}>${swatch(look)}
    <span class="layer-name">${look.name}</span>${look.local && look.name !== 'You' ? html` <span class="layer-you">(you)</span>` : nothing}${look.role
      ? html` <span class="layer-role">${look.role}</span>` : nothing}</li>`;
}

/**
 * A card of another layer: "From Ana’s map (read-only)" in place of its edit controls, and
 * what the reader may still do with it (`actions`, e.g. "Link a claim of mine").
 */
export function readOnlyNote(look: LayerLook, actions: unknown = nothing) {
  return html`<p class="read-only">${swatch(look)}<span>${readOnlyLine(look)}</span>${actions}</p>`;
}

/** Styles of the marks, for every shadow root that renders them. */
export const layerMarkStyles = css`
  .layer-swatch { display: inline-block; flex: none; width: 0.7rem; height: 0.7rem; border-radius: 2px; vertical-align: -0.05rem;
    box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.25); }
  .layer-tag, .read-only { display: inline-flex; align-items: center; gap: 0.3rem; }
  .layer-tag { font-size: 0.74rem; color: var(--cr-ink-soft); }
  .read-only { flex-wrap: wrap; margin: 0.4rem 0 0; font-size: 0.8rem; color: var(--cr-ink-soft); }
  /* The line's text wraps beside its swatch (in a narrow column it would otherwise drop below it); actions may wrap below. */
  .read-only > span:not(.layer-swatch) { flex: 1 1 10rem; min-width: 0; }
  .layer-role { color: var(--cr-ink-faint); font-size: 0.9em; }
`;
