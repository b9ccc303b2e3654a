/** The map view's page furniture: its layout styles and its two empty states. */
import { css, html } from 'lit';
import { routeHash } from '../../app/route.ts';

/** Layout of the map view: the bar of controls, the map and the claim beside it, the legend. */
export const mapViewStyles = css`
    :host { display: block; }
    .view { display: grid; grid-template-rows: auto minmax(0, 1fr); height: calc(100dvh - 3.25rem); }
    .bar { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: end; padding: 0.6rem 1.2rem; border-bottom: 1px solid var(--cr-rule); }
    .bar h1 { font: 700 1.15rem/1.2 var(--cr-sans); margin: 0 0.6rem 0.2rem 0; }
    .bar select { max-width: 12rem; }
    .tools { display: flex; gap: 0.35rem; align-items: end; margin-left: auto; }
    .shown, .hidden-note { color: var(--cr-ink-faint); font-size: 0.8rem; margin: 0 0 0.3rem; }
    .body { display: grid; grid-template-columns: minmax(0, 1fr) auto; min-height: 0; }
    .stage { position: relative; min-height: 0; display: grid; }
    cr-map-canvas { min-height: 0; height: 100%; }
    aside { width: 24rem; max-width: 40vw; overflow: auto; border-left: 1px solid var(--cr-rule); padding: 0.8rem; background: var(--cr-bg); }
    aside .close { float: right; }
    .legend svg.defs { position: absolute; }
    .legend summary { cursor: pointer; font-weight: 600; color: var(--cr-ink); }
    .legend ul { margin: 0.3rem 0 0; padding: 0; list-style: none; display: grid; gap: 0.15rem; }
    .legend { position: absolute; left: 0.6rem; bottom: 0.6rem; padding: 0.45rem 0.7rem;
      background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px; font: 0.75rem var(--cr-sans); color: var(--cr-ink-soft); box-shadow: var(--cr-shadow); }
    .legend li { display: flex; align-items: center; gap: 0.4rem; }
    .legend .dot { display: inline-grid; place-items: center; width: 15px; height: 15px; border-radius: 50%; color: #fff; font: 700 9px var(--cr-sans); }
    .legend .dot.neg { background: var(--cr-neg); }
    .legend .pill { font: 600 9.5px var(--cr-sans); border: 1px solid var(--cr-rule); background: var(--cr-panel); border-radius: 8px; padding: 0 0.35rem; }
    .empty { margin: 2rem auto; max-width: 36rem; background: var(--cr-card); border: 1px dashed var(--cr-rule); border-radius: 8px; padding: 1rem 1.2rem; color: var(--cr-ink-soft); line-height: 1.55; align-self: start; }
    .empty h2 { font-size: 1rem; color: var(--cr-ink); margin: 0 0 0.4rem; }
    .busy { position: absolute; top: 0.6rem; right: 0.6rem; margin: 0; font-size: 0.8rem; color: var(--cr-ink-faint); }
  `;

/** Shown when there are no claims at all: what a claim is and the way to make one. */
export function noClaims() {
  return html`<div class="empty"><h2>No claims to map yet</h2>
    <p>The map draws your claims and the links between them. To make a claim, open a source from the <a href="#/">Library</a>,
      select a passage and press <kbd>C</kbd>; link claims from the <a href=${routeHash({ view: 'claims' })}>Claims</a> view or here, by dragging from one to another.</p></div>`;
}

/** Shown when the filters leave nothing: clear them (`clear`) or go to the claims list. */
export function noMatch(clear: () => void) {
  return html`<div class="empty"><h2>No claim matches these filters</h2>
    <p><button type="button" @click=${clear}>Clear filters</button> or see every claim in the
      <a href=${routeHash({ view: 'claims' })}>Claims</a> view.</p></div>`;
}
