import { html, nothing } from 'lit';
import type { CrossreadStore } from '../../store/index.ts';

/**
 * "4 claims in hidden maps are not shown. Layers": said where claims are listed, so a hidden
 * layer never looks like lost work (ADR 0013), with the way to the layers panel. Nothing when
 * no claim is hidden.
 */
export function hiddenNote(store: CrossreadStore | undefined) {
  if (!store) return nothing;
  let n = 0;
  for (const c of store.claims.values()) if (!store.isShown(c)) n++;
  if (n === 0) return nothing;
  return html`<p class="hidden-note">${n === 1 ? '1 claim' : `${n} claims`} in hidden maps ${n === 1 ? 'is' : 'are'} not shown.
    <a href="#/settings">Show or hide maps in Settings › Layers</a></p>`;
}
