import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SourceRecord } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';
import { detailFields, readDetails } from './source-details.ts';

/** The editing of a source's details ended: saved, or cancelled. */
export class SourceEditEndEvent extends Event {
  static readonly eventName = 'cr-source-edit-end';
  constructor() {
    super(SourceEditEndEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The title, authors and year of a source of the reader's own, changed in place on its library
 * card as one undoable action. The text is not editable: the source's id and every passage's
 * place depend on it (to change it, add the new text as another source).
 *
 * @fires cr-notify - the details were changed (with the undo handle)
 * @fires cr-source-edit-end - saved or cancelled; the card puts focus back
 */
@customElement('cr-edit-source')
export class CrEditSource extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; position: relative; z-index: 1; }
      form { margin-top: 0.6rem; padding: 0.8rem 0.9rem; border: 1px solid var(--cr-rule); border-radius: 8px; background: var(--cr-card); }
      input[name='year'] { width: 6rem; }
    `,
  ];

  @property({ attribute: false }) accessor source: SourceRecord | undefined;
  @state() private accessor error = '';
  @query('form') private accessor form!: HTMLFormElement;

  readonly #data = new StoreController(this);

  protected override firstUpdated(): void {
    const title = this.renderRoot.querySelector<HTMLInputElement>('input[name=title]');
    title?.focus();
    title?.select();
  }

  override render() {
    if (!this.source) return nothing;
    return html`<form aria-label="Details of “${this.source.title}”" @submit=${this.#onSubmit} @keydown=${this.#onKey} novalidate>
      ${detailFields(this.source)}
      <p class="hint">The text stays as it is: your passages on it are placed by it.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="primary">Save</button>
        <button type="button" @click=${this.#end}>Cancel</button>
      </div>
    </form>`;
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.#end();
  }

  #end(): void {
    this.dispatchEvent(new SourceEditEndEvent());
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const store = this.#data.store;
    const source = this.source;
    if (!store || !source) return;
    const details = readDetails(new FormData(this.form));
    if ('error' in details) {
      this.error = details.error;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[name=${details.field}]`)?.focus();
      return;
    }
    try {
      const edited = await store.updateSource(source.id, { ...details, year: details.year ?? null });
      if (edited.value !== source) this.dispatchEvent(new NotifyEvent(`Changed the details of “${edited.value.title}”`, edited));
      this.#end();
    } catch (err) {
      this.error = (err as Error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-edit-source': CrEditSource;
  }
  interface HTMLElementEventMap {
    [SourceEditEndEvent.eventName]: SourceEditEndEvent;
  }
}
