import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Block, DocModel } from '../../corpus/types.ts';
import { TextMap } from '../../reader/text-map.ts';
import { routeHash } from '../../app/route.ts';
import { CiteCopiedEvent, ParagraphFocusEvent } from '../shared/events.ts';
import { copyText } from '../shared/clipboard.ts';
import { inlineCitation } from '../shared/citation.ts';
import { proseStyles } from './prose-styles.ts';

/**
 * The text of one source: sanitized HTML from the document model, with paragraph numbers in
 * the margin. Copying a passage gives its plain text plus "(Author Year, ¶n)".
 *
 * @fires cr-cite-copied - a paragraph link or a passage was copied
 * @fires cr-paragraph-focus - the current paragraph changed
 */
@customElement('cr-document')
export class CrDocument extends LitElement {
  static override styles = [
    proseStyles,
    css`
      :host { display: block; }
    `,
  ];

  /** The document to show. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;

  /** Maps between DOM ranges and text offsets; rebuilt when the document changes. */
  textMap: TextMap | undefined;

  #decorated: DocModel | undefined;

  override render() {
    if (!this.doc) return html``;
    return html`<article class="prose" lang="en" @copy=${this.#onCopy} @click=${this.#onClick}>${unsafeHTML(this.doc.html)}</article>`;
  }

  protected override updated(): void {
    if (this.doc && this.#decorated !== this.doc) {
      this.#decorated = this.doc;
      const article = this.renderRoot.querySelector('article')!;
      this.#decorate(article, this.doc);
      this.textMap = new TextMap(article, this.doc.blocks);
    }
  }

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
    if (!a || !this.doc) return;
    e.preventDefault();
    const n = Number(a.textContent);
    const url = new URL(a.getAttribute('href')!, location.href).href;
    history.replaceState(null, '', a.getAttribute('href'));
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
    const first = this.textMap!.blockAt(span.start)!;
    const last = this.textMap!.blockAt(span.end - 1)!;
    return `${text} ${inlineCitation(this.doc.meta, first.n, last.n)}`;
  }
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
