import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { ExportData } from '../../exchange/formats/export-data.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../exchange/formats/index.ts';
import { writeBackup } from '../../exchange/map-file/backup.ts';
import { writeMapFile } from '../../exchange/map-file/write.ts';
import { encodeShare } from '../../exchange/share-link.ts';
import { toW3cCollection } from '../../exchange/w3c/export.ts';
import { routeHash } from '../../app/route.ts';
import { slugify } from '../../corpus/source-id.ts';
import { copyText } from '../shared/clipboard.ts';
import { ANONYMOUS, newRecordId } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { downloadText } from '../shared/download.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';
import { libraryDocs, type DocumentLoader } from './library-docs.ts';

/** The map file and backup are listed like the formats: same shape (`ExportFormat`). */
type Choice = ExportFormat;

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
      .link { width: 100%; font-size: 0.8rem; }
    `,
  ];

  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  @property({ attribute: false }) accessor documents: DocumentLoader | undefined;
  @state() private accessor busy = '';
  /** Who the claim map says made it: an instructor's map is read-only to students who import it. */
  @state() private accessor mapRole: 'student' | 'instructor' = 'student';
  @state() private accessor course = '';
  /** The last share link made, shown for copying by hand. */
  @state() private accessor shared = '';

  readonly #data = new StoreController(this);

  #choices(): Choice[] {
    const store = this.#data.store!;
    const name = store.creatorName ?? ANONYMOUS;
    const course = this.course.trim();
    return [
      {
        id: 'map', label: 'Claim map (Crossread)', hint: 'Your claims, links, events and passages, to hand to a seminar or back to an instructor.',
        // Named for its maker and day: an instructor collects a seminar's maps in one folder.
        file: `crossread-claim-map-${slugify(name) || 'anonymous'}-${new Date().toISOString().slice(0, 10)}.json`, type: 'application/json',
        write: (d) => JSON.stringify(writeMapFile({
          layer: { id: store.localLayer!, name, role: this.mapRole, ...(course ? { course } : {}) }, ...d,
          positions: [...store.mapPositions()].map(([claim, p]) => ({ claim, x: p.x, y: p.y })), builtIn: new Set(this.entries.map((e) => e.id)), sources: [...store.sources.values()], layers: store.layers(), now: new Date().toISOString(),
        }), null, 2) + '\n',
      },
      {
        id: 'backup', label: 'Everything (backup)', hint: 'Every layer in this browser (yours and those you imported), to restore here or elsewhere with Import.',
        file: `crossread-backup-${new Date().toISOString().slice(0, 10)}.json`, type: 'application/json',
        write: (d) => JSON.stringify(writeBackup({
          ...d, positions: [...store.mapPositions()].map(([claim, p]) => ({ claim, x: p.x, y: p.y })),
          builtIn: new Set(this.entries.map((e) => e.id)), sources: [...store.sources.values()], localLayer: store.localLayer!, localName: name, layers: store.layers(), now: new Date().toISOString(),
        })) + '\n',
      },
      {
        id: 'w3c', label: 'Web annotations (W3C)', hint: 'Your passages and notes as a W3C Web Annotation collection (JSON-LD).',
        file: 'crossread-annotations.jsonld', type: 'application/ld+json',
        write: (d) => JSON.stringify(toW3cCollection(d.annotations, d.docs, newRecordId(), `Annotations by ${name}`), null, 2) + '\n',
      },
      ...EXPORT_FORMATS,
    ];
  }

  async #gather(): Promise<ExportData> {
    const store = this.#data.store!;
    const docs = await libraryDocs(this.entries, this.documents!);
    return { annotations: [...store.annotations.values()], claims: [...store.claims.values()], links: [...store.links.values()], events: [...store.events.values()], docs };
  }

  /** The claim map in a link (`#/share/<code>`), copied; a map too large for a link is said so, with the file as the way. */
  async #shareLink() {
    if (!this.#data.store || !this.documents) return;
    this.busy = 'link';
    try {
      const map = this.#choices()[0]!;
      const encoded = await encodeShare(map.write(await this.#gather()));
      if ('tooLarge' in encoded) {
        this.dispatchEvent(new NotifyEvent(`The claim map is too large for a link (${Math.round(encoded.tooLarge / 1024)} KB); export it as a file and share that.`));
        return;
      }
      const link = new URL(routeHash({ view: 'share', code: encoded.code }), location.href).href;
      this.shared = link;
      const ok = await copyText(link);
      this.dispatchEvent(new NotifyEvent(ok ? 'Share link copied: whoever opens it can look at the map and import it. Nothing was uploaded.' : 'The share link is below: copy it from there.'));
    } finally {
      this.busy = '';
    }
  }

  async #export(choice: Choice) {
    const store = this.#data.store;
    if (!store || !this.documents) return;
    this.busy = choice.id;
    try {
      downloadText(choice.file, choice.write(await this.#gather()), choice.type);
      this.dispatchEvent(new NotifyEvent(`Exported ${choice.label} to ${choice.file}`));
    } catch (e) {
      this.dispatchEvent(new NotifyEvent(`Could not export ${choice.label}: ${(e as Error).message}`));
    } finally {
      this.busy = '';
    }
  }

  // Saved as typed; empty means no name (an export then says "Anonymous"). Not undoable: a
  // preference, as in the reader's panel.
  #setName = async (e: Event): Promise<void> => {
    const name = (e.target as HTMLInputElement).value.trim();
    try {
      await this.#data.store?.setCreatorName(name);
      this.dispatchEvent(new NotifyEvent(name ? `Your name is now ${name}: what you make from now on carries it.` : 'Your name is cleared: what you make from now on is by Anonymous.'));
    } catch (err) {
      this.dispatchEvent(new NotifyEvent(`Could not save your name: ${(err as Error).message}`));
    }
  };

  override render() {
    const store = this.#data.store;
    if (!store) return html`<p class="hint">Opening your data…</p>`;
    const empty = store.annotations.size === 0 && store.claims.size === 0;
    if (empty) return html`<p class="hint">Nothing to export yet: mark a passage or make a claim in a reading first.</p>`;
    return html`<div class="row">
        <label>Your name (on your annotations, claims and maps)
          <input name="creator" maxlength="80" autocomplete="name" placeholder=${ANONYMOUS} .value=${live(store.creatorName ?? '')} @change=${this.#setName} />
        </label>
        <label>The claim map is by ${store.creatorName ?? ANONYMOUS}, as
          <select .value=${this.mapRole} @change=${(e: Event) => (this.mapRole = (e.target as HTMLSelectElement).value as 'student' | 'instructor')}>
            <option value="student">a student</option>
            <option value="instructor">the instructor</option>
          </select>
        </label>
        <label>Course (optional) <input .value=${this.course} maxlength="200" @input=${(e: Event) => (this.course = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <p class="row">
        <button type="button" class="share" ?disabled=${this.busy !== ''} @click=${() => void this.#shareLink()}>${this.busy === 'link' ? 'Making the link…' : 'Copy a share link'}</button>
        <span class="hint">The claim map inside a link (small maps only): nothing is uploaded.</span>
      </p>
      ${this.shared ? html`<label>Share link <input class="link" readonly .value=${this.shared} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>` : ''}
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
