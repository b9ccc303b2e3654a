import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { ExportData } from '../../exchange/formats/export-data.ts';
import { EXPORT_FORMATS } from '../../exchange/formats/index.ts';
import { writeMapFile } from '../../exchange/map-file/write.ts';
import { toW3cCollection } from '../../exchange/w3c/export.ts';
import { ANONYMOUS, newRecordId } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { downloadText } from '../shared/download.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';
import { libraryDocs, type DocumentLoader } from './library-docs.ts';

interface Choice {
  id: string;
  label: string;
  hint: string;
  file: string;
  type: string;
  write(data: ExportData): string;
}

/**
 * Exports of the reader's work, one button each: the claim map (to share or hand back), web
 * annotations, and every format of `exchange/formats`. Files are made here and downloaded:
 * nothing is sent anywhere.
 */
@customElement('cr-export-list')
export class CrExportList extends LitElement {
  static override styles = [
    controlStyles,
    css`
      ul { list-style: none; padding: 0; margin: 0.6rem 0 0; display: grid; gap: 0.45rem; }
      li { display: grid; grid-template-columns: 12rem 1fr; gap: 0.8rem; align-items: baseline; }
      li button { justify-self: start; font-size: 0.85rem; padding: 0.35rem 0.7rem; }
      .hint { font-size: 0.85rem; }
    `,
  ];

  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  @property({ attribute: false }) accessor documents: DocumentLoader | undefined;
  @state() private accessor busy = '';
  /** Who the claim map says made it: an instructor's map is read-only to students who import it. */
  @state() private accessor mapRole: 'student' | 'instructor' = 'student';
  @state() private accessor course = '';

  readonly #data = new StoreController(this);

  #choices(): Choice[] {
    const store = this.#data.store!;
    const name = store.creatorName ?? ANONYMOUS;
    const course = this.course.trim();
    return [
      {
        id: 'map', label: 'Claim map (Crossread)', hint: 'Your claims, links, events and passages, to hand to a seminar or back to an instructor.',
        file: 'crossread-claim-map.json', type: 'application/json',
        write: (d) => JSON.stringify(writeMapFile({
          layer: { id: store.localLayer!, name, role: this.mapRole, ...(course ? { course } : {}) }, ...d,
          positions: [...store.mapPositions()].map(([claim, p]) => ({ claim, x: p.x, y: p.y })), builtIn: new Set(this.entries.map((e) => e.id)), now: new Date().toISOString(),
        }), null, 2) + '\n',
      },
      {
        id: 'w3c', label: 'Web annotations (W3C)', hint: 'Your passages and notes as a W3C Web Annotation collection (JSON-LD).',
        file: 'crossread-annotations.jsonld', type: 'application/ld+json',
        write: (d) => JSON.stringify(toW3cCollection(d.annotations, d.docs, newRecordId(), `Annotations by ${name}`), null, 2) + '\n',
      },
      ...EXPORT_FORMATS,
    ];
  }

  async #export(choice: Choice) {
    const store = this.#data.store;
    if (!store || !this.documents) return;
    this.busy = choice.id;
    try {
      const docs = await libraryDocs(this.entries, this.documents);
      const data: ExportData = { annotations: [...store.annotations.values()], claims: [...store.claims.values()], links: [...store.links.values()], events: [...store.events.values()], docs };
      downloadText(choice.file, choice.write(data), choice.type);
      this.dispatchEvent(new NotifyEvent(`Exported ${choice.label} to ${choice.file}`));
    } catch (e) {
      this.dispatchEvent(new NotifyEvent(`Could not export ${choice.label}: ${(e as Error).message}`));
    } finally {
      this.busy = '';
    }
  }

  override render() {
    const store = this.#data.store;
    if (!store) return html`<p class="hint">Opening your data…</p>`;
    const empty = store.annotations.size === 0 && store.claims.size === 0;
    if (empty) return html`<p class="hint">Nothing to export yet: mark a passage or make a claim in a reading first.</p>`;
    return html`<div class="row">
        <label>The claim map is by ${store.creatorName ?? ANONYMOUS}, as
          <select .value=${this.mapRole} @change=${(e: Event) => (this.mapRole = (e.target as HTMLSelectElement).value as 'student' | 'instructor')}>
            <option value="student">a student</option>
            <option value="instructor">the instructor</option>
          </select>
        </label>
        <label>Course (optional) <input .value=${this.course} maxlength="200" @input=${(e: Event) => (this.course = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <ul>
      ${this.#choices().map(
        (c) => html`<li>
          <button type="button" data-format=${c.id} ?disabled=${this.busy !== ''} @click=${() => void this.#export(c)}>${this.busy === c.id ? 'Exporting…' : c.label}</button>
          <span class="hint">${c.hint}</span>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-export-list': CrExportList;
  }
}
