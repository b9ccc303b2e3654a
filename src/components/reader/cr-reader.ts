import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import type { DocModel } from '../../corpus/types.ts';
import { routeHash } from '../../app/route.ts';
import { fullCitation } from '../shared/citation.ts';
import { TocSelectEvent } from './cr-toc.ts';
import type { CrDocument } from './cr-document.ts';
import './cr-toc.ts';
import './cr-document.ts';

/**
 * The reading view of one source: title block with full citation, table of contents that
 * follows the reader's position, and the text with paragraph numbers.
 * Keys: j / k move to the next / previous paragraph.
 */
@customElement('cr-reader')
export class CrReader extends LitElement {
  static override styles = css`
    :host { display: block; }
    .layout {
      display: grid;
      grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
      gap: 3rem;
      max-width: 76rem;
      margin: 0 auto;
      padding: 2rem 1.5rem 6rem;
    }
    aside { position: sticky; top: 4.5rem; align-self: start; max-height: calc(100vh - 6rem); overflow: auto; padding-right: 0.5rem; }
    main { min-width: 0; padding-left: 3.6rem; }
    header { max-width: 38rem; margin-bottom: 2.5rem; }
    .kind { font: 600 0.72rem/1 var(--cr-sans); text-transform: uppercase; letter-spacing: 0.1em; color: var(--cr-accent); }
    h1 { font: 700 clamp(1.6rem, 3vw, 2.3rem)/1.15 var(--cr-sans); letter-spacing: -0.02em; margin: 0.5rem 0 0.8rem; color: var(--cr-ink); }
    .authors { font: 500 1.05rem/1.4 var(--cr-sans); color: var(--cr-ink); margin: 0; }
    .venue { font: 0.95rem/1.4 var(--cr-sans); color: var(--cr-ink-soft); margin: 0.25rem 0 0; }
    .cite { margin: 1rem 0 0; padding: 0.75rem 1rem; background: var(--cr-panel); border-radius: 6px; font: 0.85rem/1.5 var(--cr-sans); color: var(--cr-ink-soft); }
    .cite b { color: var(--cr-ink); font-weight: 600; }
    .facts { display: flex; gap: 1.2rem; flex-wrap: wrap; font: 0.8rem/1.4 var(--cr-sans); color: var(--cr-ink-faint); margin-top: 0.8rem; }
    .note { font: italic 0.85rem/1.5 var(--cr-sans); color: var(--cr-ink-faint); }
    details.toc-mobile { display: none; }
    @media (max-width: 960px) {
      .layout { grid-template-columns: minmax(0, 1fr); gap: 0; padding-top: 1rem; }
      aside { display: none; }
      details.toc-mobile { display: block; margin: 0 0 1.5rem; font: 0.9rem var(--cr-sans); }
      details.toc-mobile summary { cursor: pointer; color: var(--cr-ink-soft); padding: 0.4rem 0; }
    }
    @media (max-width: 720px) { main { padding-left: 0; } }
  `;

  /** The document to read. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Paragraph to reveal (from the route); revealed whenever it changes. */
  @property({ type: Number }) accessor paragraph: number | undefined;

  /** Id of the heading whose section is at the top of the viewport. */
  @state() private accessor currentSection = '';

  @query('cr-document') private accessor documentEl!: CrDocument;

  #frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    document.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.#onScroll);
    document.removeEventListener('keydown', this.#onKey);
    cancelAnimationFrame(this.#frame);
  }

  override render() {
    const d = this.doc;
    if (!d) return nothing;
    const m = d.meta;
    const base = routeHash({ view: 'read', id: m.id });
    const toc = html`<cr-toc .entries=${d.toc} .current=${this.currentSection} base=${base} @cr-toc-select=${this.#onToc}></cr-toc>`;
    return html`<div class="layout">
      <aside aria-label="Table of contents">${toc}</aside>
      <main>
        <header>
          <span class="kind">${m.kind}</span>
          <h1>${m.title}</h1>
          <p class="authors">${m.authors.join(', ')}</p>
          <p class="venue">${m.venue}${m.date ? html`, published ${m.date}` : m.year ? html`, ${m.year}` : nothing}</p>
          <div class="facts">
            <span>${m.wordCount.toLocaleString('en')} words</span>
            <span>${m.readingMinutes} min read</span>
            <span>${d.blocks.filter((b) => b.numbered).length} numbered paragraphs</span>
          </div>
          <p class="cite"><b>Cite as</b> ${fullCitation(m)}</p>
          ${m.note ? html`<p class="note">${m.note}</p>` : nothing}
        </header>
        <details class="toc-mobile"><summary>Contents</summary>${toc}</details>
        <cr-document .doc=${d}></cr-document>
      </main>
    </div>`;
  }

  protected override async updated(changed: Map<PropertyKey, unknown>): Promise<void> {
    if ((changed.has('paragraph') || changed.has('doc')) && this.doc) {
      await this.documentEl.updateComplete;
      if (this.paragraph) await this.documentEl.revealParagraph(this.paragraph, { flash: true });
      else if (changed.has('doc')) window.scrollTo({ top: 0 });
      this.#spy();
    }
  }

  /** The text element, for tests and for the annotation layer. */
  get document(): CrDocument {
    return this.documentEl;
  }

  #onToc = (e: TocSelectEvent) => {
    const el = this.documentEl.textMap?.element(e.entry.id) as HTMLElement | undefined;
    if (!el || !this.doc) return;
    history.pushState(null, '', routeHash({ view: 'read', id: this.doc.meta.id, p: e.entry.n }));
    el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    el.focus({ preventScroll: true });
    this.documentEl.flash(el);
    this.currentSection = e.entry.id;
  };

  #onScroll = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#spy());
  };

  // The current section is the last heading above a line near the top of the viewport.
  #spy(): void {
    const map = this.documentEl?.textMap;
    if (!map || !this.doc) return;
    let current = this.doc.toc[0]?.id ?? '';
    for (const t of this.doc.toc) {
      const el = map.element(t.id);
      if (el && el.getBoundingClientRect().top < 120) current = t.id;
      else break;
    }
    this.currentSection = current;
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e)) return;
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      this.documentEl.step(e.key === 'j' ? 1 : -1);
    }
  };
}

/** True when a key goes to a text field (typing must never trigger shortcuts). */
export function isTyping(e: Event): boolean {
  const t = e.composedPath()[0] as HTMLElement | undefined;
  return !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-reader': CrReader;
  }
}
