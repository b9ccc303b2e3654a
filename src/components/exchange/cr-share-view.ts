import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { decodeShare } from '../../exchange/share-link.ts';
import type { CrImport } from './cr-import.ts';
import type { DocumentLoader } from './library-docs.ts';
import './cr-import.ts';

/**
 * `#/share/<code>`: a claim map someone put in a link. It is unpacked here (nothing was sent to
 * any server: the map is in the link's fragment) and shown with the same preview as a file; it
 * is imported only when the reader says Import.
 */
@customElement('cr-share-view')
export class CrShareView extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 5rem; font: 0.95rem/1.55 var(--cr-sans); color: var(--cr-ink); }
    h1 { font: 700 1.9rem/1.2 var(--cr-sans); margin: 0 0 0.8rem; letter-spacing: -0.02em; }
    p { max-width: 62ch; color: var(--cr-ink-soft); }
    .error { color: var(--cr-neg); }
  `;

  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  @property({ attribute: false }) accessor documents: DocumentLoader | undefined;
  @property() accessor code = '';
  @state() private accessor problem = '';
  @query('cr-import') private accessor importer!: CrImport;

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('code') && this.code) void this.#unpack();
  }

  async #unpack() {
    this.problem = '';
    try {
      const text = await decodeShare(this.code);
      await this.importer.updateComplete;
      await this.importer.show('Shared map', text);
    } catch (e) {
      this.problem = (e as Error).message;
    }
  }

  override render() {
    return html`<h1>A shared claim map</h1>
      <p>Someone shared a claim map with you in this link. It came with the link itself: nothing was sent to or fetched from a server. Look at what it holds, then import it or leave it.</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p><p><a href="#/">Back to the library</a></p>` : nothing}
      <cr-import .entries=${this.entries} .documents=${this.documents} .chooser=${false}></cr-import>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-share-view': CrShareView;
  }
}
