import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { badgeStyles } from './relations.ts';
import { controlStyles } from './control-styles.ts';

/** What to ask. */
export interface Question {
  title: string;
  /** What will happen, e.g. the links that go with a claim. */
  body: TemplateResult | string;
  /** Label of the button that does it, e.g. "Delete claim". */
  confirm: string;
  /** Style the confirm button as destructive. */
  danger?: boolean;
}

/**
 * A modal yes/no question (native `<dialog>`). `ask()` resolves true when the
 * user confirms, false on Cancel or Escape. Focus starts on Cancel, so Enter
 * alone never destroys anything, and returns where it was when the dialog closes.
 */
@customElement('cr-confirm-dialog')
export class CrConfirmDialog extends LitElement {
  static override styles = [controlStyles, badgeStyles];

  @state() private accessor question: Question | undefined;

  @query('dialog') private accessor dialog!: HTMLDialogElement;

  #answer: ((yes: boolean) => void) | undefined;

  /** Shows the question; resolves with the answer. A second question replaces the first (answered no). */
  async ask(question: Question): Promise<boolean> {
    this.#answer?.(false);
    this.question = question;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus();
    return new Promise((resolve) => (this.#answer = resolve));
  }

  override render() {
    const q = this.question;
    return html`<dialog aria-labelledby="title" aria-describedby="body" @close=${this.#onClose}>
      ${q
        ? html`<h2 id="title">${q.title}</h2>
            <div id="body">${q.body}</div>
            <form method="dialog" class="actions">
              <button class="cancel" value="no">Cancel</button>
              <button class=${q.danger ? 'danger confirm' : 'primary confirm'} value="yes">${q.confirm}</button>
            </form>`
        : ''}
    </dialog>`;
  }

  #onClose(): void {
    // A close event is queued: it may arrive after the dialog was shown again for a new question.
    if (this.dialog.open) return;
    const answer = this.#answer;
    this.#answer = undefined;
    answer?.(this.dialog.returnValue === 'yes');
    this.dialog.returnValue = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-confirm-dialog': CrConfirmDialog;
  }
}
