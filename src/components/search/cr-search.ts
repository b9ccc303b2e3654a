import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import { SLICE_MS } from '../../search/add-source.ts';
import { LiveIndex } from '../../search/live-index.ts';
import { DEFAULT_LIMIT, MOST_PER_KIND, type Hit, type Results } from '../../search/search-index.ts';
import type { Kind, Target } from '../../search/documents.ts';
import { count } from '../../map/words.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { StoreController } from '../store/store-controller.ts';
import { hitHash, KIND_LABELS, KIND_NOUNS, optionContent } from './search-options.ts';
import { searchStyles } from './search-styles.ts';

/** An option: a hit, or the one that lists a kind cut short whole. */
type Item = Hit | { more: Kind; total: number };

const moreLabel = (m: { more: Kind; total: number }) =>
  m.total > MOST_PER_KIND ? `Show the best ${MOST_PER_KIND} of ${count(m.total, KIND_NOUNS[m.more])}` : `Show all ${count(m.total, KIND_NOUNS[m.more])}`;

/**
 * The one search box (issue 9 §3), in the app bar: the sources' text, claims, notes, tags and
 * events, ranked, with prefix and fuzzy matching (`src/search/`). An ARIA 1.2 combobox whose
 * popup is a listbox grouped by kind: ArrowDown/ArrowUp move, Enter or a click opens, Escape
 * closes the list (and a second Escape empties the box). The app shell focuses it on `/`. Each
 * kind lists its best few; a last option lists the rest of that kind (the best hundred).
 *
 * The index follows the store's diffs (`LiveIndex`); the sources are added in slices from the
 * first focus on, user-opened files as they arrive. Results render user text as text.
 */
@customElement('cr-search')
export class CrSearch extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [controlStyles, searchStyles];

  /** Sources of the library, built-in and opened by the user; each is indexed once. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model. */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;

  @state() private accessor query = '';
  @state() private accessor open = false;
  @state() private accessor active = -1;
  /** The kind listed whole ("Show all 58 passages"), until the query changes. */
  @state() private accessor whole: Kind | undefined;
  // Bumped when the index changes, so results are searched again.
  @state() private accessor version = 0;

  @query('input') private accessor input!: HTMLInputElement;

  readonly #stop = new AbortController();
  readonly #live = new LiveIndex(
    {
      budgetMs: SLICE_MS,
      now: () => performance.now(),
      yieldToPage: () => new Promise((resolve) => setTimeout(resolve)),
      signal: this.#stop.signal,
    },
    () => this.version++,
  );
  readonly #data = new StoreController(this, (change) => {
    if (change) this.#live.change(change.diff);
    else if (this.#data.store) void this.#live.attach(this.#data.store);
    this.version++;
  });
  readonly #indexed = new Set<string>();
  // The sources' text is indexed from the first time the box is focused: a reader who never
  // searches never pays for it, and nothing runs behind other work (a file being read, say).
  #wanted = false;
  #results: Results | undefined;
  // The options in order: hits, and after a kind cut short, the option that lists it whole.
  #items: Item[] = [];

  /** The index behind the box (for tests: it is updated, never replaced). */
  get index() {
    return this.#live.index;
  }

  // Claims, notes and events of a hidden layer are not found (ADR 0013); source text and tags always are.
  #shown = (t: Target): boolean => {
    const store = this.#data.store;
    const record = !store ? undefined : t.kind === 'claim' ? store.getClaim(t.claim) : t.kind === 'note' ? store.getAnnotation(t.annotation) : t.kind === 'event' ? store.getEvent(t.event) : undefined;
    return !record || store!.isShown(record);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('entries') || changed.has('documents')) this.#indexSources();
    if (changed.has('query')) this.whole = undefined;
    if (changed.has('query') || changed.has('version') || changed.has('whole')) {
      const limit = (kind: Kind) => (kind === this.whole ? MOST_PER_KIND : DEFAULT_LIMIT);
      this.#results = this.query.trim() ? this.#live.index.search(this.query, limit, this.#shown) : undefined;
      this.#items = this.#results?.groups.flatMap((g): Item[] => (g.total > g.hits.length && g.kind !== this.whole ? [...g.hits, { more: g.kind, total: g.total }] : g.hits)) ?? [];
      // The first option is active as soon as there is one (Enter opens it), also when results arrive late.
      const n = this.#items.length;
      this.active = n ? Math.min(Math.max(this.active, 0), n - 1) : -1;
    }
  }

  protected override updated(): void {
    if (this.open && this.active >= 0) this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const expanded = this.open && this.#items.length > 0;
    return html`<input id="input" type="search" role="combobox" aria-label="Search sources, claims, notes, tags and events"
        aria-autocomplete="list" aria-controls="results" aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this.active >= 0 ? `opt-${this.active}` : nothing}
        autocomplete="off" spellcheck="false" placeholder="Search" .value=${live(this.query)}
        @input=${this.#onInput} @keydown=${this.#onKey} @focus=${this.#onFocus} @blur=${() => (this.open = false)} />
      ${this.query ? nothing : html`<span class="key" aria-hidden="true">/</span>`}
      <div class="popup" ?hidden=${!this.open}>
        ${this.#message()}
        <div id="results" role="listbox" aria-label="Search results">${this.#groups()}</div>
      </div>
      <div class="visually-hidden" role="status">${this.open ? this.#announcement() : ''}</div>`;
  }

  #groups() {
    let i = 0;
    return (this.#results?.groups ?? []).map((g) => html`<ul role="group" aria-labelledby="head-${g.kind}">
      <li class="head" id="head-${g.kind}" role="presentation">${KIND_LABELS[g.kind]}<span>${g.total > g.hits.length ? `${g.hits.length} of ${g.total}` : g.total}</span></li>
      ${g.hits.map((hit) => this.#option(hit, i++))}
      ${g.total > g.hits.length && g.kind !== this.whole ? this.#option({ more: g.kind, total: g.total }, i++) : nothing}
    </ul>`);
  }

  #option(item: Item, i: number) {
    const more = 'more' in item;
    return html`<li id="opt-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} data-kind=${more ? 'more' : item.target.kind}
      @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose(item)}>${more ? moreLabel(item) : optionContent(item, this.entries)}</li>`;
  }

  // A hit opens; "Show all" lists its kind whole, the active option staying where it was: on
  // the first hit not shown before.
  #choose(item: Item): void {
    if ('more' in item) this.whole = item.more;
    else void this.#go(item);
  }

  #message() {
    const indexing = this.#live.loading ? html`<p class="message faint">Still indexing the sources; results may grow.</p>` : nothing;
    const r = this.#results;
    if (!this.query.trim()) {
      return html`<p class="message">Search the sources’ text, claims, notes, tags and events. Words are found by their
          beginning and despite small misspellings: try <q>Tokaev</q> or <q>middle power</q>.</p>${indexing}`;
    }
    if (!r || r.terms.length === 0) return html`<p class="message">Type a word that says more than <q>${this.query.trim()}</q>: common words like “the” and “of” are not searched.</p>`;
    if (r.groups.length === 0) {
      return html`<p class="message">No results for <q>${this.query.trim()}</q>. Check the spelling, or use fewer or other words.</p>${indexing}`;
    }
    return html`${r.partial ? html`<p class="message faint">Nothing has all these words; showing results with some of them.</p>` : nothing}${indexing}`;
  }

  #announcement(): string {
    const r = this.#results;
    if (!r) return '';
    if (r.groups.length === 0) return `No results for ${this.query.trim()}.`;
    const parts = r.groups.map((g) => count(g.total, KIND_NOUNS[g.kind]));
    return `${parts.join(', ')}. Use the arrow keys to choose, Enter to open.`;
  }

  #indexSources(): void {
    const documents = this.documents;
    if (!this.#wanted || !documents) return;
    // A source gone from the library (the reader removed theirs) leaves the results too.
    const listed = new Set(this.entries.map((e) => e.id));
    for (const id of this.#indexed) {
      if (listed.has(id)) continue;
      this.#indexed.delete(id);
      this.#live.index.removeSource(id);
      this.version++;
    }
    for (const e of this.entries) {
      if (this.#indexed.has(e.id)) continue;
      this.#indexed.add(e.id);
      this.#live.addSource(documents(e.id)).catch(() => this.#indexed.delete(e.id)); // tried again on the next change
    }
  }

  #onFocus(): void {
    this.open = true;
    this.#wanted = true;
    this.#indexSources();
  }

  #onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = 0;
  }

  #onKey(e: KeyboardEvent): void {
    const n = this.#items.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        this.open = true;
        if (n) this.active = e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n;
        return;
      }
      case 'Enter': {
        const item = this.#items[Math.max(this.active, 0)];
        if (!this.open || !item) return;
        e.preventDefault();
        this.#choose(item);
        return;
      }
      case 'Escape':
        e.preventDefault();
        if (this.open) this.open = false;
        else this.query = '';
        return;
    }
  }

  async #go(hit: Hit): Promise<void> {
    this.open = false;
    this.input.blur();
    const t = hit.target;
    // A note found before its source's text was indexed has no ¶ yet: its source says.
    if (t.kind === 'note' && hit.n === undefined && this.documents) {
      const n = await this.documents(t.source).then((doc) => paragraphAt(doc.blocks, t.start), () => undefined);
      if (n !== undefined) hit = { ...hit, n };
    }
    location.hash = hitHash(hit);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-search': CrSearch;
  }
}
