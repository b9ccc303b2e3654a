import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { Highlighter } from '../../reader/highlighter.ts';
import { annotationsAt, colourOf, COLOURS, type ColourBy, type Placed } from '../../annotate/anchored.ts';
import { noteOf, tagsOf } from '../../store/index.ts';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block, DocModel } from '../../corpus/types.ts';
import { paragraphsOfSpan } from '../../corpus/paragraphs.ts';
import { TextMap } from '../../reader/text-map.ts';
import { parseRoute, routeHash } from '../../app/route.ts';
import { AnnotateRequestEvent, AnnotationActivateEvent, CiteCopiedEvent, ParagraphFocusEvent, type AnnotateIntent } from '../shared/events.ts';
import { copyText } from '../shared/clipboard.ts';
import { isTyping } from '../shared/keys.ts';
import { inlineCitation } from '../../corpus/citation.ts';
import { proseStyles } from './prose-styles.ts';

/**
 * The text of one source: sanitized HTML from the document model, with paragraph numbers in
 * the margin. Copying a passage gives its plain text plus "(Author Year, ¶n)".
 *
 * @fires cr-cite-copied - a paragraph link or a passage was copied
 * @fires cr-paragraph-focus - the current paragraph changed
 * @fires cr-annotate - the user asked to highlight, note or tag the selected passage
 * @fires cr-annotation-activate - a click landed on highlighted text
 */
@customElement('cr-document')
export class CrDocument extends LitElement {
  static override styles = [
    proseStyles,
    highlightStyles(),
    css`
      :host { display: block; }
      .toolbar {
        position: fixed; z-index: 40; display: flex; gap: 2px; padding: 3px;
        background: var(--cr-ink); border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
        transform: translate(-50%, calc(-100% - 8px));
      }
      .toolbar button {
        font: 600 0.82rem var(--cr-sans); color: var(--cr-bg); background: transparent; border: 0;
        padding: 0.4rem 0.65rem; border-radius: 5px; cursor: pointer;
      }
      .toolbar button:hover, .toolbar button:focus-visible { background: rgb(255 255 255 / 0.16); outline: none; }
      .toolbar kbd { font: 0.7rem var(--cr-mono); opacity: 0.65; margin-left: 0.3rem; }
      article.over-highlight { cursor: pointer; }
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

  /** The selected passage, while the toolbar shows. */
  @state() private accessor selection: { start: number; end: number; x: number; y: number } | undefined;

  /** The last passage selected in this document (kept after the selection is gone, so a
   * button elsewhere can still use it, e.g. re-attaching an orphan). */
  lastSelection: { start: number; end: number } | undefined;

  /** Maps between DOM ranges and text offsets; rebuilt when the document changes. */
  textMap: TextMap | undefined;
  /** This document's painted highlights. */
  readonly highlighter = new Highlighter();

  #decorated: DocModel | undefined;
  #frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.#onSelectionChange);
    document.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    document.removeEventListener('keydown', this.#onKey);
    this.highlighter.clear();
    cancelAnimationFrame(this.#frame);
  }

  override render() {
    if (!this.doc) return html``;
    const sel = this.selection;
    return html`<article class="prose" lang="en" @copy=${this.#onCopy} @click=${this.#onClick} @mousemove=${this.#onHover}>${unsafeHTML(this.doc.html)}</article>
      ${sel
        ? html`<div class="toolbar" role="toolbar" aria-label="Annotate selection" style=${styleMap({ left: `${sel.x}px`, top: `${sel.y}px` })}
            @mousedown=${(e: Event) => e.preventDefault()}>
            <button type="button" @click=${() => this.annotateSelection('highlight')}>Highlight<kbd>H</kbd></button>
            <button type="button" @click=${() => this.annotateSelection('note')}>Note<kbd>N</kbd></button>
            <button type="button" @click=${() => this.annotateSelection('tag')}>Tag<kbd>T</kbd></button>
            <button type="button" @click=${() => this.annotateSelection('claim')}>Claim<kbd>C</kbd></button>
            <button type="button" @click=${() => this.annotateSelection('evidence')}>Evidence for…<kbd>E</kbd></button>
          </div>`
        : ''}`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (this.doc && this.#decorated !== this.doc) {
      this.#decorated = this.doc;
      const article = this.renderRoot.querySelector('article')!;
      this.#decorate(article, this.doc);
      this.textMap = new TextMap(article, this.doc.blocks);
    }
    if (changed.has('placed') || changed.has('activeId') || changed.has('doc') || changed.has('colourBy')) this.#paint();
  }

  /** Annotate the current selection: fires cr-annotate and clears the selection. */
  annotateSelection(intent: AnnotateIntent): boolean {
    const sel = this.selection;
    if (!sel || !this.doc) return false;
    this.dispatchEvent(new AnnotateRequestEvent(this.doc.meta.id, sel.start, sel.end, intent));
    document.getSelection()?.removeAllRanges();
    this.selection = undefined;
    return true;
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

  // One highlight layer per colour, plus the selected annotation drawn on top of them.
  #paint(): void {
    const map = this.textMap;
    if (!map) return;
    const layers = new Map<string, Range[]>();
    for (let i = 0; i < COLOURS; i++) layers.set(`cr-h${i}`, []);
    layers.set('cr-active', []);
    for (const p of this.placed) {
      const r = map.offsetsToRange(p.start, p.end);
      if (!r) continue;
      layers.get(`cr-h${colourOf(p.annotation, this.colourBy)}`)!.push(r);
      if (p.annotation.id === this.activeId) layers.get('cr-active')!.push(r.cloneRange());
    }
    this.highlighter.paint(layers);
  }

  #offsetAt(x: number, y: number): number | undefined {
    const root = this.renderRoot as ShadowRoot;
    const pos = document.caretPositionFromPoint?.(x, y, { shadowRoots: [root] });
    if (!pos || !root.contains(pos.offsetNode)) return undefined;
    const r = document.createRange();
    r.setStart(pos.offsetNode, pos.offset);
    return this.textMap?.rangeToOffsets(r)?.start;
  }

  // Hovering highlighted text previews its note (or tags) as a tooltip; a click opens it.
  #onHover(e: MouseEvent): void {
    if (!this.placed.length) return;
    const article = e.currentTarget as HTMLElement;
    const at = this.#offsetAt(e.clientX, e.clientY);
    const hit = at === undefined ? undefined : annotationsAt(this.placed, at)[0];
    article.classList.toggle('over-highlight', !!hit);
    const preview = hit ? (noteOf(hit.annotation) ?? tagsOf(hit.annotation).join(', ')) || 'Highlight: click to open' : '';
    if (article.title !== preview) article.title = preview;
  }

  #onSelectionChange = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const range = selectionRange(this.renderRoot as ShadowRoot);
      const span = range && this.textMap?.rangeToOffsets(range);
      if (!range || !span || span.end <= span.start) {
        this.selection = undefined;
        return;
      }
      const rect = range.getBoundingClientRect();
      this.lastSelection = span;
      this.selection = { ...span, x: rect.left + rect.width / 2, y: Math.max(rect.top, 48) };
    });
  };

  #onKey = (e: KeyboardEvent) => {
    if (!this.selection || e.altKey || e.ctrlKey || e.metaKey || isTyping(e)) return;
    const intent = ({ h: 'highlight', n: 'note', t: 'tag', c: 'claim', e: 'evidence' } as const)[e.key.toLowerCase() as 'h' | 'n' | 't' | 'c' | 'e'];
    if (intent && this.annotateSelection(intent)) e.preventDefault();
    else if (e.key === 'Escape') {
      document.getSelection()?.removeAllRanges();
      this.selection = undefined;
    }
  };

  /** Numbered blocks in reading order. */
  get numberedBlocks(): Block[] {
    return this.doc?.blocks.filter((b) => b.numbered) ?? [];
  }

  /** Scroll to paragraph n, focus it and flash it. Returns false when there is no such ¶. */
  async revealParagraph(n: number, opts: { focus?: boolean; flash?: boolean } = {}): Promise<boolean> {
    await this.updateComplete;
    const block = this.numberedBlocks.find((b) => b.n === n);
    const el = block && this.textMap?.element(block.id);
    if (!block || !el) return false;
    const target = (el.closest('.table-wrap') as HTMLElement | null) ?? (el as HTMLElement);
    target.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    this.renderRoot.querySelector('.current')?.classList.remove('current');
    el.classList.add('current');
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
    const ns = [...new Set(this.numberedBlocks.map((b) => b.n))];
    const cur = this.currentParagraph ?? this.#firstVisible();
    const i = cur === undefined ? -1 : ns.indexOf(cur);
    const next = ns[Math.min(ns.length - 1, Math.max(0, i + delta))];
    if (next !== undefined) void this.revealParagraph(next);
  }

  #firstVisible(): number | undefined {
    for (const b of this.numberedBlocks) {
      const el = this.textMap?.element(b.id);
      if (el && el.getBoundingClientRect().bottom > 80) return b.n - 1 >= 1 ? b.n - 1 : undefined;
    }
    return undefined;
  }

  // Paragraph numbers are links (Tab reaches them; a click copies the citation link). They are
  // apparatus: `data-nontext` keeps them out of the text, quotes and selections' offsets.
  #decorate(article: HTMLElement, doc: DocModel): void {
    for (const table of article.querySelectorAll('table')) {
      const wrap = document.createElement('div');
      wrap.className = 'table-wrap';
      table.replaceWith(wrap);
      wrap.append(table);
    }
    for (const b of doc.blocks) {
      const el = article.querySelector(`[data-block="${b.id}"]`) as HTMLElement | null;
      if (!el) continue;
      el.tabIndex = -1;
      if (!b.numbered) continue;
      const a = document.createElement('a');
      a.className = 'pnum';
      a.setAttribute('data-nontext', '');
      a.href = routeHash({ view: 'read', id: doc.meta.id, p: b.n });
      a.textContent = String(b.n);
      a.setAttribute('aria-label', `Paragraph ${b.n}: copy link`);
      a.title = `Copy a link to ¶${b.n}`;
      const host = b.kind === 'table-cell' ? el.closest('.table-wrap') : el;
      host?.prepend(a);
    }
  }

  async #onClick(e: MouseEvent): Promise<void> {
    const a = (e.target as Element).closest?.('a.pnum') as HTMLAnchorElement | null;
    if (!a && this.placed.length && document.getSelection()?.isCollapsed !== false) {
      // Highlights take no pointer events: find what lies under the click ourselves.
      const at = this.#offsetAt(e.clientX, e.clientY);
      const hits = at === undefined ? [] : annotationsAt(this.placed, at);
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

/** `::highlight()` rules must live in the shadow root that holds the text. Colours keep text
 * readable in both schemes; overlaps compose, so stacked highlights read darker. */
function highlightStyles() {
  return css`
    ::highlight(cr-h0) { background-color: rgb(250 204 21 / 0.38); }
    ::highlight(cr-h1) { background-color: rgb(96 165 250 / 0.32); }
    ::highlight(cr-h2) { background-color: rgb(74 222 128 / 0.32); }
    ::highlight(cr-h3) { background-color: rgb(244 114 182 / 0.30); }
    ::highlight(cr-h4) { background-color: rgb(192 132 252 / 0.32); }
    ::highlight(cr-h5) { background-color: rgb(251 146 60 / 0.34); }
    ::highlight(cr-active) { text-decoration: underline 2px var(--cr-accent); text-underline-offset: 3px; }
  `;
}

/** The selection's range inside a shadow root (Chromium exposes it on the root). */
export function selectionRange(root: ShadowRoot): Range | null {
  const sel = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) || root === range.commonAncestorContainer ? range : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-document': CrDocument;
  }
}
