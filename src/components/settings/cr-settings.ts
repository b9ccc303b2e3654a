import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { StoragePersistence } from '../../store/index.ts';
import { StoreController } from '../store/store-controller.ts';
import { storageNote } from '../store/storage-note.ts';
import { storageUse } from '../store/storage-use.ts';
import '../exchange/cr-export-list.ts';
import '../exchange/cr-import.ts';
import type { DocumentLoader } from '../exchange/library-docs.ts';
import './cr-quarantine.ts';
import '../layers/cr-layers.ts';

/**
 * The settings panel (`#/settings`): one section per concern, each with its
 * heading: where the reader's work is kept, sharing it (export, import), the
 * maps imported as layers, and the damaged records set aside.
 */
@customElement('cr-settings')
export class CrSettings extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 5rem; font: 0.95rem/1.55 var(--cr-sans); color: var(--cr-ink); }
    h1 { font: 700 1.9rem/1.2 var(--cr-sans); margin: 0 0 1.5rem; letter-spacing: -0.02em; }
    section { border-top: 1px solid var(--cr-rule); padding: 1.2rem 0 1.6rem; }
    h2 { font: 650 1.15rem/1.3 var(--cr-sans); margin: 0 0 0.6rem; }
    p { margin: 0; max-width: 62ch; color: var(--cr-ink-soft); }
  `;

  /** The library's sources: exports cite them, imports anchor in them. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  @property({ attribute: false }) accessor documents: DocumentLoader | undefined;
  @state() private accessor storage: StoragePersistence | undefined;
  @state() private accessor use: string | undefined;

  // The browser's answer is asked once by the store; this only awaits it.
  readonly #data = new StoreController(this, (change) => {
    if (change === undefined) void this.#data.store?.requestPersistentStorage().then((answer) => (this.storage = answer));
    // Every change may add or free space: the figure follows the store.
    void storageUse().then((use) => (this.use = use));
  });

  override render() {
    const store = this.#data.store;
    const note = store ? storageNote(store, this.storage) : undefined;
    return html`<h1>Settings</h1>
      <section aria-labelledby="storage">
        <h2 id="storage">Storage</h2>
        ${note ? html`<p class="storage" data-mode=${store?.mode ?? nothing}>${note}</p>` : nothing}
        ${this.use && store?.mode === 'indexeddb' ? html`<p class="use">${this.use}</p>` : nothing}
      </section>
      <section aria-labelledby="export">
        <h2 id="export">Export</h2>
        <p>Files for a seminar, another tool or a reference manager. Nothing is sent anywhere.</p>
        <cr-export-list .entries=${this.entries} .documents=${this.documents}></cr-export-list>
      </section>
      <section aria-labelledby="import">
        <h2 id="import">Import</h2>
        <cr-import .entries=${this.entries} .documents=${this.documents}></cr-import>
      </section>
      <section aria-labelledby="layers">
        <h2 id="layers">Layers</h2>
        <cr-layers></cr-layers>
      </section>
      <section aria-labelledby="damaged">
        <h2 id="damaged">Damaged records</h2>
        <cr-quarantine></cr-quarantine>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-settings': CrSettings;
  }
}
