import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parseRoute, type Route } from '../../app/route.ts';
import { CorpusClient, type LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { CiteCopiedEvent, NotifyEvent, OpenFileEvent } from '../shared/events.ts';
import { shortcutsOff } from '../shared/keys.ts';
import { CrossreadStore, type StoragePersistence, type StoreErrorEvent } from '../../store/index.ts';
import { storageNote } from '../store/storage-note.ts';
import { TIME_LIMIT_MS } from '../../app/open-file.ts';
import { libraryEntries, OwnSourceDocs } from '../../app/own-sources.ts';
import { defaultCompareRoute, routeHash } from '../../app/route.ts';
import '../library/cr-library.ts';
import '../store/cr-store-provider.ts';
import '../reader/cr-reader.ts';
import '../search/cr-search.ts';
import './cr-help.ts';
import { appStyles } from './app-styles.ts';
import { Toasts } from './toasts.ts';
import { OpenedFiles } from './opened-files.ts';

/**
 * The app shell: owns the data (corpus client, store) and the route. The store reaches every
 * view through one `cr-store-provider` (ADR 0005); the rest is handed down as properties.
 * Routes: `#/` library, `#/read/<id>`, `#/read/<id>/p/<n>`, `#/claims`, `#/claims/tag/<tag>`, `#/compare/<a>/<b>`, `#/events[/<event id> | /tag/<tag>]`, `#/map`, `#/settings`, `#/share/<code>`, `#/overview`.
 */
@customElement('cr-app')
export class CrApp extends LitElement {
  static override styles = appStyles;

  /** Where the prerendered corpus lives; tests point it elsewhere. */
  @property({ attribute: false }) accessor corpus = new CorpusClient();
  /** The one store of the app; tests hand in one on a database of their own. */
  @property({ attribute: false }) accessor store = new CrossreadStore();
  /** How long reading a user's file may take, in ms; tests shorten it. */
  @property({ attribute: false }) accessor fileTimeLimitMs = TIME_LIMIT_MS;
  // Only the store the app made itself is the app's to close; one handed in is the caller's.
  readonly #ownStore = this.store;

  @state() private accessor route: Route = parseRoute(location.hash);
  @state() private accessor entries: LibraryEntry[] | undefined;
  @state() private accessor doc: DocModel | undefined;
  @state() private accessor error = '';
  @state() private accessor storeReady = false;
  @state() private accessor storeWarning = '';
  @state() private accessor storage: StoragePersistence | undefined;
  @state() private accessor setAside = 0;

  readonly #toasts = new Toasts(this);
  readonly #files = new OpenedFiles(this, {
    timeLimitMs: () => this.fileTimeLimitMs,
    added: () => this.#listSources(),
    say: (message, ms) => this.#toasts.say(message, ms),
  });
  #unsubscribe: (() => void) | undefined;

  /** Loads any document the app knows, built-in, added or opened by the user; handed down to views. */
  readonly documents = (id: string): Promise<DocModel> => {
    const opened = this.#files.docs.get(id);
    const added = this.store.sources.get(id);
    return added ? this.#ownDocs.document(added) : opened ? Promise.resolve(opened) : this.corpus.document(id);
  };
  // The one list of sources (ADR 0014): the corpus index's, the reader's own, files opened in this tab.
  #builtIn: LibraryEntry[] | undefined;
  readonly #ownDocs = new OwnSourceDocs();
  #listSources(): void {
    if (!this.#builtIn) return;
    const opened = [...this.#files.docs.values()].map((d) => ({ ...d.meta, hash: d.hash }));
    this.entries = libraryEntries(this.#builtIn, this.storeReady ? this.store.sources.values() : [], opened);
  }

  // Compare opens on the library's first two sources: the corpus index decides, not this code.
  #compareHref(): string {
    return routeHash(defaultCompareRoute(this.entries?.map((e) => e.id) ?? []));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    window.addEventListener('keydown', this.#onKey);
    this.addEventListener('cr-cite-copied', this.#onCopied);
    this.addEventListener('cr-open-file', this.#onOpenFile);
    this.addEventListener('cr-open-cancel', this.#onOpenCancel);
    this.addEventListener('cr-notify', this.#onNotify);
    void this.#openStore();
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
    window.removeEventListener('keydown', this.#onKey);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.store === this.#ownStore) this.store.close();
  }

  override render() {
    const r = this.route;
    // The provider holds the bar too: the search box in it reads the store like any view.
    return html`<cr-store-provider .store=${this.store}><header class="bar">
        <button class="skip" @click=${this.#skip}>Skip to content</button>
        <a class="brand" href="#/">Cross<span>read</span></a>
        <nav aria-label="Main">
          <a href="#/" aria-current=${r.view === 'library' ? 'page' : nothing}>Library</a>
          <a href="#/claims" aria-current=${r.view === 'claims' ? 'page' : nothing}>Claims</a>
          <a href=${this.#compareHref()} aria-current=${r.view === 'compare' ? 'page' : nothing}>Compare</a>
          <a href="#/map" aria-current=${r.view === 'map' ? 'page' : nothing}>Map</a>
          <a href="#/events" aria-current=${r.view === 'events' ? 'page' : nothing}>Events</a>
          <a href="#/overview" aria-current=${r.view === 'overview' ? 'page' : nothing}>Class</a>
          <a href="#/settings" aria-current=${r.view === 'settings' ? 'page' : nothing}>Settings</a>
        </nav>
        <cr-search .entries=${this.entries ?? []} .documents=${this.documents}></cr-search>
      </header>
      ${this.storeWarning ? html`<div class="warning" role="alert">${this.storeWarning}</div>` : nothing}
      ${this.#quarantineNote()}
      <main id="main">${this.#view(r)}</main></cr-store-provider>
      ${this.#storageNote()}
      ${this.#toasts.render()}
      <cr-help></cr-help>`;
  }

  #view(r: Route) {
    if (this.error) return html`<div class="status" role="alert"><h1>Something went wrong</h1><p>${this.error}</p><p><a href="#/">Back to the library</a></p></div>`;
    if (r.view === 'not-found') return html`<div class="status"><h1>Page not found</h1><p>Nothing lives at <code>${r.path}</code>.</p><p><a href="#/">Back to the library</a></p></div>`;
    if (!this.entries) return html`<p class="status" role="status">Loading the library…</p>`;
    if (r.view === 'library') return html`<cr-library .entries=${this.entries} .opening=${this.#files.opening}></cr-library>`;
    if (!this.storeReady) return html`<p class="status" role="status">Opening…</p>`;
    if (r.view === 'claims' || r.view === 'compare' || r.view === 'settings' || r.view === 'map') void loadView(r.view);
    if (r.view === 'share') {
      void loadView('share');
      return html`<cr-share-view .entries=${this.entries} .documents=${this.documents} code=${r.code}></cr-share-view>`;
    }
    if (r.view === 'map') return html`<cr-map-view .entries=${this.entries} .documents=${this.documents}></cr-map-view>`;
    if (r.view === 'settings') return html`<cr-settings .entries=${this.entries} .documents=${this.documents}></cr-settings>`;
    if (r.view === 'claims') return html`<cr-claims-view .entries=${this.entries} .documents=${this.documents} claimId=${r.claim ?? ''} tag=${r.tag ?? ''}></cr-claims-view>`;
    if (r.view === 'events') {
      void loadView('events');
      return html`<cr-events-view .entries=${this.entries} .documents=${this.documents} eventId=${r.event ?? ''} tag=${r.tag ?? ''}></cr-events-view>`;
    }
    if (r.view === 'overview') {
      void loadView('overview');
      return html`<cr-overview .entries=${this.entries} .documents=${this.documents}></cr-overview>`;
    }
    if (r.view === 'compare') return html`<cr-compare-view .entries=${this.entries} .documents=${this.documents} left=${r.left} right=${r.right} .leftParagraph=${r.lp} .rightParagraph=${r.rp}></cr-compare-view>`;
    if (!this.entries.some((e) => e.id === r.id)) return html`<div class="status"><h1>No such source</h1><p>The library has no source called “${r.id}”.</p><p><a href="#/">Back to the library</a></p></div>`;
    if (this.doc?.meta.id !== r.id || !this.storeReady) return html`<p class="status" role="status">Opening…</p>`;
    return html`<cr-reader .doc=${this.doc} .paragraph=${r.p} ?heat=${!!r.heat} mark=${r.mark ?? ''} .entries=${this.entries} .documents=${this.documents}></cr-reader>`;
  }

  async #load(): Promise<void> {
    try {
      if (!this.#builtIn) {
        this.#builtIn = await this.corpus.index();
        this.#listSources();
      }
      const r = this.route;
      if (r.view === 'read' && this.doc?.meta.id !== r.id && this.entries?.some((e) => e.id === r.id)) {
        // A file opened in this tab is at hand: no await, so the reader replaces the library in one render.
        const opened = this.store.sources.has(r.id) ? undefined : this.#files.docs.get(r.id);
        const doc = opened ?? (await this.documents(r.id));
        if (this.route === r) {
          this.doc = doc;
          document.title = `${doc.meta.title} — Crossread`;
        }
      } else if (r.view !== 'read') {
        document.title = 'Crossread';
      }
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  #onOpenFile = (e: OpenFileEvent): void => void this.#files.open(e.file);
  #onOpenCancel = (): void => this.#files.cancel();

  // open() never rejects: without IndexedDB the store runs in memory and says so in `warning`.
  async #openStore(): Promise<void> {
    this.store.addEventListener('store-error', (e: StoreErrorEvent) => {
      this.#toasts.say(e.message, 8000);
      this.storeWarning = this.store.warning?.message ?? '';
    });
    // Opening and other tabs' changes may set records aside (or release them): keep the notice current.
    this.#unsubscribe?.();
    this.#unsubscribe = this.store.subscribe((diff) => {
      this.setAside = this.store.quarantined.length;
      if (!diff.sources) return;
      this.#listSources();
      // The source being read renamed (its text cannot change): the reader shows the new details.
      const id = this.doc?.meta.id;
      if (id && diff.sources.updated[id]) void this.documents(id).then((d) => this.doc?.meta.id === id && (this.doc = d));
    });
    await this.store.open();
    this.setAside = this.store.quarantined.length;
    this.storeWarning = this.store.warning?.message ?? '';
    this.storeReady = true;
    // The reader's own sources are known now: list them, and open one the route names.
    this.#listSources();
    void this.#load();
    this.storage = await this.store.requestPersistentStorage();
  }

  // Where the reader's work lives and whether the browser promised to keep it; without storage the banner says it.
  #storageNote() {
    if (!this.storeReady || this.store.mode !== 'indexeddb' || !this.storage) return nothing;
    return html`<footer class="storage" data-storage=${this.storage}>${storageNote(this.store, this.storage)}
      <a href=${routeHash({ view: 'settings' })}>Settings</a></footer>`;
  }

  // Damaged records never stop the app, but the reader is told they exist and where to find them.
  #quarantineNote() {
    const n = this.storeReady ? this.setAside : 0;
    if (n === 0 || this.route.view === 'settings') return nothing;
    return html`<div class="notice" role="status">${n === 1 ? '1 saved record is damaged and was' : `${n} saved records are damaged and were`}
      set aside, untouched; everything else loaded. <a href=${routeHash({ view: 'settings' })}>See ${n === 1 ? 'it' : 'them'} in Settings</a></div>`;
  }

  #onNotify = (e: NotifyEvent) => {
    this.#toasts.say(e.message, e.action ? 8000 : 4000, e.action, e.also);
  };

  #onHash = () => {
    this.route = parseRoute(location.hash);
    this.#files.routeChanged();
    void this.#load();
  };

  #onCopied = (e: CiteCopiedEvent) => {
    this.#toasts.say(e.ok ? (e.text.startsWith('http') ? 'Link to paragraph copied' : 'Passage copied with citation') : 'Could not copy: the browser refused access to the clipboard');
  };

  // Undo and redo are the app's, in every view: one handler, one place that says what happened.
  // So are `/`, which focuses the search box, and `?`, the list of every shortcut.
  #onKey = (e: KeyboardEvent) => {
    if ((e.key === '/' || e.key === '?') && !e.defaultPrevented && !e.ctrlKey && !e.metaKey && !e.altKey && !shortcutsOff(e)) {
      e.preventDefault();
      if (e.key === '/') this.renderRoot.querySelector('cr-search')?.focus();
      else this.renderRoot.querySelector('cr-help')?.show();
      return;
    }
    if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || shortcutsOff(e)) return;
    if (!this.storeReady) return;
    e.preventDefault();
    const redo = e.shiftKey;
    void this.#toasts.report(() => (redo ? this.store.redo() : this.store.undo()), redo ? 'Redone' : 'Undone');
  };

  // A button, not an `#main` link: the hash belongs to the router.
  #skip(): void {
    const target = this.renderRoot.querySelector('#main')?.firstElementChild as HTMLElement | null;
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  }
}

// The claims and compare views load on first visit; reading needs neither. Lit keeps properties
// set before an element is defined and applies them when it upgrades.
const views = {
  claims: () => import('../claims/cr-claims-view.ts'),
  compare: () => import('../compare/cr-compare-view.ts'),
  settings: () => import('../settings/cr-settings.ts'),
  events: () => import('../events/cr-events-view.ts'),
  map: () => import('../map/cr-map-view.ts'),
  share: () => import('../exchange/cr-share-view.ts'),
  overview: () => import('../overview/cr-overview.ts'),
};
const loading = new Map<keyof typeof views, Promise<unknown>>();
function loadView(view: keyof typeof views): Promise<unknown> {
  let p = loading.get(view);
  if (!p) loading.set(view, (p = views[view]()));
  return p;
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-app': CrApp;
  }
}
