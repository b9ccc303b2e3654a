import { LitElement, html, css, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { layerRemovalMessage, type LayerRemoval, type LayerView } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import { NotifyEvent } from '../shared/events.ts';
import { layerColour } from '../shared/layer-colours.ts';
import { StoreController } from '../store/store-controller.ts';
import '../shared/cr-confirm-dialog.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "12 claims, 30 passages, 8 links, 1 event": what a layer holds (events only when it has some). */
export function layerCounts(c: LayerView['counts']): string {
  return [plural(c.claims, 'claim'), plural(c.annotations, 'passage'), plural(c.links, 'link'), ...(c.events ? [plural(c.events, 'event')] : [])].join(', ');
}

const ROLE = { instructor: 'Instructor', student: 'Student' } as const;

/**
 * The maps in this browser as layers (ADR 0013): the reader's own, and one per map they
 * imported, each with its colour, author, role, course and what it holds. Another layer can be
 * shown or hidden (its records leave every view, and stay stored) and removed with what of the
 * reader's own work would dangle, after a question naming all of it; both are undoable from
 * the toast.
 *
 * @fires cr-notify - after showing, hiding or removing a layer, with its undo handle; or why it was refused
 */
@customElement('cr-layers')
export class CrLayers extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      p { margin: 0 0 0.7rem; max-width: 62ch; }
      ul { list-style: none; margin: 0; padding: 0; }
      ul:focus, .empty:focus { outline: none; }
      li { display: grid; grid-template-columns: auto 1fr auto; gap: 0.2rem 0.8rem; align-items: center; padding: 0.6rem 0; border-top: 1px solid var(--cr-rule); }
      li:first-child { border-top: 0; }
      .swatch { width: 0.9rem; height: 0.9rem; border-radius: 50%; border: 1px solid var(--cr-rule); align-self: start; margin-top: 0.25rem; }
      .name { font-weight: 600; }
      .about { color: var(--cr-ink-soft); font-size: 0.85rem; }
      li[data-hidden] .name, li[data-hidden] .about { color: var(--cr-ink-faint); }
      .controls { display: flex; gap: 0.8rem; align-items: center; }
      label { display: inline-flex; gap: 0.3rem; align-items: center; cursor: pointer; }
    `,
  ];

  @query('cr-confirm-dialog') private accessor confirm!: CrConfirmDialog;
  @query('ul, .empty') private accessor focusTarget!: HTMLElement | null;

  readonly #data = new StoreController(this);

  override render() {
    const layers = this.#data.store?.layers() ?? [];
    const others = layers.filter((l) => !l.local);
    return html`${others.length === 0
        ? html`<p class="empty" tabindex="-1">Imported maps appear here as layers: an instructor’s map, students’ maps, annotations from Hypothesis.
            Each can be shown, hidden or removed as a whole; your own map stays yours to edit.</p>`
        : html`<p>Maps from others are read-only here: link your own claims to theirs, or cite their passages as your evidence.</p>
            <ul aria-label="Layers" tabindex="-1">${layers.map((l) => this.#row(l))}</ul>`}
      <cr-confirm-dialog></cr-confirm-dialog>`;
  }

  #row(l: LayerView) {
    const about = [l.local ? 'Your map' : ROLE[l.role], l.course, layerCounts(l.counts)].filter(Boolean).join(' · ');
    return html`<li data-layer=${l.id} ?data-hidden=${l.hidden}>
      <span class="swatch" style="background: ${layerColour(l.colour)}" aria-hidden="true"></span>
      <div><div class="name">${l.name}${l.local ? ' (you)' : ''}</div><div class="about">${about}${l.hidden ? ' · hidden' : ''}</div></div>
      ${l.local ? html`<span></span>` : html`<div class="controls">
        <label><input type="checkbox" .checked=${!l.hidden} @change=${(e: Event) => void this.#show(l, (e.target as HTMLInputElement).checked)}
          aria-label="Show ${l.name}’s map" />Show</label>
        <button type="button" aria-label="Remove ${l.name}’s map…" @click=${() => void this.#remove(l)}>Remove…</button>
      </div>`}
    </li>`;
  }

  async #show(l: LayerView, show: boolean): Promise<void> {
    const store = this.#data.store;
    if (!store) return;
    try {
      const done = await store.setLayerHidden(l.id, !show);
      this.dispatchEvent(new NotifyEvent(show ? `Showing ${l.name}’s map` : `${l.name}’s map hidden`, done));
    } catch (err) {
      this.requestUpdate();
      this.dispatchEvent(new NotifyEvent((err as Error).message));
    }
  }

  async #remove(l: LayerView): Promise<void> {
    const store = this.#data.store;
    if (!store) return;
    let preview: LayerRemoval;
    try {
      preview = store.previewRemoveLayer(l.id);
    } catch (err) {
      this.dispatchEvent(new NotifyEvent((err as Error).message));
      return;
    }
    const yours = [
      ...(preview.yoursRemoved.links ? [`${plural(preview.yoursRemoved.links, 'link')} of yours to its claims`] : []),
      ...(preview.yoursUpdated.claims ? [`its passages from the evidence of ${plural(preview.yoursUpdated.claims, 'claim')} of yours`] : []),
      ...(preview.yoursUpdated.annotations ? [`its events from ${plural(preview.yoursUpdated.annotations, 'passage')} of yours`] : []),
    ];
    const ok = await this.confirm.ask({
      title: `Remove ${l.name}’s map?`,
      body: html`<p>Its ${layerCounts(preview.removed)} are removed from this browser.</p>
        ${yours.length ? html`<p>So that nothing of yours points at what is gone, also removed:</p><ul class="gone">${yours.map((y) => html`<li>${y}</li>`)}</ul>` : nothing}
        <p>To see it again, import the map again. You can undo this.</p>`,
      confirm: 'Remove map',
      danger: true,
    });
    if (!ok) return;
    try {
      const done = await store.removeLayer(l.id);
      this.dispatchEvent(new NotifyEvent(layerRemovalMessage(done.value), done));
      // The row is gone: focus stays in the list, where the next layer's controls are.
      await this.updateComplete;
      this.focusTarget?.focus();
    } catch (err) {
      this.dispatchEvent(new NotifyEvent((err as Error).message));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-layers': CrLayers;
  }
}
