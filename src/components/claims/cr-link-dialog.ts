import { LitElement, html, css } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { LINK_RELATIONS, type LinkRelation } from '../../store/index.ts';
import { NotifyEvent } from '../shared/events.ts';
import { fieldText } from '../shared/form-fields.ts';
import { RELATION_LOOK, badge, badgeStyles } from '../shared/relations.ts';
import type { ClaimPickEvent } from './claim-events.ts';
import { StoreController } from '../store/store-controller.ts';
import { controlStyles } from '../shared/control-styles.ts';
import type { CrClaimPicker } from './cr-claim-picker.ts';
import { RELATION_WORDS, claimName, relationMeaning } from '../../map/words.ts';
import './cr-claim-picker.ts';

/**
 * "Link to…": a modal form linking one claim to another: the other claim
 * (picker), the relation (radio group; each says which way it points) and a
 * rationale. Opened on a claim of another layer (ADR 0013: read-only here), it links a claim
 * of the reader's own to it instead: the picker offers only theirs, and the link is theirs. A link the store refuses (a duplicate) shows the store's message
 * inline and keeps everything typed. Escape or Cancel closes without saving.
 *
 * @fires cr-notify - after saving ("Linked: “…” supports “…”", with Undo)
 */
@customElement('cr-link-dialog')
export class CrLinkDialog extends LitElement {
  static override styles = [
    controlStyles,
    badgeStyles,
    css`
      .from { margin: 0 0 0.6rem; font: italic 0.92rem/1.4 var(--cr-serif); }
      .relations { display: grid; gap: 0.35rem; }
      .relations label { display: grid; grid-template-columns: auto 1fr; column-gap: 0.45rem; align-items: center; color: var(--cr-ink); font-size: 0.85rem; }
      .relations .badge { justify-self: start; }
      .relations .hint { grid-column: 2; }
    `,
  ];


  @state() private accessor from = '';
  @state() private accessor to = '';
  /** The claim opened on is another layer's: the picker chooses the reader's claim that links to it. */
  @state() private accessor towards = false;
  @state() private accessor error = '';
  @state() private accessor busy = false;

  @query('dialog') private accessor dialog!: HTMLDialogElement;
  @query('form') private accessor form!: HTMLFormElement;
  @query('cr-claim-picker') private accessor picker!: CrClaimPicker;

  readonly #data = new StoreController(this);

  /** Opens the dialog to link claim `claimId` to another, with an empty form; with `to` (a
   * link drawn on the map) the other claim is chosen already and focus starts on the relation. */
  async open(claimId: string, to = ''): Promise<void> {
    const store = this.#data.store;
    this.towards = !to && !!store && store.getClaim(claimId)?.layer !== store.localLayer;
    this.from = this.towards ? '' : claimId;
    this.to = this.towards ? claimId : to;
    this.error = '';
    await this.updateComplete;
    this.form.reset();
    this.picker.clear();
    if (to) this.picker.show(to);
    // (Towards another layer's claim, the picker starts empty: the reader chooses their own.)
    this.dialog.showModal();
    if (to) this.renderRoot.querySelector<HTMLInputElement>('input[name=relation]:checked')?.focus();
    else this.picker.focus();
  }

  override render() {
    const towards = this.towards;
    const statement = this.#data.store?.getClaim(towards ? this.to : this.from)?.statement ?? '';
    const meaning = (r: LinkRelation) => (towards ? relationMeaning(r, 'Your claim', 'this one') : relationMeaning(r));
    return html`<dialog aria-labelledby="link-title">
      <h2 id="link-title">${towards ? 'Link a claim of yours to this one' : 'Link this claim to another'}</h2>
      <p class="from">“${statement}”</p>
      <form @submit=${this.#save}>
        <cr-claim-picker .exclude=${[towards ? this.to : this.from]} ?mine=${towards} label=${towards ? 'Your claim' : 'Other claim'}
          placeholder="Type words of its statement, a tag or a quote…"
          @cr-claim-pick=${(e: ClaimPickEvent) => { this.#pick(e.claimId); this.error = ''; }}
          @input=${() => this.#pick('')}></cr-claim-picker>
        <fieldset>
          <legend>Relation</legend>
          <div class="relations">
            ${LINK_RELATIONS.map((r, i) => html`<label>
              <input type="radio" name="relation" value=${r} ?checked=${i === 0} />
              ${badge(RELATION_LOOK[r])}
              <span class="hint">${meaning(r)}</span>
            </label>`)}
          </div>
        </fieldset>
        <label>Rationale (why the relation holds; light Markdown)
          <textarea name="rationale" maxlength="100000"></textarea>
        </label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>Cancel</button>
          <button class="primary" ?disabled=${this.busy}>Save link</button>
        </div>
      </form>
    </dialog>`;
  }

  #pick(id: string): void {
    if (this.towards) this.from = id;
    else this.to = id;
  }

  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const store = this.#data.store;
    if (!store) return;
    if (!this.to || !this.from) {
      this.error = this.towards
        ? 'Choose your claim first: type in “Your claim” and pick one from the list.'
        : 'Choose the other claim first: type in “Other claim” and pick one from the list.';
      this.picker.focus();
      return;
    }
    const data = new FormData(this.form);
    this.busy = true;
    try {
      const linked = await store.createLink({
        relation: data.get('relation') as LinkRelation,
        from: this.from,
        to: this.to,
        rationale: fieldText(data, 'rationale'),
      });
      this.dialog.close();
      // Named, as toasts stack: two "Claims linked" would not say whose Undo is whose.
      const said = (id: string) => claimName(store.getClaim(id)?.statement ?? '', 40);
      this.dispatchEvent(new NotifyEvent(`Linked: ${said(this.from)} ${RELATION_WORDS[linked.value.relation].active} ${said(this.to)}`, linked));
    } catch (err) {
      this.error = (err as Error).message;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-link-dialog': CrLinkDialog;
  }
}
