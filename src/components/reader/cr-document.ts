import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Highlighter } from '../../reader/highlighter.ts';
import type { ColourBy, Placed } from '../../annotate/anchored.ts';
import type { Block, DocModel } from '../../corpus/types.ts';
import { blockToShow, paragraphsOfSpan, stepParagraph } from '../../corpus/paragraphs.ts';
import { TextMap } from '../../reader/text-map.ts';
import { parseRoute } from '../../app/route.ts';
import { AnnotateRequestEvent, AnnotationActivateEvent, CiteCopiedEvent, ParagraphFocusEvent, type AnnotateIntent } from '../shared/events.ts';
import { copyText } from '../shared/clipboard.ts';
import { inlineCitation } from '../../corpus/citation.ts';
import { proseStyles } from './prose-styles.ts';
import { annotationsAtPoint, highlightStyles, paintHighlights, previewOf } from './highlight-layer.ts';
import { paintSearchMarks, searchMarkStyles } from './search-marks.ts';
import { layOut } from './lay-out.ts';
import { foreignLook, type LayerLooks } from '../layers/layer-look.ts';
import { heldImageOfButton, heldImagesBar, heldImageStyles, loadAllHeldImages, loadHeldImage } from './held-images.ts';
import { ALL_INTENTS, SelectionToolbar, selectionRange, toolbarStyles, type Span } from './selection-toolbar.ts';
import { heatStripStyles } from '../overview/heat-strip.ts';

export { selectionRange } from './selection-toolbar.ts';

/**
 * The text of one source: sanitized HTML from the document model, with paragraph numbers in
 * the margin (`paragraph-numbers.ts`) and ¶ navigation; the annotations painted as highlights
 * and found under a click (`highlight-layer.ts`); a toolbar over a selection
 * (`selection-toolbar.ts`). Copying a passage gives its plain text plus "(Author Year, ¶n)".
 * Images of a user's file wait as placeholders until the reader loads them (`held-images.ts`).
 * The text is laid out piece by piece (`lay-out.ts`), so a long one never holds the page; it is
 * ready (text map built, highlights painted) when `updateComplete` resolves.
 *
 * @fires cr-cite-copied - a paragraph link or a passage was copied
 * @fires cr-paragraph-focus - the current paragraph changed
 * @fires cr-annotate - the user asked to highlight, note or tag the selected passage
 * @fires cr-annotation-activate - a click landed on highlighted text
 */
// Beyond this many characters of HTML (a 400-page book), blocks off screen are not laid out.
const LONG_HTML = 1_000_000;

@customElement('cr-document')
export class CrDocument extends LitElement {
  static override styles = [
    proseStyles,
    highlightStyles,
    searchMarkStyles,
    toolbarStyles,
    heldImageStyles,
    heatStripStyles,
    css`
      :host { display: block; }
      article.over-highlight { cursor: pointer; }
      /* A very long text comes in parts (lay-out.ts): lay out only those near the screen. */
      article.long > .part { content-visibility: auto; }
      .laying { font: 0.85rem var(--cr-sans); color: var(--cr-ink-soft); margin: 0 0 1rem; }
    `,
  ];

  /** The document to show. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;

  /** Annotations placed in this document's text, painted as highlights. */
  @property({ attribute: false }) accessor placed: readonly Placed[] = [];
  /** Id of the annotation to mark as selected. */
  @property() accessor activeId = '';
  /** What highlight colours stand for. */
  @property() accessor colourBy: ColourBy = 'tag';
  /** The store's layers: passages of other layers are underlined in their colour (ADR 0013). */
  @property({ attribute: false }) accessor layers: LayerLooks = new Map();
  /** The ¶ where a search's words are marked (`search-marks.ts`), with the words, space-separated. */
  @property({ type: Number }) accessor markParagraph: number | undefined;
  @property() accessor markWords = '';
  /** The selection toolbar's buttons (Compare offers only Highlight). */
  @property({ attribute: false }) accessor intents: readonly AnnotateIntent[] = ALL_INTENTS;

  /** Images of this document not loaded yet (a user's file holds them until asked). */
  @state() private accessor heldImages = 0;
  /** Percent of the text laid out, while a long text is laid out piece by piece. */
  @state() private accessor laying: number | undefined;

  /** Maps between DOM ranges and text offsets; set once the document is laid out. */
  textMap: TextMap | undefined;
  /** This document's painted highlights. */
  readonly highlighter = new Highlighter();
  /** The search's marks, painted apart from the annotations. */
  readonly searchMarks = new Highlighter();

  readonly #toolbar = new SelectionToolbar(this, () => this.renderRoot as ShadowRoot, () => this.textMap, (span, intent) => {
    if (this.doc) this.dispatchEvent(new AnnotateRequestEvent(this.doc.meta.id, span.start, span.end, intent));
  }, () => this.intents);
  // The layout under way, if any, and how to stop it when the document changes.
  #layout: Promise<void> | undefined;
  #stopLayout: AbortController | undefined;

  /** The last passage selected in this document (kept after the selection is gone, so a
   * button elsewhere can still use it, e.g. re-attaching an orphan). */
  get lastSelection(): Span | undefined {
    return this.#toolbar.last;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.highlighter.clear();
    this.searchMarks.clear();
  }

  // Ready means laid out: waits for the layout and the update it ends with.
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#layout) {
      await this.#layout;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override render() {
    if (!this.doc) return html``;
    // The article's content is the layout's, not Lit's: the template leaves it empty.
    return html`${heldImagesBar(this.heldImages, () => this.#loadAll())}${this.laying === undefined ? nothing : html`<p class="laying" role="status">Laying out the text… ${this.laying}%</p>`}
      <article class="prose ${this.doc.html.length > LONG_HTML ? 'long' : ''}" lang="en" @copy=${this.#onCopy} @click=${this.#onClick} @mousemove=${this.#onHover}></article>
      ${this.#toolbar.render()}`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('doc')) this.#layOut();
    else if (this.textMap && (changed.has('placed') || changed.has('activeId') || changed.has('colourBy') || changed.has('layers'))) this.#paint();
    if (!changed.has('doc') && this.textMap && (changed.has('markParagraph') || changed.has('markWords'))) this.#paintMarks();
  }

  #layOut(): void {
    this.#stopLayout?.abort();
    this.#layout = undefined;
    this.textMap = undefined;
    this.highlighter.clear();
    this.searchMarks.clear();
    this.heldImages = 0;
    const doc = this.doc;
    const article = this.renderRoot.querySelector('article');
    if (!doc || !article) return;
    article.replaceChildren();
    const stop = (this.#stopLayout = new AbortController());
    // In tens of percent: the status is announced, and a screen reader need not hear every step.
    const progress = (fraction: number) => (this.laying = Math.floor(fraction * 10) * 10);
    this.#layout = (async () => {
      const laid = await layOut(article, doc, doc.html.length > LONG_HTML, progress, stop.signal);
      if (!laid || stop.signal.aborted) return;
      this.heldImages = laid.heldImages;
      this.laying = undefined;
      this.textMap = new TextMap(article, doc.blocks, { elements: laid.elements });
      this.#layout = undefined;
      if (!this.isConnected) return;
      this.#paint();
      this.#paintMarks();
    })();
  }

  #paint(): void {
    paintHighlights(this.highlighter, this.textMap!, this.placed, this.activeId, this.colourBy, (a) => foreignLook(this.layers, a.layer)?.slot ?? 0);
  }

  #paintMarks(): void {
    if (this.doc) paintSearchMarks(this.searchMarks, this.textMap!, this.doc, this.markParagraph, this.markWords);
  }

  /** Annotate the current selection: fires cr-annotate and clears the selection. */
  annotateSelection(intent: AnnotateIntent): boolean {
    return this.#toolbar.annotate(intent);
  }

  /** Scroll to an annotation's passage and flash it. */
  revealAnnotation(id: string): boolean {
    const p = this.placed.find((x) => x.annotation.id === id);
    const range = p && this.textMap?.offsetsToRange(p.start, p.end);
    if (!range) return false;
    const el = range.startContainer.parentElement?.closest('[data-block]') as HTMLElement | null;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    if (el) this.flash(el);
    return true;
  }

  #loadAll(): void {
    const article = this.renderRoot.querySelector('article');
    if (article) loadAllHeldImages(article);
    this.heldImages = 0;
    // The bar and its button go: the next key starts from the top of the text.
    article?.setAttribute('tabindex', '-1');
    article?.focus({ preventScroll: true });
  }

  // Hovering highlighted text previews its note (or tags) as a tooltip; a click opens it.
  #onHover(e: MouseEvent): void {
    if (!this.placed.length) return;
    const article = e.currentTarget as HTMLElement;
    const hit = annotationsAtPoint(this.renderRoot as ShadowRoot, this.textMap, this.placed, e.clientX, e.clientY)[0];
    article.classList.toggle('over-highlight', !!hit);
    const preview = previewOf(hit, hit && foreignLook(this.layers, hit.annotation.layer)?.from);
    if (article.title !== preview) article.title = preview;
  }

  /** Numbered blocks in reading order. */
  get numberedBlocks(): Block[] {
    return this.doc?.blocks.filter((b) => b.numbered) ?? [];
  }

  /** Focus the block holding offset `at` (without scrolling): keys go on from there. */
  focusPassage(at: number): void {
    const el = this.textMap?.offsetsToRange(at, at)?.startContainer.parentElement?.closest<HTMLElement>('[data-block]');
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
  }

  /** Scroll to ¶n (its block holding offset `at`, if given), focus it and flash it; false when there is no ¶n. */
  async revealParagraph(n: number, opts: { focus?: boolean; flash?: boolean; at?: number } = {}): Promise<boolean> {
    await this.updateComplete;
    const block = this.doc && blockToShow(this.doc.blocks, n, opts.at);
    const el = block && this.textMap?.element(block.id);
    if (!block || !el) return false;
    const target = el.closest<HTMLElement>('.table-wrap') ?? (el as HTMLElement);
    target.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    if (!block.numbered) el.scrollIntoView({ block: 'nearest', behavior: 'instant' as ScrollBehavior });
    this.renderRoot.querySelector('.current')?.classList.remove('current');
    el.classList.add('current');
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    if (opts.focus !== false) (el as HTMLElement).focus({ preventScroll: true });
    if (opts.flash) this.flash(target);
    this.dispatchEvent(new ParagraphFocusEvent(this.doc!.meta.id, n));
    return true;
  }

  /** The paragraph number currently focused or marked current, if any. */
  get currentParagraph(): number | undefined {
    const el = this.renderRoot.querySelector('.current');
    const n = el?.getAttribute('data-n');
    return n ? Number(n) : undefined;
  }

  /** Briefly highlight an element so the eye finds it after a jump. */
  flash(el: Element): void {
    el.classList.remove('flash');
    void (el as HTMLElement).offsetWidth; // restart the animation
    el.classList.add('flash');
  }

  /** Move to the next (+1) or previous (-1) numbered paragraph. */
  step(delta: 1 | -1): void {
    const next = this.doc && stepParagraph(this.doc.blocks, this.currentParagraph ?? this.#firstVisible(), delta);
    if (next !== undefined) void this.revealParagraph(next);
  }

  #firstVisible(): number | undefined {
    for (const b of this.numberedBlocks) {
      const el = this.textMap?.element(b.id);
      if (el && el.getBoundingClientRect().bottom > 80) return b.n - 1 >= 1 ? b.n - 1 : undefined;
    }
    return undefined;
  }

  async #onClick(e: MouseEvent): Promise<void> {
    const held = heldImageOfButton(e.target);
    if (held) {
      e.preventDefault(); // an image inside a link: load it, do not follow the link
      if (loadHeldImage(held)) this.heldImages--;
      held.setAttribute('tabindex', '-1'); // its button is gone; keep the keyboard's place
      held.focus({ preventScroll: true });
      return;
    }
    const a = (e.target as Element).closest?.<HTMLAnchorElement>('a.pnum');
    if (!a && this.placed.length && document.getSelection()?.isCollapsed !== false) {
      // Highlights take no pointer events: find what lies under the click ourselves.
      const hits = annotationsAtPoint(this.renderRoot as ShadowRoot, this.textMap, this.placed, e.clientX, e.clientY);
      if (hits.length) this.dispatchEvent(new AnnotationActivateEvent(hits.map((h) => h.annotation.id)));
      return;
    }
    if (!a || !this.doc) return;
    e.preventDefault();
    const n = Number(a.textContent);
    const url = new URL(a.getAttribute('href')!, location.href).href;
    // The address follows the cited paragraph only in the reader; elsewhere (compare) it stays.
    if (parseRoute(location.hash).view === 'read') history.replaceState(null, '', a.getAttribute('href'));
    void this.revealParagraph(n, { focus: false });
    const ok = await copyText(url);
    this.dispatchEvent(new CiteCopiedEvent(url, ok));
  }

  #onCopy(e: ClipboardEvent): void {
    const text = this.citedSelection();
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    this.dispatchEvent(new CiteCopiedEvent(text, true));
  }

  /** The current selection in this document as plain text with its citation, or null. */
  citedSelection(): string | null {
    const range = selectionRange(this.renderRoot as ShadowRoot);
    const span = range && this.textMap?.rangeToOffsets(range);
    if (!span || span.end <= span.start || !this.doc) return null;
    const text = this.doc.text.slice(span.start, span.end).replace(/\n/g, '\n\n').trim();
    const ps = paragraphsOfSpan(this.doc.blocks, span.start, span.end);
    return ps ? `${text} ${inlineCitation(this.doc.meta, ps.from, ps.to)}` : text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-document': CrDocument;
  }
}
