import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { OpenProgress } from '../../app/open-file.ts';
import { routeHash } from '../../app/route.ts';
import { NotifyEvent, OpenCancelEvent, OpenFileEvent } from '../shared/events.ts';
import { loadSampleMap } from '../exchange/sample-map.ts';
import { StoreController } from '../store/store-controller.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import { removeSource } from './remove-source.ts';
import { readSoFar } from '../shared/bytes.ts';
import '../shared/cr-confirm-dialog.ts';
import './cr-add-source.ts';
import './cr-edit-source.ts';

/** A user's file being opened: its name and how far reading it has come. */
export type FileOpening = OpenProgress & { name: string };

const STAGE: Record<OpenProgress['stage'], string> = {
  reading: 'Reading',
  checking: 'Checking that it is text:',
  parsing: 'Laying out',
};

/**
 * The library: one card per source; a card's title is the link that opens the reader.
 *
 * @fires cr-open-file - the user chose a Markdown or text file of their own
 * @fires cr-open-cancel - the user stopped opening it (Cancel or Escape)
 */
@customElement('cr-library')
export class CrLibrary extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 76rem; margin: 0 auto; padding: 2.5rem 1.5rem 5rem; }
    .intro { max-width: 62ch; margin-bottom: 2rem; }
    h1 { font: 700 1.9rem/1.2 var(--cr-sans); margin: 0 0 0.5rem; letter-spacing: -0.02em; }
    .intro p { font: 1.05rem/1.6 var(--cr-serif); color: var(--cr-ink-soft); margin: 0; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); }
    li {
      position: relative; display: flex; flex-direction: column; gap: 0.5rem;
      background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 10px;
      padding: 1.25rem 1.35rem 1.1rem; box-shadow: var(--cr-shadow);
      transition: border-color 120ms, transform 120ms;
    }
    li:hover { border-color: var(--cr-accent); }
    li:focus-within { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
    .kind { font: 600 0.7rem/1 var(--cr-sans); text-transform: uppercase; letter-spacing: 0.1em; color: var(--cr-accent); }
    h2 { font: 650 1.15rem/1.3 var(--cr-sans); margin: 0; }
    h2 a { color: var(--cr-ink); text-decoration: none; }
    /* The whole card is the link's hit area; the link alone is in the tab order. */
    h2 a::after { content: ''; position: absolute; inset: 0; border-radius: 10px; }
    h2 a:focus { outline: none; }
    .authors { font: 500 0.95rem/1.4 var(--cr-sans); color: var(--cr-ink); margin: 0; }
    .venue { font: 0.88rem/1.4 var(--cr-sans); color: var(--cr-ink-soft); margin: 0; }
    dl { display: flex; gap: 1.1rem; margin: auto 0 0; padding-top: 0.6rem; border-top: 1px solid var(--cr-rule); font: 0.8rem/1.3 var(--cr-sans); color: var(--cr-ink-faint); }
    dt { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    dd { margin: 0; }
    .empty { font: 1rem var(--cr-sans); color: var(--cr-ink-soft); }
    .open { margin-top: 2rem; display: flex; gap: 0.8rem; align-items: center; font: 0.9rem var(--cr-sans); color: var(--cr-ink-soft); flex-wrap: wrap; }
    button {
      font: 600 0.9rem var(--cr-sans); padding: 0.5rem 0.9rem; border-radius: 6px; cursor: pointer;
      border: 1px solid var(--cr-rule); background: var(--cr-card); color: var(--cr-ink);
    }
    button:hover { border-color: var(--cr-accent); }
    button:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
    .mine { color: var(--cr-ink-faint); font-size: 0.8rem; }
    /* Above the card's link overlay, so it can be clicked. */
    .remove, .edit { position: relative; z-index: 1; align-self: flex-start; font-size: 0.8rem; padding: 0.25rem 0.6rem; }
    .own { display: flex; gap: 0.5rem; }
    .opening { flex-basis: 100%; display: flex; gap: 0.8rem; align-items: center; flex-wrap: wrap; }
    .opening p { margin: 0; color: var(--cr-ink); }
    .opening progress { width: 12rem; accent-color: var(--cr-accent); }
  `;

  /** Sources to list. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** The user's file being opened, if any: shown with its progress and a Cancel button. */
  @property({ attribute: false }) accessor opening: FileOpening | undefined;

  readonly #data = new StoreController(this);
  #loadingSample = false;
  /** The source whose details are being edited on its card. */
  @state() private accessor editing: string | undefined;

  @query('cr-confirm-dialog') private accessor confirm!: CrConfirmDialog;

  async #loadSample() {
    const store = this.#data.store;
    if (!store || this.#loadingSample) return;
    this.#loadingSample = true;
    this.requestUpdate();
    try {
      const { message, result } = await loadSampleMap(store, this.entries);
      this.dispatchEvent(new NotifyEvent(message, result));
    } catch (e) {
      this.dispatchEvent(new NotifyEvent(`Could not load the sample map: ${(e as Error).message}`));
    } finally {
      this.#loadingSample = false;
      this.requestUpdate();
    }
  }

  // Focus on Cancel when opening ends goes back to "Open a file…", not to the page's top.
  #focusBack = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('opening') && !this.opening) this.#focusBack = !!this.shadowRoot?.activeElement?.matches('.cancel');
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // A file just chosen: the next key is for Cancel (Enter, Space or Escape).
    if (changed.has('opening') && this.opening && !changed.get('opening')) this.renderRoot.querySelector<HTMLElement>('.cancel')?.focus();
    // In a task of its own: focusing forces styling, which added to the task that ended the opening past 50 ms.
    if (this.#focusBack) setTimeout(() => this.renderRoot.querySelector<HTMLElement>('.choose')?.focus());
    this.#focusBack = false;
  }

  override render() {
    return html`<section class="intro">
        <h1>Library</h1>
        <p>Three readings on Kazakhstan's January 2022 crisis. Open one to read it with paragraph numbers for citing.</p>
      </section>
      ${this.entries.length === 0
        ? html`<p class="empty">No sources yet.</p>`
        : html`<ul>
            ${this.entries.map(
              (e) => html`<li data-id=${e.id}>
                <span class="kind">${e.kind}</span>${e.id.startsWith('user-') && !this.#data.store?.sources.has(e.id) ? html` <span class="mine">open in this tab only</span>` : ''}
                <h2><a href=${routeHash({ view: 'read', id: e.id })}>${e.title}</a></h2>
                <p class="authors">${e.authors.join(', ')}</p>
                <p class="venue">${e.venue}${e.venue && e.year ? ' · ' : ''}${e.year ? html`<span class="year">${e.year}</span>` : ''}</p>
                <dl>
                  <dt>Words</dt><dd class="words">${e.wordCount.toLocaleString('en')} words</dd>
                  <dt>Reading time</dt><dd class="minutes">${e.readingMinutes} min read</dd>
                </dl>
                ${this.#removable(e.id) ? this.#own(e) : ''}
              </li>`,
            )}
          </ul>`}
      <div class="open"><cr-add-source></cr-add-source></div>
      <cr-confirm-dialog></cr-confirm-dialog>
      <div class="open">
        <button type="button" class="choose" @click=${() => this.renderRoot.querySelector('input')!.click()}>Open a file…</button>
        <span>Read a Markdown (.md) or plain-text (.txt) file of your own. It stays on this device.</span>
        <input type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" hidden @change=${this.#onFile} />
        ${this.opening ? this.#progress(this.opening) : ''}
      </div>
      <div class="open">
        <button type="button" class="sample" ?disabled=${!this.#data.store || this.#loadingSample} @click=${() => void this.#loadSample()}>
          ${this.#loadingSample ? 'Loading the sample map…' : 'Load the sample map'}
        </button>
        <span>An instructor's claim map over the three readings, to see how the sources disagree. It is added as a layer of its own; Undo takes it back.</span>
      </div>`;
  }

  // Only the reader's own sources: one that came with someone's map goes with that layer (ADR 0013).
  #removable(id: string): boolean {
    const store = this.#data.store;
    return !!store && store.sources.get(id)?.layer === store.localLayer;
  }

  // A source of the reader's own: its details edited in place, or the source removed.
  #own(e: LibraryEntry) {
    const record = this.#data.store?.sources.get(e.id);
    if (this.editing === e.id && record) return html`<cr-edit-source .source=${record} @cr-source-edit-end=${() => void this.#endEdit(e.id)}></cr-edit-source>`;
    return html`<div class="own">
      <button type="button" class="edit" aria-label="Edit the details of ${e.title}" @click=${() => (this.editing = e.id)}>Edit…</button>
      <button type="button" class="remove" aria-label="Remove ${e.title}" @click=${() => void this.#remove(e.id)}>Remove…</button>
    </div>`;
  }

  async #endEdit(id: string): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-id="${id}"] .edit`)?.focus();
  }

  async #remove(id: string): Promise<void> {
    const store = this.#data.store;
    if (store && (await removeSource(this, this.confirm, store, id))) this.renderRoot.querySelector<HTMLElement>('.choose')?.focus();
  }

  #progress(o: FileOpening) {
    const reading = o.stage === 'reading';
    return html`<div class="opening" @keydown=${this.#onKey}>
      <p role="status">${STAGE[o.stage]} “${o.name}”…</p>
      <progress aria-label="Opening ${o.name}" max=${reading ? o.total : nothing} value=${reading ? o.loaded : nothing}></progress>
      ${reading && readSoFar(o.loaded, o.total) ? html`<span>${readSoFar(o.loaded, o.total)}</span>` : ''}
      <button type="button" class="cancel" @click=${this.#cancel}>Cancel</button>
    </div>`;
  }

  #cancel(): void {
    this.dispatchEvent(new OpenCancelEvent());
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.#cancel();
  }

  #onFile(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (file) this.dispatchEvent(new OpenFileEvent(file));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-library': CrLibrary;
  }
}
