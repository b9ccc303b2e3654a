import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { readIncoming, type Incoming } from '../../exchange/incoming.ts';
import type { Conflict, ReceivePlan } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';
import { libraryDocs, type DocumentLoader } from './library-docs.ts';
import { placeImported } from './place-imported.ts';
import './cr-import-conflicts.ts';

const KIND_NAME = { 'crossread-map': 'a Crossread claim map', 'crossread-backup': 'a Crossread backup of every layer', hypothesis: 'a Hypothesis export', w3c: 'W3C web annotations', unknown: 'a file of unknown kind' } as const;

type Preview = { name: string; incoming: Incoming; plan?: ReceivePlan; refused?: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Importing a file: a claim map, a Hypothesis export or W3C annotations. Everything is read and
 * checked first and shown as a preview (what will be added, updated, left as is, and what is in
 * conflict); nothing is written until the reader says Import, and then all of it or nothing, as
 * one undoable step.
 */
@customElement('cr-import')
export class CrImport extends LitElement {
  static override styles = [
    controlStyles,
    css`
      .choose { font-size: 0.88rem; padding: 0.4rem 0.8rem; }
      .preview { margin-top: 0.9rem; border: 1px solid var(--cr-rule); border-radius: 8px; padding: 0.8rem 1rem; background: var(--cr-card); display: grid; gap: 0.5rem; }
      .preview h3 { margin: 0; font: 650 1rem var(--cr-sans); }
      .preview ul { margin: 0; padding-left: 1.2rem; }
      .problems li { color: var(--cr-neg); }
      .conflicts { margin-top: 0.9rem; display: grid; gap: 0.5rem; }
      .conflicts h3 { margin: 0; font: 650 1rem var(--cr-sans); }
      code { font-size: 0.8rem; }
    `,
  ];

  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  @property({ attribute: false }) accessor documents: DocumentLoader | undefined;
  /** Whether to offer "Import a file…" (a shared link's view shows only its own preview). */
  @property({ type: Boolean }) accessor chooser = true;
  @state() private accessor reading = '';
  @state() private accessor preview: Preview | undefined;
  /** What the last import left undecided, to settle. */
  @state() private accessor conflicts: { name: string; list: readonly Conflict[] } | undefined;

  readonly #data = new StoreController(this);

  /** Reads and checks `text`; shows what importing it would do. */
  async show(name: string, text: string) {
    const store = this.#data.store;
    if (!store || !this.documents) return;
    this.reading = name;
    this.conflicts = undefined;
    try {
      const docs = await libraryDocs(this.entries, this.documents);
      const incoming = readIncoming(text, { docs, has: (c, id) => store[c].has(id) });
      let plan: ReceivePlan | undefined;
      let refused: string | undefined;
      if (incoming.ok) {
        try {
          plan = store.previewReceive(incoming.batch);
        } catch (e) {
          refused = (e as Error).message;
        }
      }
      this.preview = { name, incoming, plan, refused };
    } finally {
      this.reading = '';
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.preview [data-next]')?.focus();
  }

  async #choose(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.show(file.name, await file.text());
  }

  async #import() {
    const store = this.#data.store;
    const p = this.preview;
    if (!store || !p?.incoming.ok) return;
    try {
      const result = await store.receive(p.incoming.batch, 'import');
      for (const map of p.incoming.map ? [p.incoming.map] : (p.incoming.maps ?? [])) await placeImported(store, map);
      this.preview = undefined;
      this.conflicts = result.conflicts.length ? { name: p.name, list: result.conflicts } : undefined;
      const s = result.summary;
      const parts = [s.added && `${s.added} added`, s.updated && `${s.updated} updated`, s.unchanged && `${s.unchanged} already here`, s.conflicts && `${plural(s.conflicts, 'conflict')} to settle`].filter(Boolean);
      this.dispatchEvent(new NotifyEvent(`Imported ${p.name}: ${parts.join(', ') || 'nothing new'}`, s.added + s.updated > 0 ? result : undefined));
      await this.updateComplete;
      // The next thing to do: settle the conflicts, else import another file.
      if (this.conflicts) this.renderRoot.querySelector('cr-import-conflicts')?.focus();
      else this.renderRoot.querySelector<HTMLElement>('.choose')?.focus();
    } catch (e) {
      this.preview = { ...p, refused: (e as Error).message };
    }
  }

  #cancel() {
    this.preview = undefined;
    this.conflicts = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.choose')?.focus());
  }

  #renderPreview(p: Preview) {
    const i = p.incoming;
    if (!i.ok) {
      return html`<div class="preview" role="alert">
        <h3>${p.name} cannot be imported</h3>
        <p>It looks like ${KIND_NAME[i.kind]}. Nothing was changed.</p>
        <ul class="problems">${i.problems.map((x) => html`<li>${x.path ? html`<code>${x.path}</code>: ` : nothing}${x.message}</li>`)}</ul>
        ${i.more ? html`<p class="hint">and ${plural(i.more, 'more problem')}.</p>` : nothing}
        <div class="actions"><button type="button" data-next @click=${this.#cancel}>Close</button></div>
      </div>`;
    }
    const s = p.plan?.summary;
    const layer = i.map?.layer;
    return html`<div class="preview" role="region" aria-label="What importing ${p.name} will do">
      <h3>${p.name}: ${KIND_NAME[i.kind]}${layer ? html` by ${layer.name} (${layer.role}${layer.course ? `, ${layer.course}` : ''})` : nothing}</h3>
      ${s
        ? html`<p>Importing will add ${plural(s.added, 'record')}, update ${s.updated}, and leave ${s.unchanged} as they are.
            ${s.conflicts ? html`<strong>${plural(s.conflicts, 'record')} changed both here and in the file: yours are kept, and you choose for each after importing.</strong>` : nothing}</p>`
        : nothing}
      ${i.findings.length ? html`<ul>${i.findings.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
      ${p.refused ? html`<p class="error" role="alert">${p.refused}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" data-next ?disabled=${!s || !!p.refused || s.added + s.updated + s.conflicts === 0} @click=${() => void this.#import()}>Import</button>
        <button type="button" @click=${this.#cancel}>Cancel</button>
      </div>
    </div>`;
  }

  #renderConflicts(c: { name: string; list: readonly Conflict[] }) {
    return html`<section class="conflicts" aria-label="Conflicts in ${c.name}">
      <h3>Changed both here and in ${c.name}</h3>
      <cr-import-conflicts .conflicts=${c.list}></cr-import-conflicts>
      <div class="actions"><button type="button" class="done" @click=${this.#cancel}>Done</button></div>
    </section>`;
  }

  override render() {
    if (!this.chooser) {
      if (this.conflicts) return this.#renderConflicts(this.conflicts);
      return this.preview ? this.#renderPreview(this.preview) : html`<p class="hint" role="status">${this.reading ? `Reading ${this.reading}…` : ''}</p>`;
    }
    return html`<input type="file" class="file" hidden accept=".json,.jsonld,application/json,application/ld+json" @change=${(e: Event) => void this.#choose(e)} />
      <button type="button" class="choose" ?disabled=${!!this.reading} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('.file')?.click()}>
        ${this.reading ? `Reading ${this.reading}…` : 'Import a file…'}
      </button>
      <span class="hint">A claim map, a backup (restores every layer), a Hypothesis export, or W3C web annotations.</span>
      ${this.preview ? this.#renderPreview(this.preview) : nothing}
      ${this.conflicts ? this.#renderConflicts(this.conflicts) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-import': CrImport;
  }
}
