import { LitElement, html, css, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { prepareSource } from '../../app/own-sources.ts';
import { routeHash } from '../../app/route.ts';
import { MAX_SOURCE_CHARS } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { fieldText } from '../shared/form-fields.ts';
import { NotifyEvent } from '../shared/events.ts';
import { detailFields, readDetails } from './source-details.ts';
import { StoreController } from '../store/store-controller.ts';

/**
 * "Add a source" (ADR 0014): a Markdown or plain-text file, or pasted text, with title, authors
 * and year. The text is read and checked in the worker that reads any user file (`open-file.ts`),
 * then stored as one undoable action; the reader opens it. Every refusal is said beside the form,
 * which keeps what was typed.
 *
 * @fires cr-notify - the source was added (with its undo handle)
 */
@customElement('cr-add-source')
export class CrAddSource extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      form { max-width: 40rem; margin-top: 0.8rem; padding: 1rem 1.1rem; border: 1px solid var(--cr-rule); border-radius: 8px; background: var(--cr-card); }
      .or { margin: 0; color: var(--cr-ink-soft); font-size: 0.8rem; }
      textarea[name='text'] { min-height: 8rem; font-family: var(--cr-mono, monospace); }
      input[name='year'] { width: 6rem; }
      .toggle { font: 600 0.9rem var(--cr-sans); padding: 0.5rem 0.9rem; border-radius: 6px; }
    `,
  ];

  /** Whether the form is shown. */
  @state() private accessor open = false;
  @state() private accessor error = '';
  /** What is being read, while the worker reads it. */
  @state() private accessor busy = '';

  @query('form') private accessor form!: HTMLFormElement;

  readonly #data = new StoreController(this);
  #abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  override render() {
    return html`<button type="button" class="toggle" aria-expanded=${this.open} @click=${this.#toggle}>Add a source…</button>
      ${this.open ? this.#form() : nothing}`;
  }

  #form() {
    return html`<form aria-label="Add a source" @submit=${this.#onSubmit} @keydown=${this.#onKey} novalidate>
      <label>File (Markdown .md or plain text .txt)
        <input type="file" name="file" accept=".md,.markdown,.txt,text/markdown,text/plain" @change=${this.#onFile} /></label>
      <p class="or">or paste the text</p>
      <label>Text<textarea name="text" spellcheck="false"></textarea></label>
      <label>Pasted text is
        <select name="format"><option value="markdown">Markdown</option><option value="text">Plain text</option></select></label>
      ${detailFields()}
      <p class="hint">Up to ${MAX_SOURCE_CHARS / 1048576} MB of text. It is kept in this browser, listed in the library, and travels with any map that cites it.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.busy ? html`<p class="hint" role="status">Reading ${this.busy}…</p>` : nothing}
      <div class="actions">
        <button class="primary" ?disabled=${!!this.busy}>Add to library</button>
        <button type="button" @click=${this.#cancel}>${this.busy ? 'Stop' : 'Cancel'}</button>
      </div>
    </form>`;
  }

  async #toggle(): Promise<void> {
    this.open = !this.open;
    this.error = '';
    if (!this.open) return this.#abort?.abort();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name=file]')?.focus();
  }

  // A file chosen with no title yet: its name is a good start.
  #onFile(e: Event): void {
    const file = (e.target as HTMLInputElement).files?.[0];
    const title = this.form.elements.namedItem('title') as HTMLInputElement;
    if (file && !title.value.trim()) title.value = file.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    void this.#cancel();
  }

  async #cancel(): Promise<void> {
    if (this.busy) return this.#abort?.abort();
    this.open = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.toggle')?.focus();
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const store = this.#data.store;
    if (!store || this.busy) return;
    const data = new FormData(this.form);
    const file = data.get('file');
    const chosen = file instanceof File && file.name ? file : undefined;
    const text = fieldText(data, 'text');
    const details = readDetails(data);
    const invalid =
      chosen && text.trim() ? { error: 'Choose a file or paste text, not both.', field: 'file' }
      : !chosen && !text.trim() ? { error: 'Choose a file or paste the text of the source.', field: 'file' }
      : 'error' in details ? details
      : undefined;
    this.error = invalid?.error ?? '';
    if (invalid || 'error' in details) return this.#focusError(invalid?.field);
    const { title, authors, year } = details;
    const abort = (this.#abort = new AbortController());
    this.busy = chosen ? `“${chosen.name}”` : 'the pasted text';
    try {
      const draft = await prepareSource({
        ...(chosen ? { file: chosen } : { pasted: { text, format: fieldText(data, 'format') === 'text' ? 'text' : 'markdown' } }),
        title,
        authors,
        ...(year !== undefined ? { year } : {}),
      }, { signal: abort.signal });
      const added = await store.addSource(draft);
      this.dispatchEvent(new NotifyEvent(`Added “${added.value.title}” to the library`, added));
      this.open = false;
      location.hash = routeHash({ view: 'read', id: added.value.id });
    } catch (err) {
      this.error = abort.signal.aborted ? 'Stopped reading; nothing was added.' : (err as Error).message;
      this.#focusError();
    } finally {
      this.busy = '';
      this.#abort = undefined;
    }
  }

  // `field`: the one to correct, where the form's own checks know it; for a refusal from reading
  // the file or from the store, the one its message names.
  #focusError(field?: string): void {
    // The message is announced (role=alert); focus stays in the form, on the field to correct.
    void this.updateComplete.then(() => {
      const to = field ?? (/title/.test(this.error) ? 'title' : /year/.test(this.error) ? 'year' : 'file');
      this.renderRoot.querySelector<HTMLElement>(`[name=${to}]`)?.focus();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-add-source': CrAddSource;
  }
}
