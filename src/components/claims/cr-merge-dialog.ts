import { LitElement, html, css, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { NotifyEvent } from '../shared/events.ts';
import { ClaimSelectEvent, type ClaimPickEvent } from './claim-events.ts';
import { StoreController } from '../store/store-controller.ts';
import { controlStyles } from '../shared/control-styles.ts';
import type { CrClaimPicker } from './cr-claim-picker.ts';
import { claimName, count } from '../../map/words.ts';
import './cr-claim-picker.ts';

/**
 * "Merge into…": merges a duplicate claim into another one, chosen with the
 * picker. Before anything happens, the dialog says what the merge does; the
 * merge is one undoable step (Undo in the toast).
 *
 * @fires cr-notify - after merging ("Merged into “…”", with Undo)
 * @fires cr-claim-select - after merging, to show the claim that was kept
 */
@customElement('cr-merge-dialog')
export class CrMergeDialog extends LitElement {
  static override styles = [
    controlStyles,
    css`
      .quote { font: italic 0.92rem/1.4 var(--cr-serif); }
      ul { margin: 0.4rem 0; padding-left: 1.2rem; font-size: 0.85rem; }
      li { margin: 0.15rem 0; }
      form { margin-top: 0.5rem; }
    `,
  ];


  @state() private accessor drop = '';
  @state() private accessor keep = '';
  @state() private accessor error = '';

  @query('dialog') private accessor dialog!: HTMLDialogElement;
  @query('cr-claim-picker') private accessor picker!: CrClaimPicker;

  readonly #data = new StoreController(this);

  /** Opens the dialog to merge claim `claimId` into another. */
  async open(claimId: string): Promise<void> {
    this.drop = claimId;
    this.keep = '';
    this.error = '';
    await this.updateComplete;
    this.picker.clear();
    this.dialog.showModal();
    this.picker.focus();
  }

  override render() {
    const drop = this.#data.store?.getClaim(this.drop);
    return html`<dialog aria-labelledby="merge-title">
      <h2 id="merge-title">Merge this claim into another</h2>
      <p class="quote">“${drop?.statement ?? ''}”</p>
      <form @submit=${this.#merge}>
        <cr-claim-picker .exclude=${[this.drop]} mine label="Merge into" placeholder="Find the claim this one duplicates…"
          @cr-claim-pick=${(e: ClaimPickEvent) => { this.keep = e.claimId; this.error = ''; }}
          @input=${() => (this.keep = '')}></cr-claim-picker>
        <div id="result" aria-live="polite">${this.#explain()}</div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>Cancel</button>
          <button class="primary" aria-describedby="result">Merge claims</button>
        </div>
      </form>
    </dialog>`;
  }

  #explain() {
    const store = this.#data.store;
    const keep = store?.getClaim(this.keep);
    if (!store || !keep) return html`<p class="hint">Pick the claim to keep. This claim’s passages, tags, events, notes and links will move to it.</p>`;
    const passages = store.getClaim(this.drop)?.evidence.length ?? 0;
    const links = store.linksOf(this.drop).length;
    return html`<p>The result is one claim, “${keep.statement}”:</p>
      <ul>
        <li>${count(passages, 'passage')} of this claim join its evidence (a passage both cite keeps the kept claim’s stance);</li>
        <li>tags, events and notes are united; the kept claim’s statement stays;</li>
        <li>${count(links, 'link')} of this claim move to it, except links that would repeat one it has or link it to itself;</li>
        <li>this claim is removed. You can undo the merge.</li>
      </ul>`;
  }

  async #merge(e: Event): Promise<void> {
    e.preventDefault();
    const store = this.#data.store;
    if (!store) return;
    if (!this.keep) {
      this.error = 'Choose the claim to merge into first.';
      this.picker.focus();
      return;
    }
    try {
      const merged = await store.mergeClaims(this.keep, this.drop);
      this.dialog.close();
      this.dispatchEvent(new ClaimSelectEvent(merged.value.id));
      this.dispatchEvent(new NotifyEvent(`Merged into ${claimName(merged.value.statement)}`, merged));
    } catch (err) {
      this.error = (err as Error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-merge-dialog': CrMergeDialog;
  }
}
