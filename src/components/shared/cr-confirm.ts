import { LitElement, html, css, nothing } from 'lit';
import { customElement, state, query } from 'lit/decorators.js';

/** One button of a confirmation. */
export interface ConfirmAction {
  label: string;
  value: string;
  primary?: boolean;
}

/** What to ask. */
export interface ConfirmRequest {
  title: string;
  message: string;
  /** Things affected, listed under the message. */
  items?: readonly string[];
  actions: readonly ConfirmAction[];
}

/**
 * A modal question with a few answers. `ask()` resolves with the chosen action's value, or
 * null when dismissed (Escape, Cancel).
 */
@customElement('cr-confirm')
export class CrConfirm extends LitElement {
  static override styles = css`
    dialog { border: 1px solid var(--cr-rule); border-radius: 10px; background: var(--cr-card); color: var(--cr-ink); padding: 1.2rem 1.4rem; max-width: 32rem; font: 0.92rem/1.5 var(--cr-sans); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.6rem; font-size: 1.1rem; }
    ul { margin: 0.4rem 0 0.8rem; padding-left: 1.2rem; color: var(--cr-ink-soft); }
    .actions { display: flex; gap: 0.5rem; justify-content: flex-end; flex-wrap: wrap; margin-top: 1rem; }
    button { font: 600 0.85rem var(--cr-sans); padding: 0.45rem 0.9rem; border-radius: 6px; border: 1px solid var(--cr-rule); background: var(--cr-bg); color: var(--cr-ink); cursor: pointer; }
    button.primary { background: var(--cr-accent); border-color: var(--cr-accent); color: #fff; }
    button:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
  `;

  @state() private accessor request: ConfirmRequest | undefined;
  @query('dialog') private accessor dialog!: HTMLDialogElement;
  #resolve: ((v: string | null) => void) | undefined;

  /** Show the question; resolves with the answer's value or null. */
  async ask(request: ConfirmRequest): Promise<string | null> {
    this.#resolve?.(null);
    this.request = request;
    await this.updateComplete;
    this.dialog.showModal();
    (this.dialog.querySelector('button.primary') as HTMLButtonElement | null)?.focus();
    return new Promise((ok) => (this.#resolve = ok));
  }

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="confirm-title" @close=${this.#closed}>
      ${r
        ? html`<h2 id="confirm-title">${r.title}</h2>
            <p>${r.message}</p>
            ${r.items?.length ? html`<ul>${r.items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
            <form method="dialog" class="actions">
              <button value="">Cancel</button>
              ${r.actions.map((a) => html`<button value=${a.value} class=${a.primary ? 'primary' : ''}>${a.label}</button>`)}
            </form>`
        : nothing}
    </dialog>`;
  }

  #closed(): void {
    const v = this.dialog.returnValue;
    this.dialog.returnValue = '';
    this.#resolve?.(v || null);
    this.#resolve = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-confirm': CrConfirm;
  }
}
