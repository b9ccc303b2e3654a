import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { Incoming } from '../../exchange/incoming.ts';
import { checkInWorker, type CheckProgress } from '../../exchange/in-worker/read-in-worker.ts';
import type { Conflict, ReceivePlan } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';
import { libraryDocs, type DocumentLoader } from './library-docs.ts';
import { placeImported } from './place-imported.ts';
import { readSoFar } from '../shared/bytes.ts';
import { addedKinds } from './added-kinds.ts';
import './cr-import-conflicts.ts';

const KIND_NAME = { 'crossread-map': 'a Crossread claim map', 'crossread-backup': 'a Crossread backup of every layer', hypothesis: 'a Hypothesis export', w3c: 'W3C web annotations', unknown: 'a file of unknown kind' } as const;

type Preview = { name: string; incoming: Incoming; plan?: ReceivePlan; refused?: string };

/** Where an import stands: checking (in a worker, cancellable), then planning and writing here. */
type Busy = { name: string; stage: CheckProgress['stage'] | 'planning' | 'writing' | 'done'; done: number; total: number; said?: string };

const STAGE = { reading: 'Reading', checking: 'Checking', handing: 'Checking', planning: 'Comparing with what is here:', writing: 'Writing', done: 'Imported' } as const;

/** The bar's value out of 100: checking fills it up to the preview; writing is one transaction, so it shows no measure until done. */
function percent(b: Busy): number | undefined {
  const part = b.total ? b.done / b.total : 0;
  return { reading: 30 * part, checking: 35, handing: 40 + 50 * part, planning: 95, writing: undefined, done: 100 }[b.stage];
}

/** A frame for the browser to paint the progress before a step that holds the main thread. */
const paint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

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
      .progress { margin-top: 0.7rem; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; font-size: 0.85rem; }
      .progress progress { width: min(20rem, 100%); }
    `,
  ];

  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  @property({ attribute: false }) accessor documents: DocumentLoader | undefined;
  /** Whether to offer "Import a file…" (a shared link's view shows only its own preview). */
  @property({ type: Boolean }) accessor chooser = true;
  @state() private accessor busy: Busy | undefined;
  @state() private accessor preview: Preview | undefined;
  /** What the last import left undecided, to settle. */
  @state() private accessor conflicts: { name: string; list: readonly Conflict[] } | undefined;

  readonly #data = new StoreController(this);
  #checking: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
    this.#checking?.abort();
  }

  /** Reads and checks `source` (a file, or a share link's text) in a worker; shows what importing it would do. */
  async show(name: string, source: File | string) {
    const store = this.#data.store;
    if (!store || !this.documents) return;
    this.#checking?.abort();
    const checking = (this.#checking = new AbortController());
    this.preview = this.conflicts = undefined;
    this.busy = { name, stage: 'reading', done: 0, total: 0 };
    let preview: Preview;
    try {
      const docs = await libraryDocs(this.entries, this.documents);
      const ids = { annotations: store.annotations.keys(), claims: store.claims.keys(), links: store.links.keys(), events: store.events.keys(), sources: store.sources.keys(), layers: store.layers().map((l) => l.id) };
      const incoming = await checkInWorker(source, { docs, ids }, { signal: checking.signal, onProgress: (p) => (this.busy = { name, ...p }) });
      preview = { name, incoming };
      if (incoming.ok) {
        const n = incoming.batch.put?.length ?? 0;
        this.busy = { name, stage: 'planning', done: n, total: n };
        await paint();
        if (checking.signal.aborted) return;
        try {
          preview.plan = store.previewReceive(incoming.batch);
        } catch (e) {
          preview.refused = (e as Error).message;
        }
      }
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      preview = { name, incoming: { ok: false, kind: 'unknown', problems: [{ path: '', message: (e as Error).message }], more: 0 } };
    } finally {
      if (this.#checking === checking) {
        this.#checking = undefined;
        this.busy = undefined;
      }
    }
    this.preview = preview;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.preview [data-next]')?.focus();
  }

  #choose(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.show(file.name, file);
  }

  /** Stops checking a file (Cancel or Escape): nothing was written, nothing will be. */
  #stop() {
    if (!this.#checking) return;
    const name = this.busy?.name ?? 'the file';
    this.#checking.abort();
    this.#checking = undefined;
    this.busy = undefined;
    this.dispatchEvent(new NotifyEvent(`Stopped checking ${name}; nothing was imported.`));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.choose')?.focus());
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.#checking) {
      e.preventDefault();
      this.#stop();
    }
  };

  async #import() {
    const store = this.#data.store;
    const p = this.preview;
    if (!store || !p?.incoming.ok || this.busy) return;
    const planned = p.plan ? p.plan.summary.added + p.plan.summary.updated : 0;
    this.busy = { name: p.name, stage: 'writing', done: 0, total: planned };
    try {
      await paint();
      const result = await store.receive(p.incoming.batch, 'import', `“${p.name}”`);
      const n = result.summary.added + result.summary.updated;
      for (const map of p.incoming.map ? [p.incoming.map] : (p.incoming.maps ?? [])) await placeImported(store, map);
      this.busy = { name: p.name, stage: 'done', done: n, total: n, said: `${p.name}: ${n ? plural(n, 'record') : 'nothing new'} written.` };
      this.preview = undefined;
      this.conflicts = result.conflicts.length ? { name: p.name, list: result.conflicts } : undefined;
      const s = result.summary;
      const parts = [s.added && `${s.added} added`, s.updated && `${s.updated} updated`, s.unchanged && `${s.unchanged} already here`, s.conflicts && `${plural(s.conflicts, 'conflict')} to settle`].filter(Boolean);
      this.dispatchEvent(new NotifyEvent(`Imported “${p.name}”: ${parts.join(', ') || 'nothing new'}`, s.added + s.updated > 0 ? result : undefined));
      await this.updateComplete;
      // Where the next key goes: settling conflicts, another file, or (no chooser: a share link's
      // page, done with) the imported claims.
      if (this.conflicts) this.renderRoot.querySelector('cr-import-conflicts')?.focus();
      else this.renderRoot.querySelector<HTMLElement>(this.chooser ? '.choose' : '.next a')?.focus();
    } catch (e) {
      this.busy = undefined;
      this.preview = { ...p, refused: (e as Error).message };
    }
  }

  #cancel() {
    this.preview = this.conflicts = this.busy = undefined;
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
        ? html`<p>Importing will add ${plural(s.added, 'record')}${s.added ? ` (${addedKinds(p.plan!.diff)})` : ''}, update ${s.updated}, and leave ${s.unchanged} as they are.
            ${s.conflicts ? html`<strong>${plural(s.conflicts, 'record')} changed both here and in the file: yours are kept, and you choose for each after importing.</strong>` : nothing}</p>`
        : nothing}
      ${i.findings.length ? html`<ul>${i.findings.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
      ${p.refused ? html`<p class="error" role="alert">${p.refused}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" data-next ?disabled=${!s || !!p.refused || s.added + s.updated + s.conflicts === 0 || !!this.busy} @click=${() => void this.#import()}>Import</button>
        <button type="button" ?disabled=${!!this.busy} @click=${this.#cancel}>Cancel</button>
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

  #renderProgress(b: Busy) {
    const count = b.stage === 'reading' ? readSoFar(b.done, b.total) : b.total ? plural(b.total, 'record') : '';
    const said = b.said ?? `${STAGE[b.stage]} ${b.name}${count ? ` (${count})` : ''}…`;
    return html`<div class="progress">
      <progress max="100" value=${ifDefined(percent(b))} aria-label=${b.stage === 'done' ? `Imported ${b.name}` : `Importing ${b.name}`}></progress>
      <span role="status">${said}</span>
      ${this.#checking ? html`<button type="button" class="stop" @click=${this.#stop}>Cancel</button>` : nothing}
      ${b.stage === 'done' && b.done ? html`<span class="next">See them in <a href="#/claims">Claims</a> or on <a href="#/map">the map</a>.</span>` : nothing}
    </div>`;
  }

  override render() {
    const progress = this.busy ? this.#renderProgress(this.busy) : nothing;
    if (!this.chooser) {
      if (this.conflicts) return html`${progress}${this.#renderConflicts(this.conflicts)}`;
      return html`${progress}${this.preview ? this.#renderPreview(this.preview) : nothing}`;
    }
    const running = !!this.busy && this.busy.stage !== 'done';
    return html`<input type="file" class="file" hidden accept=".json,.jsonld,application/json,application/ld+json" @change=${this.#choose} />
      <button type="button" class="choose" ?disabled=${running} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('.file')?.click()}>Import a file…</button>
      <span class="hint">A claim map, a backup (restores every layer), a Hypothesis export, or W3C web annotations.</span>
      ${progress}
      ${this.preview ? this.#renderPreview(this.preview) : nothing}
      ${this.conflicts ? this.#renderConflicts(this.conflicts) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-import': CrImport;
  }
}
