import { LitElement, html, nothing } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Placed } from '../../annotate/anchored.ts';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { citeOf } from '../../corpus/citation.ts';
import { numberedBlock } from '../../corpus/paragraphs.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { LinkView } from '../../map/graph.ts';
import { count } from '../../map/words.ts';
import { entriesIn, stackCards, visibleSpan, type MarginEntry } from './layout.ts';
import type { CrDocument } from '../reader/cr-document.ts';
import { CompareSelectEvent, CompareSourceEvent, type Side } from './compare-events.ts';
import { columnStyles } from './column-styles.ts';
import { cardStyles, cardTemplate, ESTIMATED_CARD_HEIGHT, type CardContext } from './margin-cards.ts';
import { foreignLook, type LayerLooks } from '../layers/layer-look.ts';
import '../reader/cr-document.ts';

/** A card in view: its entry and the top (px, relative to the column) of its passage. */
interface InView {
  entry: MarginEntry;
  want: number;
}

const GAP = 8;
// Compare highlights; notes, tags and claims are made in the reader (cr-compare-view says so).
const HIGHLIGHT_ONLY = ['highlight'] as const;

/**
 * One column of the compare view: a source picker, the text in its own scroll container with
 * its highlights, and a margin of claim cards beside the passages in view, each at the height
 * of its passage. The margin follows scrolling (once per frame) and resizing.
 *
 * @fires cr-compare-source - the reader picked another source for this column
 * @fires cr-compare-select - the reader chose a claim card or one of its links
 */
@customElement('cr-compare-column')
export class CrCompareColumn extends LitElement {
  static override styles = [cardStyles, columnStyles];

  /** Which column this is (reflected: the styles mirror the right one). */
  @property({ reflect: true }) accessor side: Side = 'left';
  /** Id of the source shown. */
  @property() accessor source = '';
  /** Id of the source in the other column. */
  @property() accessor otherSource = '';
  /** The library's sources, offered in the picker. */
  @property({ attribute: false }) accessor library: readonly LibraryEntry[] = [];
  /** The source's document, once loaded. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Its annotations, placed in its text. */
  @property({ attribute: false }) accessor placed: readonly Placed[] = [];
  /** Every margin card of the source, in reading order; those in view are shown. */
  @property({ attribute: false }) accessor entries: readonly MarginEntry[] = [];
  /** ¶ number of an annotation in a source, where known (for link cards). */
  @property({ attribute: false }) accessor paragraphOf: (source: string, annotationId: string) => number | undefined = () => undefined;
  /** Annotation marked as active in the text. */
  @property() accessor activeId = '';
  /** Key of the selected card. */
  @property() accessor selectedKey = '';
  /** Polite status line (what the last selection revealed here, or why it could not). */
  @property() accessor status = '';
  /** Why the source could not be shown, if it could not. */
  @property() accessor problem = '';
  /** The store's layers, to mark other layers' passages and claims (ADR 0013). */
  @property({ attribute: false }) accessor layers: LayerLooks = new Map();
  /** False while nobody has made a claim: the margin then gives its room to the text (the view says where claims come from). */
  @property({ type: Boolean, reflect: true }) accessor hasClaims = false;

  @state() private accessor inView: InView[] = [];
  /** The claim passages nearest above and below the view, when none is in it. */
  @state() private accessor nearest: { before?: MarginEntry; after?: MarginEntry } = {};
  /** Height of the margin (px), the room the cards stack in. */
  @state() private accessor room = Infinity;

  @query('.scroller') private accessor scroller!: HTMLElement;
  @query('.margin') private accessor marginEl!: HTMLElement;
  @query('cr-document') private accessor documentEl: CrDocument | null = null;

  #heights = new Map<string, number>();
  #frame = 0;
  #resize = new ResizeObserver(() => this.#schedule());

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate(); // re-observe after a move in the DOM
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    void this.#afterUpdate(changed); // Lit does not wait for updated(): placing the cards goes on after it returns
  }

  async #afterUpdate(changed: Map<PropertyKey, unknown>): Promise<void> {
    this.#resize.observe(this.scroller);
    if (this.documentEl) this.#resize.observe(this.documentEl);
    if (changed.has('doc')) {
      this.scroller.scrollTop = 0;
      this.#heights.clear();
      await this.documentEl?.updateComplete;
    }
    if (changed.has('doc') || changed.has('entries')) this.#schedule();
    // Cards are placed with estimated heights first; measure them and place them again.
    let remeasure = false;
    for (const card of this.renderRoot.querySelectorAll<HTMLElement>('.card')) {
      const key = card.dataset['key']!;
      if (this.#heights.get(key) !== card.offsetHeight) remeasure = true;
      this.#heights.set(key, card.offsetHeight);
    }
    if (remeasure) this.requestUpdate();
  }

  override render() {
    const cite = this.#cite(this.source);
    const name = this.side === 'left' ? 'Left' : 'Right';
    return html`<header>
        <label for="pick">${name} source</label>
        <select id="pick" @change=${this.#onPick}>
          ${this.library.some((e) => e.id === this.source) ? nothing : html`<option value=${this.source} selected>${this.source}</option>`}
          ${this.library.map((e) => html`<option value=${e.id} ?selected=${e.id === this.source}>${e.cite}</option>`)}
        </select>
        <h2 id="title" title=${this.doc?.meta.title ?? ''}>${this.doc?.meta.title ?? cite}</h2>
        <p class="status" role="status" title=${this.status}>${this.status}</p>
      </header>
      <!-- The margin comes first in the DOM, so Tab reaches the claims before the ¶ links of the text. -->
      <div class="body">
        ${this.#margin(cite)}${this.#text(cite)}
      </div>`;
  }

  #text(cite: string) {
    return html`<div class="scroller" tabindex="0" role="region" aria-label="${cite}, ${this.side} column" @scroll=${this.#schedule}>
      ${this.problem
        ? html`<p class="problem">${this.problem}</p>`
        : this.doc
          ? html`<cr-document .doc=${this.doc} .placed=${this.placed} activeId=${this.activeId} .layers=${this.layers} .intents=${HIGHLIGHT_ONLY}></cr-document>`
          : html`<p class="hint">Opening ${cite}…</p>`}
    </div>`;
  }

  #margin(cite: string) {
    const heights = this.inView.map((v) => ({ want: v.want, height: this.#heights.get(v.entry.key) ?? ESTIMATED_CARD_HEIGHT }));
    const tops = stackCards(heights, GAP, this.room);
    const ctx: CardContext = {
      side: this.side, source: this.source, otherSource: this.otherSource, cite: (s) => this.#cite(s),
      paragraphOf: this.paragraphOf, selectedKey: this.selectedKey, select: this.#select, look: (layer) => foreignLook(this.layers, layer),
    };
    const n = this.entries.length;
    const hint = !this.hasClaims
      ? 'No claims yet.'
      : !n
        ? `No claims have evidence in ${cite} yet.`
        : !this.inView.length
          ? `${count(n, 'passage')} with claims in ${cite}, none in view.`
          : '';
    return html`<aside class="margin" aria-label="Claims beside ${cite}">
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      ${n && !this.inView.length ? this.#jumps() : nothing}
      ${this.inView.map((v) => html`<span class="tick" aria-hidden="true" style=${styleMap({ top: `${v.want}px` })}></span>`)}
      <ul class="cards">${repeat(this.inView, (v) => v.entry.key, (v, i) => cardTemplate(v.entry, tops[i]!, ctx))}</ul>
    </aside>`;
  }

  // With no claim passage in view, buttons to the nearest ones above and below.
  #jumps() {
    const { before, after } = this.nearest;
    const go = (e: MarginEntry) => () => void this.reveal(e.passage.annotation.id);
    return html`<div class="jumps">
      ${before ? html`<button type="button" @click=${go(before)}><span aria-hidden="true">↑</span> Previous claim passage</button>` : nothing}
      ${after ? html`<button type="button" @click=${go(after)}>Next claim passage <span aria-hidden="true">↓</span></button>` : nothing}
    </div>`;
  }

  /**
   * Scroll the text so an annotation's passage sits a third of the way down the column, flash
   * its paragraph and return true; false when the passage is not placed in this text.
   */
  async reveal(annotationId: string): Promise<boolean> {
    await this.updateComplete;
    const docEl = this.documentEl;
    await docEl?.updateComplete;
    const p = this.placed.find((x) => x.annotation.id === annotationId);
    const map = docEl?.textMap;
    const range = p && map?.offsetsToRange(p.start, p.end);
    if (!p || !map || !docEl || !range) return false;
    this.#scrollTo(range);
    const block = map.blockAt(p.start);
    const el = block && map.element(block.id);
    if (el) docEl.flash(el);
    return true;
  }

  /** Scroll the text to ¶n as to a passage (see {@link reveal}) and flash it, focused when
   * asked; false when there is no ¶n. */
  async revealParagraph(n: number, focus = false): Promise<boolean> {
    await this.updateComplete;
    const docEl = this.documentEl;
    await docEl?.updateComplete;
    const block = this.doc && numberedBlock(this.doc.blocks, n);
    const el = block && docEl?.textMap?.element(block.id);
    if (!el || !docEl) return false;
    this.#scrollTo(el);
    docEl.flash(el);
    if (focus) docEl.focusPassage(block.start);
    return true;
  }

  // A third of the way down the column (the top, for what is taller than most of it).
  #scrollTo(target: Range | Element): void {
    // On narrow screens the columns are stacked and the page scrolls: bring this one into view.
    if (this.scroller.getBoundingClientRect().top < 0 || this.scroller.getBoundingClientRect().top > innerHeight) this.scroller.scrollIntoView({ block: 'start' });
    const box = this.scroller.getBoundingClientRect();
    const r = target.getBoundingClientRect();
    const offset = r.height < box.height * 0.6 ? box.height / 3 : 24;
    // A jump, not a smooth scroll: across a long text an animation only delays; the flash orients.
    this.scroller.scrollTo({ top: this.scroller.scrollTop + r.top - box.top - offset, behavior: 'instant' });
  }

  /** Cards currently in view, in reading order (for tests and the view). */
  get cardsInView(): readonly MarginEntry[] {
    return this.inView.map((v) => v.entry);
  }

  /** The scroll container of the text. */
  get scrollContainer(): HTMLElement {
    return this.scroller;
  }

  #schedule = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#layout());
  };

  // Which passages are in view (from block boxes, by binary search), and where they are.
  #layout(): void {
    const map = this.documentEl?.textMap;
    if (!map || !this.doc || !this.entries.length) {
      if (this.inView.length) this.inView = [];
      return;
    }
    if (this.marginEl.clientHeight !== this.room) this.room = this.marginEl.clientHeight;
    const box = this.scroller.getBoundingClientRect();
    const span = visibleSpan(this.doc.blocks, (b) => map.element(b.id)?.getBoundingClientRect(), box.top, box.bottom);
    const inView: InView[] = [];
    for (const entry of span ? entriesIn(this.entries, span) : []) {
      const r = map.offsetsToRange(entry.passage.start, entry.passage.end)?.getBoundingClientRect();
      if (!r || r.bottom <= box.top || r.top >= box.bottom) continue;
      inView.push({ entry, want: Math.max(0, r.top - box.top) });
    }
    const same = inView.length === this.inView.length && inView.every((v, i) => v.entry === this.inView[i]!.entry && Math.abs(v.want - this.inView[i]!.want) < 0.5);
    if (!same) this.inView = inView;
    const before = inView.length || !span ? undefined : this.entries.filter((e) => e.passage.end <= span.start).at(-1);
    const after = inView.length ? undefined : span ? this.entries.find((e) => e.passage.start >= span.end) : this.entries[0];
    if (before !== this.nearest.before || after !== this.nearest.after) this.nearest = { before, after };
  }

  #select = (entry: MarginEntry, link?: LinkView) => {
    this.dispatchEvent(new CompareSelectEvent(this.side, entry.claim.id, entry.passage.annotation.id, link?.link.id));
  };

  #onPick(e: Event): void {
    const id = (e.target as HTMLSelectElement).value;
    if (id !== this.source) this.dispatchEvent(new CompareSourceEvent(this.side, id));
  }

  #cite(source: string): string {
    return citeOf(this.library, source);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-compare-column': CrCompareColumn;
  }
}
