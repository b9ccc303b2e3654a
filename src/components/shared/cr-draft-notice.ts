import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from './control-styles.ts';

/** One field whose text in the editor differs from the stored one. */
export interface DraftDifference {
  /** What the reader calls the field ("Statement"). */
  label: string;
  /** The editor's text. */
  mine: string;
  /** The stored text (another tab's). */
  theirs: string;
}

/**
 * What the reader chose in the notice: save their text over the record, or take the stored
 * one; for a record deleted in another tab, add it back with their text, or close the editor.
 */
export type DraftChoice = 'mine' | 'theirs' | 'restore' | 'discard';

/** Fired by `<cr-draft-notice>` when the reader makes a choice. */
export class DraftChoiceEvent extends Event {
  static readonly eventName = 'cr-draft-choice';
  constructor(readonly choice: DraftChoice) {
    super(DraftChoiceEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * What an editor says when its save was refused or its record changed under it. Changed (in
 * another tab, or a save refused as a conflict): a status message and three choices, "Keep
 * mine" (save the editor's text), "Take theirs" (drop it for the stored one) and "See both"
 * (the two texts as inert text, side by side when there is room, to copy from one to the
 * other). Deleted in another tab: a status message, "Restore with my text" and "Discard".
 * Any other refusal: its message as an alert. It never takes focus: the reader keeps
 * typing where they were. Rendered inside the editor's form, by `EditDraft.notice()`.
 *
 * @fires cr-draft-choice - "Keep mine", "Take theirs", "Restore with my text" or "Discard" was chosen
 */
@customElement('cr-draft-notice')
export class CrDraftNotice extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      [role='status'] p { margin: 0; padding: 0.4rem 0.55rem; border-left: 3px solid var(--cr-accent); background: var(--cr-panel); font-size: 0.82rem; }
      .choices { margin-top: 0.4rem; }
      .both { display: grid; gap: 0.6rem; margin-top: 0.5rem; }
      .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem; }
      h4 { margin: 0 0 0.25rem; font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); }
      figure { margin: 0; }
      figcaption { font-size: 0.75rem; color: var(--cr-ink-soft); }
      .text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--cr-rule); border-radius: 5px; padding: 0.35rem 0.45rem; font-size: 0.85rem; user-select: text; }
      .empty { color: var(--cr-ink-faint); font-style: italic; }
    `,
  ];

  /** What is edited, in the reader's words ("claim", "event"). */
  @property() accessor what = 'record';
  /** The record changed under the editor, or a save was refused because of another tab. */
  @property({ type: Boolean }) accessor conflicted = false;
  /** Another tab deleted the record while it was being edited. */
  @property({ type: Boolean }) accessor deleted = false;
  /** The fields whose text differs from the stored one, for "See both". */
  @property({ attribute: false }) accessor differences: readonly DraftDifference[] = [];
  /** Why the last save was refused, when not a conflict. */
  @property() accessor error = '';

  @state() private accessor both = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conflicted') && !this.conflicted) this.both = false;
  }

  override render() {
    return html`<div role="status">${this.deleted
        ? html`<p>This ${this.what} was deleted in another tab while you were editing it. Your text is kept: restore the ${this.what} with your text, or discard it.</p>`
        : this.conflicted
          ? html`<p>This ${this.what} was changed in another tab while you were editing it. Your text is kept: keep yours, take theirs, or see both.</p>`
          : nothing}</div>
      ${this.deleted ? this.#deletedChoices() : this.conflicted ? this.#choices() : nothing}
      ${this.conflicted && !this.deleted && this.both ? this.#both() : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}`;
  }

  #choices() {
    return html`<div class="actions choices" role="group" aria-label="Changed in another tab">
        <button type="button" class="mine" title="Save your text over the other tab's" @click=${() => this.#choose('mine')}>Keep mine</button>
        <button type="button" class="theirs" title="Drop your text and edit the other tab's" @click=${() => this.#choose('theirs')}>Take theirs</button>
        <button type="button" class="see-both" aria-expanded=${this.both ? 'true' : 'false'} aria-controls="both"
          @click=${() => (this.both = !this.both)}>${this.both ? 'Hide both' : 'See both'}</button>
      </div>`;
  }

  #deletedChoices() {
    return html`<div class="actions choices" role="group" aria-label="Deleted in another tab">
        <button type="button" class="restore" title="Add the ${this.what} back, with your text" @click=${() => this.#choose('restore')}>Restore with my text</button>
        <button type="button" class="discard" title="Close the editor; your text is dropped" @click=${() => this.#choose('discard')}>Discard</button>
      </div>`;
  }

  #both() {
    const text = (t: string) => (t.trim() ? html`<div class="text">${t}</div>` : html`<div class="text empty">(empty)</div>`);
    return html`<div class="both" id="both">
      ${this.differences.length
        ? this.differences.map((d) => html`<section>
            <h4>${d.label}</h4>
            <div class="pair">
              <figure class="mine"><figcaption>Yours</figcaption>${text(d.mine)}</figure>
              <figure class="theirs"><figcaption>Saved in the other tab</figcaption>${text(d.theirs)}</figure>
            </div>
          </section>`)
        : html`<p class="hint">Your text and the saved one are the same.</p>`}
    </div>`;
  }

  #choose(choice: DraftChoice): void {
    this.dispatchEvent(new DraftChoiceEvent(choice));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-draft-notice': CrDraftNotice;
  }
  interface HTMLElementEventMap {
    [DraftChoiceEvent.eventName]: DraftChoiceEvent;
  }
}
