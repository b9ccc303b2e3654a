import { LitElement, html, nothing } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import type { DocModel } from '../../corpus/types.ts';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import { routeHash } from '../../app/route.ts';
import { paragraphMarks } from '../../search/snippet.ts';
import { fullCitation, venueLine } from '../../corpus/citation.ts';
import { shortcutsOff } from '../shared/keys.ts';
import type { TocSelectEvent } from './cr-toc.ts';
import type { CrDocument } from './cr-document.ts';
import { placeAnnotations, type ColourBy, type Placement } from '../../annotate/anchored.ts';
import { NotifyEvent, type AnnotateRequestEvent, type AnnotationActivateEvent, type ParagraphFocusEvent } from '../shared/events.ts';
import type { ColourByEvent, DraftCloseEvent, TextChangeDoneEvent } from '../annotate/panel-events.ts';
import type { CrAnnotationPanel, Draft } from '../annotate/cr-annotation-panel.ts';
import { layersChanged } from '../../store/index.ts';
import { StoreController } from '../store/store-controller.ts';
import { highlight } from '../annotate/highlight.ts';
import { looksOf } from '../layers/layer-look.ts';
import { readerStyles } from './reader-styles.ts';
import { ScrollSpy } from './scroll-spy.ts';
import './cr-toc.ts';
import './cr-document.ts';
import '../annotate/cr-annotation-panel.ts';
import '../annotate/cr-text-changed.ts';
import '../related/cr-related.ts';
import type { CrRelated } from '../related/cr-related.ts';
import { HeatStrip } from '../overview/heat-strip.ts';

/**
 * The reading view of one source: title block with full citation, table of contents that
 * follows the reader's position (`scroll-spy.ts`), the text with paragraph numbers, and the
 * annotation panel. It places the source's annotations in the text, keeps which one is chosen
 * and the passage waiting in a draft, and saves highlights; the panel saves everything else
 * (ADR 0005). A passage selected (R) or an annotation opened lists the passages of the other
 * sources related to it (`cr-related`). Keys: j / k paragraphs; Shift + arrows select and
 * H / N / T / C / E / R act on a selection (`selection-toolbar.ts`); ? help.
 *
 * @fires cr-notify - when a highlight could not be saved
 */
@customElement('cr-reader')
export class CrReader extends LitElement {
  static override styles = readerStyles;

  /** The document to read. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Paragraph to reveal (from the route); revealed whenever it changes. */
  @property({ type: Number }) accessor paragraph: number | undefined;
  /** Words to mark in that paragraph (a search's matches, space-separated; from the route). */
  @property() accessor mark = '';
  /** Sources of the library, where related passages are looked for. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model (for related passages). */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;
  /** Shade each ¶ by how many students marked it (`heat-strip.ts`). */
  @property({ type: Boolean }) accessor heat = false;

  @state() private accessor placement: Placement = { placed: [], orphans: [] };
  @state() private accessor activeId = '';
  @state() private accessor draft: Draft | undefined;
  /** The passage whose related passages are offered (a selection, or the annotation opened);
   * listed when `open` (an opened annotation offers them first, so a click costs no search). */
  @state() private accessor relatedTo: { quote: string; start: number; open: boolean } | undefined;
  @state() private accessor colourBy: ColourBy = 'tag';
  /** Whether the contents for narrow screens are open (only then rendered: a second long list). */
  @state() private accessor mobileToc = false;

  @query('cr-document') private accessor documentEl!: CrDocument;
  @query('cr-annotation-panel') private accessor panel: CrAnnotationPanel | null = null;

  // Any change of annotations (this tab, undo, another tab) re-places this source's annotations;
  // a change of settings alone (a name, a notice remembered) leaves them where they are, unless it shows or hides a layer.
  readonly #data = new StoreController(this, (change) => {
    if (!change || change.diff.annotations || layersChanged(change.diff)) this.#place();
  });
  readonly #spy = new ScrollSpy(this, () => this.doc, () => this.documentEl?.textMap);
  readonly #heat = new HeatStrip(this, () => ({ on: this.heat, doc: this.doc, placed: this.placement.placed, layers: this.#data.store?.layers() ?? [], document: this.documentEl }));

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('doc')) {
      this.#place();
      if (changed.get('doc')) this.relatedTo = undefined; // another source: its passages are not this one's
    }
  }

  override render() {
    const d = this.doc;
    if (!d) return nothing;
    const m = d.meta;
    const venue = venueLine(m);
    const base = routeHash({ view: 'read', id: m.id });
    const toc = html`<cr-toc .entries=${d.toc} .current=${this.#spy.current} base=${base} @cr-toc-select=${this.#onToc}></cr-toc>`;
    return html`<div class="layout"
        @cr-annotate=${this.#onAnnotate} @cr-annotation-activate=${this.#onActivate} @cr-paragraph-focus=${this.#onParagraph}
        @cr-draft-close=${this.#onDraftClose} @cr-colour-by=${(e: ColourByEvent) => (this.colourBy = e.by)}>
      <aside class="toc" aria-label="Table of contents">${toc}</aside>
      <div class="content">
        <header>
          <span class="kind">${m.kind}</span>
          <h1 tabindex="-1">${m.title}</h1>
          <p class="authors">${m.authors.join(', ')}</p>
          ${venue ? html`<p class="venue">${venue}</p>` : nothing}
          <div class="facts">
            <span>${m.wordCount.toLocaleString('en')} words</span>
            <span>${m.readingMinutes} min read</span>
            <span>${d.blocks.filter((b) => b.numbered).length} numbered paragraphs</span>
          </div>
          <p class="cite"><b>Cite as</b> ${fullCitation(m)}</p>
          ${m.note ? html`<p class="note">${m.note}</p>` : nothing}
          ${this.#heat.toggle()}
        </header>
        <details class="toc-mobile" @toggle=${this.#onMobileToc}><summary>Contents</summary>${this.mobileToc ? toc : nothing}</details>
        <cr-document .doc=${d} .placed=${this.placement.placed} activeId=${this.activeId} colourBy=${this.colourBy} .layers=${looksOf(this.#data.store)}
          .markParagraph=${this.paragraph} markWords=${this.mark}></cr-document>
      </div>
      <aside class="panel" aria-label="Annotations" tabindex="-1" @cr-text-change-done=${this.#onTextChangeDone}>
        <cr-text-changed .doc=${d} .placement=${this.placement}></cr-text-changed>
        ${this.#related(d)}
        <cr-annotation-panel .doc=${d} .placed=${this.placement.placed} .orphans=${this.placement.orphans}
          activeId=${this.activeId} .draft=${this.draft} colourBy=${this.colourBy}
          .lastSelection=${this.#lastSelection}></cr-annotation-panel>
      </aside>
    </div>`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    void this.#afterUpdate(changed); // Lit does not wait for updated(): revealing the paragraph goes on after it returns
  }

  async #afterUpdate(changed: Map<PropertyKey, unknown>): Promise<void> {
    if ((changed.has('paragraph') || changed.has('doc')) && this.doc) {
      await this.documentEl.updateComplete;
      // Revealing ¶n fires cr-paragraph-focus, which marks its section in the contents.
      if (this.paragraph) {
        const n = this.paragraph;
        // A search's marks: the block holding the first one is focused (a cell of a table).
        const at = this.mark ? paragraphMarks(this.doc, n, this.mark)[0]?.[0] : undefined;
        // A link to a paragraph the source does not have (a typo, a cite from another edition):
        // say so, rather than stay where the last one left the reader.
        if (!(await this.documentEl.revealParagraph(n, { flash: true, at }))) {
          const last = Math.max(0, ...this.documentEl.numberedBlocks.map((b) => b.n));
          this.dispatchEvent(new NotifyEvent(`This source has no ¶${n}${last ? `: its paragraphs are numbered 1 to ${last}` : ''}.`));
        }
      } else if (changed.has('doc')) {
        window.scrollTo({ top: 0 });
        // Opened from the library, whose link went with it: focus starts at the title, not the page.
        if (document.activeElement === document.body) this.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
      }
      this.#spy.spy();
    }
  }

  /** Annotations of this source, as placed in the text (for tests and the status line). */
  get annotations(): Placement {
    return this.placement;
  }

  /** The text element, for tests and for the annotation layer. */
  get document(): CrDocument {
    return this.documentEl;
  }

  #place(): void {
    const d = this.doc;
    const store = this.#data.store;
    this.placement = d && store ? placeAnnotations(d, store.annotationsOf(d.meta.id).filter(store.isShown)) : { placed: [], orphans: [] };
  }

  #onMobileToc = (e: Event) => {
    this.mobileToc = (e.currentTarget as HTMLDetailsElement).open;
  };

  #lastSelection = () => this.documentEl?.lastSelection;

  #onToc = (e: TocSelectEvent) => {
    const el = this.documentEl.textMap?.element(e.entry.id) as HTMLElement | undefined;
    if (!el || !this.doc) return;
    history.pushState(null, '', routeHash({ view: 'read', id: this.doc.meta.id, p: e.entry.n }));
    el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    el.focus({ preventScroll: true });
    this.documentEl.flash(el);
    this.#spy.jumpedToSection(e.entry.id);
  };

  #onParagraph = (e: ParagraphFocusEvent) => {
    if (e.docId === this.doc?.meta.id) this.#spy.jumpedToParagraph(e.n);
  };

  // A highlight needs nothing more than the passage, which only the reader has: it saves it.
  // Everything else waits in a draft in the panel, which saves it (ADR 0005).
  #onAnnotate = async (e: AnnotateRequestEvent) => {
    const d = this.doc;
    if (!d || e.docId !== d.meta.id) return;
    if (e.intent === 'related') {
      this.relatedTo = { quote: d.text.slice(e.start, e.end), start: e.start, open: true };
      await this.updateComplete;
      this.renderRoot.querySelector<CrRelated>('cr-related')?.focusList();
      return;
    }
    if (e.intent !== 'highlight') {
      this.draft = { start: e.start, end: e.end, quote: d.text.slice(e.start, e.end), focus: e.intent };
      return;
    }
    const store = this.#data.store;
    if (!store) return;
    try {
      const done = await highlight(store, d, this.placement.placed, e.start, e.end);
      this.activeId = done.id;
      if (done.existed) this.dispatchEvent(new NotifyEvent('Already highlighted: its card is open in the panel.'));
    } catch (err) {
      this.dispatchEvent(new NotifyEvent(`Could not save the highlight: ${(err as Error).message}`));
    }
  };

  // The notice of a changed text is gone: focus stays in the panel, where it was.
  #onTextChangeDone = (e: TextChangeDoneEvent) => {
    (e.currentTarget as HTMLElement).focus();
  };

  #related(d: DocModel) {
    const to = this.relatedTo;
    if (!to || !this.documents) return nothing;
    if (!to.open) {
      return html`<button type="button" class="related-offer" @click=${async () => {
        this.relatedTo = { ...to, open: true };
        await this.updateComplete;
        this.renderRoot.querySelector<CrRelated>('cr-related')?.focusList();
      }}>Related in other sources…</button>`;
    }
    return html`<cr-related .entries=${this.entries} .documents=${this.documents} source=${d.meta.id} quote=${to.quote}
      .paragraph=${paragraphAt(d.blocks, to.start)} @cr-related-close=${this.#onRelatedClose}></cr-related>`;
  }

  // A draft given up: the next key starts from its passage again, not from the page's top.
  #onDraftClose = (e: DraftCloseEvent) => {
    const draft = this.draft;
    this.draft = undefined;
    if (!e.saved && draft) void this.updateComplete.then(() => this.documentEl.focusPassage(draft.start));
  };

  // Closed, the list gives focus back to the passage it was for (it fell to the page body).
  #onRelatedClose = () => {
    const start = this.relatedTo?.start;
    this.relatedTo = undefined;
    if (start !== undefined) this.documentEl.focusPassage(start);
  };

  #onActivate = (e: AnnotationActivateEvent) => {
    this.activeId = e.ids[0] ?? '';
    // An annotation opened: what the other sources say of its passage.
    const placed = this.placement.placed.find((p) => p.annotation.id === this.activeId);
    if (placed) this.relatedTo = { quote: placed.annotation.target.selector[0].exact, start: placed.start, open: false };
    if (e.reveal && this.activeId) this.documentEl.revealAnnotation(this.activeId);
  };

  #onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || shortcutsOff(e)) return;
    if (e.ctrlKey || e.metaKey) return;
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      this.documentEl.step(e.key === 'j' ? 1 : -1);
    } else if (e.key === 'a' && this.panel) {
      // The panel is after every ¶ number in Tab order: a key reaches it at once.
      e.preventDefault();
      this.panel.focusList();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-reader': CrReader;
  }
}
