import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { citeOf } from '../../corpus/citation.ts';
import type { DocModel } from '../../corpus/types.ts';
import { placeAnnotations, type Placed } from '../../annotate/anchored.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import { highlight } from '../annotate/highlight.ts';
import { routeHash } from '../../app/route.ts';
import { crossLinks, type CrossLink } from '../../map/graph.ts';
import { count, relationPhrase } from '../../map/words.ts';
import { shownData } from '../../map/shown.ts';
import { marginEntries, paragraphOfPlaced, revealTarget, type MarginEntry } from './layout.ts';
import { badgeStyles, linkBadge } from '../shared/relations.ts';
import type { AnnotateIntent, AnnotateRequestEvent, AnnotationActivateEvent } from '../shared/events.ts';
import { CompareSelectEvent, CompareSourceEvent, type Side } from './compare-events.ts';
import type { CrCompareColumn } from './cr-compare-column.ts';
import { StoreController } from '../store/store-controller.ts';
import './cr-compare-column.ts';
import '../layers/cr-layer-legend.ts';
import { looksOf } from '../layers/layer-look.ts';

/** Per-column values. */
type Pair<T> = Record<Side, T>;

const SIDES: readonly Side[] = ['left', 'right'];
const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
/** What the columns' keys other than H would do, said where it is done. */
const IN_READER: Record<Exclude<AnnotateIntent, 'highlight'>, string> = {
  note: 'Notes are written in the reader',
  tag: 'Tags are added in the reader',
  claim: 'Claims are made in the reader',
  evidence: 'Evidence is added to claims in the reader',
  related: 'Related passages are listed in the reader',
};

/**
 * Side-by-side reading (`#/compare/<left>/<right>`): two sources in columns that scroll on
 * their own, each with its highlights and, in the gutter between them, the claims whose evidence
 * is in view. Choosing a claim (or one of its links) in one column brings the matching evidence
 * into view in the other. Follows every store change, from this tab or another.
 * `#/compare/<left>/<right>/p/<n>/<m>` opens the pair of ¶n and ¶m, each scrolled into its column.
 * The route is the source of truth: picking a source sets `location.hash`; the app then hands
 * the new ids down.
 */
@customElement('cr-compare-view')
export class CrCompareView extends LitElement {
  static override styles = [badgeStyles, css`
    :host { display: block; }
    .view { display: flex; flex-direction: column; height: calc(100dvh - 3.25rem); }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .empty { flex: none; margin: 0; padding: 0.6rem 1.5rem; background: var(--cr-panel); border-bottom: 1px solid var(--cr-rule); font: 0.88rem/1.5 var(--cr-sans); color: var(--cr-ink-soft); }
    .empty a { color: var(--cr-link); }
    .columns { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    @media (max-width: 899px) {
      .view { height: auto; }
      .columns { grid-template-columns: minmax(0, 1fr); }
      cr-compare-column { height: calc(100dvh - 3.25rem); }
      cr-compare-column + cr-compare-column { border-top: 2px solid var(--cr-rule); }
    }
    cr-layer-legend { flex: none; padding: 0.3rem 1rem; border-bottom: 1px solid var(--cr-rule); }
    .cross { flex: none; border-bottom: 1px solid var(--cr-rule); font: 0.82rem/1.4 var(--cr-sans); }
    .cross summary { padding: 0.35rem 1rem; cursor: pointer; color: var(--cr-ink-soft); }
    .cross summary:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: -2px; }
    .cross ul { list-style: none; margin: 0; padding: 0 0.6rem 0.5rem; max-height: 30vh; overflow: auto; }
    .cross button {
      display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); gap: 0.8rem; align-items: center; width: 100%;
      font: inherit; color: var(--cr-ink); text-align: left; background: none; border: 0; border-radius: 4px; padding: 0.25rem 0.4rem; cursor: pointer;
    }
    .cross button:hover { background: var(--cr-hover); }
    .cross button:focus-visible { outline: 2px solid var(--cr-focus); }
    .cross .rel { display: inline-flex; gap: 0.3rem; align-items: center; color: var(--cr-ink-faint); }
  `];

  /** Sources of the library (metadata). */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model (to place evidence and give ¶ numbers). */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;
  /** Source shown in the left column. */
  @property() accessor left = '';
  /** Source shown in the right column. */
  @property() accessor right = '';
  /** ¶ of the left source to scroll to (from the route). */
  @property({ type: Number }) accessor leftParagraph: number | undefined;
  /** ¶ of the right source to scroll to (from the route). */
  @property({ type: Number }) accessor rightParagraph: number | undefined;

  @state() private accessor docs: Pair<DocModel | undefined> = { left: undefined, right: undefined };
  @state() private accessor problems: Pair<string> = { left: '', right: '' };
  @state() private accessor active: Pair<string> = { left: '', right: '' };
  @state() private accessor selected: Pair<string> = { left: '', right: '' };
  @state() private accessor status: Pair<string> = { left: '', right: '' };
  /** Bumped on every store change (and on attaching to a store), so derived lists are rebuilt. */
  @state() private accessor revision = 0;

  readonly #data = new StoreController(this, () => {
    this.revision++;
  });
  #placed: Pair<readonly Placed[]> = { left: [], right: [] };
  // The ¶ each column was last scrolled to, as "source ¶": scrolled once per route, not per store change.
  #shownParagraph: Pair<string> = { left: '', right: '' };
  #margins: Pair<readonly MarginEntry[]> = { left: [], right: [] };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    for (const side of SIDES) if (changed.has(side) || changed.has('entries') || changed.has('documents')) void this.#load(side);
    if (changed.has('docs') || changed.has('revision')) {
      const store = this.#data.store;
      for (const side of SIDES) {
        const doc = this.docs[side];
        const placed = doc && store ? placeAnnotations(doc, store.annotationsOf(doc.meta.id).filter(store.isShown)).placed : [];
        this.#placed = { ...this.#placed, [side]: placed };
        this.#margins = { ...this.#margins, [side]: doc && store ? marginEntries(shownData(store), doc.meta.id, placed) : [] };
      }
    }
  }

  protected override updated(): void {
    for (const side of SIDES) {
      const n = side === 'left' ? this.leftParagraph : this.rightParagraph;
      const doc = this.docs[side];
      const key = n && doc ? `${doc.meta.id} ${n}` : '';
      if (key === this.#shownParagraph[side]) continue;
      this.#shownParagraph = { ...this.#shownParagraph, [side]: key };
      // Opened at a pair of ¶s from elsewhere ("Open side by side"): keys go on from the left one.
      if (n) void this.column(side)?.revealParagraph(n, side === 'left' && !(this.renderRoot as ShadowRoot).activeElement);
    }
  }

  override render() {
    const hasClaims = (this.#data.store?.claims.size ?? 0) > 0;
    const cite = (id: string) => this.#cite(id);
    return html`<div class="view">
      <h1 class="sr-only">Compare ${cite(this.left)} with ${cite(this.right)}</h1>
      ${hasClaims
        ? nothing
        : html`<p class="empty"><strong>No claims yet.</strong> Claims appear beside their passages here. Make one from a passage in the reader
            (<a href=${routeHash({ view: 'read', id: this.left })}>${cite(this.left)}</a>, <a href=${routeHash({ view: 'read', id: this.right })}>${cite(this.right)}</a>),
            then link claims that support, contradict or qualify each other in <a href="#/claims">Claims</a>.</p>`}
      ${this.#crossLinks()}
      <cr-layer-legend></cr-layer-legend>
      <div class="columns" @cr-compare-select=${this.#onSelect} @cr-compare-source=${this.#onSource}>
        ${SIDES.map((side) => html`<cr-compare-column side=${side} source=${this[side]} otherSource=${this[other(side)]}
            .library=${this.entries} .doc=${this.docs[side]} .placed=${this.#placed[side]} .entries=${this.#margins[side]}
            .paragraphOf=${this.#paragraphOf} .layers=${looksOf(this.#data.store)} activeId=${this.active[side]} selectedKey=${this.selected[side]}
            status=${this.status[side]} problem=${this.problems[side]} ?hasClaims=${hasClaims}
            @cr-annotation-activate=${(e: AnnotationActivateEvent) => this.#onActivate(side, e)}
            @cr-annotate=${(e: AnnotateRequestEvent) => this.#onAnnotate(side, e)}></cr-compare-column>`)}
      </div>
    </div>`;
  }

  // The links between the two sources, always at hand whatever is scrolled into view.
  #crossLinks() {
    const cross = this.#data.store ? crossLinks(this.#data.store, this.left, this.right) : [];
    if (!cross.length) return nothing;
    const n = cross.length;
    return html`<details class="cross">
      <summary>${count(n, 'link')} between ${this.#cite(this.left)} (left) and ${this.#cite(this.right)} (right)</summary>
      <ul>${cross.map((x) => html`<li><button type="button" @click=${() => this.#showBoth(x)}>
        <span>“${x.left.statement}”</span>
        <span class="rel">${linkBadge(x)}</span>
        <span>“${x.right.statement}”</span>
      </button></li>`)}</ul>
    </details>`;
  }

  /** The column element of a side (for tests). */
  column(side: Side): CrCompareColumn | null {
    return this.renderRoot.querySelector(`cr-compare-column[side=${side}]`);
  }

  async #load(side: Side): Promise<void> {
    const id = this[side];
    if (this.docs[side]?.meta.id === id || !this.documents) return;
    const set = <T>(pair: Pair<T>, value: T): Pair<T> => ({ ...pair, [side]: value });
    if (this.entries.length && !this.entries.some((e) => e.id === id)) {
      this.problems = set(this.problems, `The library has no source called “${id}”. Pick one above.`);
      this.docs = set(this.docs, undefined);
      return;
    }
    this.problems = set(this.problems, '');
    this.active = set(this.active, '');
    this.selected = set(this.selected, '');
    this.status = set(this.status, '');
    try {
      const doc = await this.documents(id);
      if (this[side] === id) this.docs = set(this.docs, doc);
    } catch (e) {
      if (this[side] === id) this.problems = set(this.problems, `Could not open ${this.#cite(id)}: ${(e as Error).message}`);
    }
  }

  #onSource = (e: CompareSourceEvent) => {
    const pair = { left: this.left, right: this.right, [e.side]: e.source };
    location.hash = routeHash({ view: 'compare', left: pair.left, right: pair.right });
  };

  // A claim or link chosen in one column: show the matching evidence in the other column.
  #onSelect = async (e: CompareSelectEvent) => {
    const store = this.#data.store;
    const to = other(e.side);
    const doc = this.docs[to];
    if (!store || !doc) return;
    const where = this.#cite(doc.meta.id);
    this.selected = { ...this.selected, [e.side]: `${e.claimId} ${e.annotationId}` };
    this.active = { ...this.active, [e.side]: e.annotationId };
    this.status = { ...this.status, [e.side]: '' };
    const target = revealTarget(store, e.claimId, e.linkId, doc.meta.id, this.#placed[to]);
    const say = (message: string) => (this.status = { ...this.status, [to]: message });
    if (target.kind === 'none') {
      this.active = { ...this.active, [to]: '' };
      say(e.linkId ? `No evidence for the linked claim in ${where}.` : `No evidence for this claim in ${where}.`);
      return;
    }
    this.active = { ...this.active, [to]: target.annotation };
    const n = this.#paragraphOf(doc.meta.id, target.annotation);
    const at = n ? `${where}, ¶${n}` : where;
    if (target.kind === 'own') say(`This claim’s evidence in ${at}.`);
    else if (e.linkId) say(`This claim ${relationPhrase(target.via)} “${target.via.other.statement}”: ${at}.`);
    else say(`No evidence for this claim in ${where}; showing the claim it ${relationPhrase(target.via)}${n ? ` (¶${n})` : ''}: “${target.via.other.statement}”.`);
    await this.updateComplete;
    await this.column(to)?.reveal(target.annotation);
  };

  // Both ends of a cross link, each in its own column.
  async #showBoth(x: CrossLink): Promise<void> {
    const store = this.#data.store;
    if (!store) return;
    const ends: Pair<string> = { left: x.left.id, right: x.right.id };
    for (const side of SIDES) {
      const target = revealTarget(store, ends[side], undefined, this[side], this.#placed[side]);
      const annotation = target.kind === 'own' ? target.annotation : '';
      this.active = { ...this.active, [side]: annotation };
      this.selected = { ...this.selected, [side]: annotation ? `${ends[side]} ${annotation}` : '' };
      this.status = { ...this.status, [side]: annotation ? '' : `This claim’s passage is not found in this version of ${this.#cite(this[side])}.` };
    }
    await this.updateComplete;
    for (const side of SIDES) if (this.active[side]) await this.column(side)?.reveal(this.active[side]);
  }

  #onActivate(side: Side, e: AnnotationActivateEvent): void {
    const id = e.ids[0] ?? '';
    this.active = { ...this.active, [side]: id };
    const card = this.#margins[side].find((m) => m.passage.annotation.id === id);
    this.selected = { ...this.selected, [side]: card?.key ?? '' };
  }

  // Highlighting works here as in the reader (the columns offer only H). Notes, tags, claims and
  // related passages are the reader's: their keys say so and save nothing.
  async #onAnnotate(side: Side, e: AnnotateRequestEvent): Promise<void> {
    const doc = this.docs[side];
    const store = this.#data.store;
    if (!doc || !store || e.docId !== doc.meta.id) return;
    if (e.intent !== 'highlight') {
      const n = paragraphAt(doc.blocks, e.start);
      const where = `${this.#cite(doc.meta.id)}${n === undefined ? '' : `, ¶${n}`}`;
      this.status = { ...this.status, [side]: `${IN_READER[e.intent]}: select the passage there (${where}). Nothing was saved.` };
      return;
    }
    try {
      const done = await highlight(store, doc, this.#placed[side], e.start, e.end);
      this.active = { ...this.active, [side]: done.id };
      this.status = { ...this.status, [side]: done.existed ? 'Already highlighted.' : 'Highlighted.' };
    } catch (err) {
      this.status = { ...this.status, [side]: `Could not save the highlight: ${(err as Error).message}` };
    }
  }

  #paragraphOf = (source: string, annotationId: string): number | undefined => {
    for (const side of SIDES) {
      if (this.docs[side]?.meta.id === source) return paragraphOfPlaced(this.docs[side], this.#placed[side], annotationId);
    }
    return undefined;
  };

  #cite(id: string): string {
    return citeOf(this.entries, id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-compare-view': CrCompareView;
  }
}
