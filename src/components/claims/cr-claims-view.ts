import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Claim, EvidenceItem } from '../../store/index.ts';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { citeOf } from '../../corpus/citation.ts';
import { routeHash } from '../../app/route.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { ClaimEditingEvent, ClaimIntentEvent, ClaimSelectEvent } from './claim-events.ts';
import { controlStyles } from '../shared/control-styles.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import type { CrLinkDialog } from './cr-link-dialog.ts';
import type { CrMergeDialog } from './cr-merge-dialog.ts';
import { count } from '../../map/words.ts';
import { actOnClaim } from './claim-actions.ts';
import { Paragraphs, type Paragraph } from '../../annotate/paragraphs.ts';
import { hiddenNote } from '../layers/hidden-note.ts';
import { StoreController } from '../store/store-controller.ts';
import type { CrClaimCard } from './cr-claim-card.ts';
import './cr-claim-card.ts';
import '../layers/cr-layer-legend.ts';
import '../shared/cr-confirm-dialog.ts';
import './cr-events-manager.ts';
import './cr-link-dialog.ts';
import './cr-merge-dialog.ts';
import { filterSelect, type FilterOption } from '../shared/filter-select.ts';

/** What the list is narrowed to; `''` means any. */
interface Filters {
  source: string;
  tag: string;
  event: string;
  author: string;
}

const NO_FILTERS: Filters = { source: '', tag: '', event: '', author: '' };

/** Cards listed at first and added by each "List more": thousands of cards take seconds to lay out. */
export const CLAIMS_PAGE = 200;

/**
 * All claims, newest first, filterable by source, tag, event and author, with
 * the events manager beside them. The selected claim (route `#/claims/<id>`,
 * or a click on a statement) is expanded. Deleting a claim asks first, listing
 * the links that go with it; deletions and merges offer Undo in a toast
 * (Ctrl/⌘+Z is the app shell's, in every view). Everything
 * follows the store live, including changes made in other tabs.
 *
 * @fires cr-notify - after deleting, linking or merging (with Undo), and for refusals
 */
@customElement('cr-claims-view')
export class CrClaimsView extends LitElement {
  static override styles = [
    controlStyles,
    css`
      cr-layer-legend { margin: 0 0 0.6rem; }
      :host { display: block; }
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 2rem; max-width: 74rem; margin: 0 auto; padding: 1.5rem; align-items: start; }
      @media (max-width: 56rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
      h1 { font: 700 1.4rem/1.2 var(--cr-sans); margin: 0 0 0.8rem; }
      .filters { display: flex; gap: 0.7rem; flex-wrap: wrap; align-items: end; margin-bottom: 0.6rem; }
      .filters select { max-width: 14rem; }
      .shown, .hidden-note { color: var(--cr-ink-faint); font-size: 0.82rem; margin: 0 0 0.7rem; }
      ol.claims { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.7rem; }
      .more { color: var(--cr-ink-soft); font-size: 0.9rem; margin: 1rem 0 0; display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
      .empty { background: var(--cr-card); border: 1px dashed var(--cr-rule); border-radius: 8px; padding: 1rem 1.2rem; color: var(--cr-ink-soft); line-height: 1.55; }
      .empty h2 { font-size: 1rem; color: var(--cr-ink); margin: 0 0 0.4rem; }
      kbd { font: 600 0.8rem var(--cr-mono); border: 1px solid var(--cr-rule); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.3rem; background: var(--cr-bg); }
      ul { padding-left: 1.2rem; }
    `,
  ];

  /** Sources of the library (metadata). */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model (to place evidence and give ¶ numbers). */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;
  /** Claim selected by the route, if any. */
  @property() accessor claimId = '';
  /** Tag to filter by, from the route (`#/claims/tag/<tag>`, e.g. a tag found by search). */
  @property() accessor tag = '';

  @state() private accessor selected = '';
  @state() private accessor filters: Filters = NO_FILTERS;
  /** How many of the matching claims are listed; back to a page when the filters change. */
  @state() private accessor listed = CLAIMS_PAGE;
  /** Claims whose card is being edited: a card stays while edited, even once another tab deleted its claim. */
  @state() private accessor edited: ReadonlyMap<string, Claim> = new Map();
  @state() private accessor paragraphOf: (item: EvidenceItem) => Paragraph = () => undefined;

  @query('cr-link-dialog') private accessor linkDialog!: CrLinkDialog;
  @query('cr-merge-dialog') private accessor mergeDialog!: CrMergeDialog;
  @query('cr-confirm-dialog') private accessor confirm!: CrConfirmDialog;

  readonly #data = new StoreController(this);

  #paragraphs: Paragraphs | undefined;
  #focusCard = false;
  #heldCard = -1;


  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Which card holds focus, if one does: should it go (deleted, merged away), a card near it takes focus.
    const held = (this.renderRoot as ShadowRoot).activeElement;
    this.#heldCard = held?.localName === 'cr-claim-card' ? [...this.renderRoot.querySelectorAll('cr-claim-card')].indexOf(held as CrClaimCard) : -1;
    if (changed.has('claimId')) this.selected = this.claimId;
    if (changed.has('tag') && this.tag) this.filters = { ...NO_FILTERS, tag: this.tag };
    if (changed.has('filters')) this.listed = CLAIMS_PAGE;
    if (changed.has('documents') || !this.#paragraphs) {
      const paragraphs = new Paragraphs(this.documents, () => (this.paragraphOf = (e) => paragraphs.of(e.annotation)));
      this.#paragraphs = paragraphs;
      this.paragraphOf = (e) => paragraphs.of(e.annotation);
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const card = this.selected ? this.renderRoot.querySelector<CrClaimCard>(`cr-claim-card[data-id="${CSS.escape(this.selected)}"]`) : null;
    if (changed.has('selected')) {
      card?.scrollIntoView({ block: 'nearest' });
      // Arrived from elsewhere (a chip in the reader, a toast's Open): the next key is for the
      // card, once it is drawn (the store may still be loading).
      this.#focusCard = !!this.selected && !(this.renderRoot as ShadowRoot).activeElement;
    }
    // The focused card went: the selected one (a merge's kept claim) or the one now in its place takes focus.
    if (this.#heldCard >= 0 && !(this.renderRoot as ShadowRoot).activeElement && document.activeElement === document.body) {
      const cards = this.renderRoot.querySelectorAll<CrClaimCard>('cr-claim-card');
      this.#focusCard = false;
      (card ?? cards[Math.min(this.#heldCard, cards.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#claims-title'))?.focus();
    }
    if (this.#focusCard && card) {
      this.#focusCard = false;
      void card.updateComplete.then(() => card.focus());
    }
  }

  override render() {
    const newest = (a: Claim, b: Claim) => b.created.localeCompare(a.created);
    const store = this.#data.store;
    const all = store ? [...store.claims.values()].filter(store.isShown).sort(newest) : [];
    const gone = [...this.edited.values()].filter((c) => !this.#data.store?.getClaim(c.id));
    const matching = this.#filter(all);
    const shown = gone.length ? [...matching, ...gone].sort(newest) : matching;
    // The selected claim is always listed, with the claims newer than it.
    const listed = Math.max(this.listed, shown.findIndex((c) => c.id === this.selected) + 1);
    return html`<div class="layout">
        <section aria-labelledby="claims-title">
          <h1 id="claims-title" tabindex="-1">Claims</h1>
          ${hiddenNote(store)}
          ${all.length ? this.#filterBar(all) : nothing}
          ${all.length
            ? html`<p class="shown" role="status">${matching.length === all.length ? count(all.length, 'claim') : `Showing ${matching.length} of ${count(all.length, 'claim')}`}${
              gone.length ? ` (and ${count(gone.length, 'claim')} deleted elsewhere, kept while you edit)` : ''}${shown.length > listed ? `, the newest ${listed} listed` : ''}</p>`
            : nothing}
          <cr-layer-legend></cr-layer-legend>
          ${all.length + gone.length === 0 ? (store?.claims.size ? nothing : this.#empty()) : shown.length === 0
            ? html`<p class="empty">No claim matches these filters. <button type="button" @click=${() => (this.filters = NO_FILTERS)}>Clear filters</button></p>`
            : html`<ol class="claims" @cr-claim-select=${this.#onSelect} @cr-claim-intent=${this.#onIntent} @cr-claim-editing=${this.#onEditing}>
                ${repeat(shown.slice(0, listed), (c) => c.id, (c) => html`<li><cr-claim-card data-id=${c.id} .claim=${c} .entries=${this.entries}
                  .paragraphOf=${this.paragraphOf} .documents=${this.documents} ?expanded=${c.id === this.selected}></cr-claim-card></li>`)}
              </ol>
              ${shown.length > listed ? this.#more(shown.length - listed, listed) : nothing}`}
        </section>
        <cr-events-manager></cr-events-manager>
      </div>
      <cr-link-dialog></cr-link-dialog>
      <cr-merge-dialog @cr-claim-select=${this.#onMerged}></cr-merge-dialog>
      <cr-confirm-dialog></cr-confirm-dialog>`;
  }

  #empty() {
    return html`<div class="empty">
      <h2>No claims yet</h2>
      <p>A claim is a short statement backed by passages from the sources, such as “The violence in Almaty was aimed at Tokayev, not Nazarbayev”.
        To make one, open a source from the <a href="#/">Library</a>, select a passage and press <kbd>C</kbd> (or choose <b>Claim</b> in the toolbar above the selection).</p>
      <p>Back here you can add more passages to it, link claims that support, contradict or qualify each other, place them in events and merge duplicates.</p>
    </div>`;
  }

  #more(rest: number, listed: number) {
    return html`<p class="more">${count(rest, 'older claim')} not listed.
      <button type="button" @click=${() => this.#listMore(listed, Math.min(CLAIMS_PAGE, rest))}>List ${Math.min(CLAIMS_PAGE, rest)} more</button>
      ${rest > CLAIMS_PAGE ? html`<button type="button" @click=${() => this.#listMore(listed, rest)}>List all</button>` : nothing}</p>`;
  }

  // Focus goes to the first card added, where reading goes on.
  async #listMore(listed: number, more: number): Promise<void> {
    this.listed = listed + more;
    await this.updateComplete;
    this.renderRoot.querySelectorAll('cr-claim-card')[listed]?.focus();
  }

  #filterBar(all: readonly Claim[]) {
    const store = this.#data.store!;
    const sources = [...new Set(all.flatMap((c) => store.evidenceOf(c.id).map((e) => e.annotation.target.source)))]
      .map((id) => ({ value: id, label: citeOf(this.entries, id) }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const tags = [...new Set(all.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)).map((t) => ({ value: t, label: t }));
    const events = store.eventsByStart().map((e) => ({ value: e.id, label: e.name }));
    const authors = [...new Set(all.map((c) => c.creator.name))].sort((a, b) => a.localeCompare(b)).map((a) => ({ value: a, label: a }));
    const f = this.filters;
    return html`<div class="filters" role="group" aria-label="Filter claims">
      ${this.#select('source', 'Source', sources)} ${this.#select('tag', 'Tag', tags)}
      ${this.#select('event', 'Event', events)} ${this.#select('author', 'Author', authors)}
      ${f.source || f.tag || f.event || f.author ? html`<button type="button" @click=${() => (this.filters = NO_FILTERS)}>Clear filters</button>` : nothing}
      ${f.event ? html`<a href=${routeHash({ view: 'events', event: f.event })}>Compare sources on this event</a>`
        : f.tag ? html`<a href=${routeHash({ view: 'events', tag: f.tag })}>Compare sources on this tag</a>` : nothing}
    </div>`;
  }

  #select(key: keyof Filters, label: string, options: readonly FilterOption[]) {
    return filterSelect(key, label, this.filters[key] ?? '', options, (value) => (this.filters = { ...this.filters, [key]: value }));
  }

  #filter(all: Claim[]): Claim[] {
    const store = this.#data.store;
    const f = this.filters;
    if (!store) return [];
    const sets = [
      f.source && store.claimsOf(f.source),
      f.tag && store.claimsTagged(f.tag),
      f.event && store.claimsOfEvent(f.event),
      f.author && store.claimsBy(f.author),
    ].flatMap((list) => (list ? [new Set(list.map((c) => c.id))] : []));
    return all.filter((c) => sets.every((s) => s.has(c.id)));
  }

  #onSelect = (e: ClaimSelectEvent) => this.#select_(e.claimId);

  // Merged: the card the dialog gave focus back to is gone, so the kept claim's card takes it.
  #onMerged = async (e: ClaimSelectEvent): Promise<void> => {
    this.#select_(e.claimId);
    await this.updateComplete;
    this.renderRoot.querySelector<CrClaimCard>(`cr-claim-card[data-id="${CSS.escape(e.claimId)}"]`)?.focus();
  };

  #select_(id: string): void {
    this.selected = id;
    const hash = routeHash({ view: 'claims', claim: id || undefined });
    if (location.hash !== hash) location.hash = hash;
  }

  // A card whose claim another tab deleted goes once its editor closes; focus goes to the heading.
  #onEditing = async (e: ClaimEditingEvent): Promise<void> => {
    const edited = new Map(this.edited);
    if (e.editing) edited.set(e.claim.id, e.claim);
    else edited.delete(e.claim.id);
    this.edited = edited;
    if (e.editing || this.#data.store?.getClaim(e.claim.id)) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#claims-title')?.focus();
  };

  #onIntent = async (e: ClaimIntentEvent): Promise<void> => {
    const store = this.#data.store;
    const dialogs = { link: this.linkDialog, merge: this.mergeDialog, confirm: this.confirm };
    if (store && (await actOnClaim(this, dialogs, store, e.intent, e.claimId)) && this.selected === e.claimId) this.#select_('');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-claims-view': CrClaimsView;
  }
}
