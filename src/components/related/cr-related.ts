import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';
import { inlineCitation } from '../../corpus/citation.ts';
import { spanOfParagraph } from '../../corpus/paragraphs.ts';
import { routeHash } from '../../app/route.ts';
import { targetFor } from '../../annotate/anchored.ts';
import { related, type RelatedPassage } from '../../search/related.ts';
import { relatedSnippet } from '../../search/related-snippet.ts';
import type { Stance } from '../../store/index.ts';
import { NotifyEvent } from '../shared/events.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { StoreController } from '../store/store-controller.ts';
import { RelatedCloseEvent } from './related-events.ts';

/** The stances offered for a related passage, and how the buttons name them. */
const OFFERED: ReadonlyArray<[Stance, string]> = [['asserts', 'for'], ['argues-against', 'against']];

/**
 * "Related in other sources": the passages of the library's other sources that treat what a
 * quote treats (src/search/related.ts), best first, each with its citation (a link to it in the
 * reader), the sentence that matched, and "Open side by side" (the compare view at both ¶s).
 * Given a claim, each also offers "Add as evidence: for / against", which saves the passage and
 * adds it to the claim in one undoable action.
 *
 * @fires cr-related-close - Close was chosen (or Escape pressed inside the list)
 * @fires cr-notify - after adding evidence (with Undo), or when it failed
 */
@customElement('cr-related')
export class CrRelated extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      section { border: 1px solid var(--cr-rule); border-radius: 6px; background: var(--cr-card); padding: 0.5rem 0.7rem 0.6rem; }
      section:focus-visible { outline: 2px solid var(--cr-focus); }
      header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
      h3 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 0.2rem 0 0.4rem; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      li { border-top: 1px solid var(--cr-rule); padding-top: 0.4rem; }
      .cite { font-size: 0.8rem; font-weight: 600; }
      blockquote { margin: 0.2rem 0 0.35rem; font: italic 0.86rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); }
      .actions a { font: 600 0.78rem var(--cr-sans); }
    `,
  ];

  /** Sources of the library: the passages come from these. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model. */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;
  /** The passage to find related passages for. */
  @property() accessor quote = '';
  /** Its source: left out of the list, and the left side when a pair is opened side by side. */
  @property() accessor source = '';
  /** Its ¶, for opening a pair side by side (without it, the pair opens at the tops). */
  @property({ type: Number }) accessor paragraph: number | undefined;
  /** A claim the passages can be added to as evidence; none, no such buttons. */
  @property() accessor claimId = '';
  /** How many passages to list. */
  @property({ type: Number }) accessor limit = 5;

  /** The sources' models, in the library's order; one array per set of sources (related() caches on it). */
  @state() private accessor docs: readonly DocModel[] | undefined;
  @state() private accessor unreadable: readonly string[] = [];
  /** The passage being added, as "source ¶", while it is saved. */
  @state() private accessor adding = '';

  readonly #data = new StoreController(this);
  #loading = 0;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('entries') || changed.has('documents')) void this.#load();
  }

  override render() {
    const docs = this.docs;
    const found = docs && this.quote.trim() ? related(docs, this.quote, { exclude: this.source, limit: this.limit }) : [];
    return html`<section aria-labelledby="related-title" tabindex="-1" @keydown=${this.#onKey}>
      <header>
        <h3 id="related-title">Related in other sources</h3>
        <button type="button" class="link" @click=${() => this.dispatchEvent(new RelatedCloseEvent())}>Close</button>
      </header>
      ${!docs
        ? html`<p class="hint" role="status">Finding related passages…</p>`
        : found.length
          ? html`<ol aria-label="Related passages, best first">${found.map((r) => this.#item(docs, r))}</ol>`
          : html`<p class="hint" role="status">Nothing similar found in the other sources.</p>`}
      ${this.unreadable.length ? html`<p class="error">Could not read ${this.unreadable.join(', ')}; not searched.</p>` : nothing}
    </section>`;
  }

  /** Move focus to the list (after the reader asked for it from the keyboard). */
  focusList(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('section')?.focus());
  }

  #item(docs: readonly DocModel[], r: RelatedPassage) {
    const doc = docs.find((d) => d.meta.id === r.source)!;
    const span = spanOfParagraph(doc.blocks, r.paragraph);
    const cite = inlineCitation(doc.meta, r.paragraph);
    const key = `${r.source} ${r.paragraph}`;
    const pair = routeHash(this.paragraph
      ? { view: 'compare', left: this.source, right: r.source, lp: this.paragraph, rp: r.paragraph }
      : { view: 'compare', left: this.source, right: r.source });
    const cited = this.claimId && span ? this.#evidenceAt(r.source, span.start) : undefined;
    return html`<li data-source=${r.source} data-paragraph=${r.paragraph}>
      <div class="cite"><a href=${routeHash({ view: 'read', id: r.source, p: r.paragraph })}>${cite}</a></div>
      <blockquote>${span ? relatedSnippet(doc.text.slice(span.start, span.end), this.quote) : nothing}</blockquote>
      <div class="actions">
        ${this.source ? html`<a href=${pair} aria-label="Open ${cite} side by side with this passage">Open side by side</a>` : nothing}
        ${!this.claimId || !span
          ? nothing
          : cited
            ? html`<span class="hint">Evidence of this claim (${OFFERED.find(([s]) => s === cited)?.[1] ?? 'mentions'})</span>`
            : OFFERED.map(([stance, word]) => html`<button type="button" ?disabled=${this.adding === key}
                aria-label="Add ${cite} as evidence ${word} the claim" @click=${() => void this.#add(doc, r, stance)}>Add as evidence: ${word}</button>`)}
      </div>
    </li>`;
  }

  // The stance with which the claim already cites a passage starting at `start` in `source`.
  #evidenceAt(source: string, start: number): Stance | undefined {
    const store = this.#data.store;
    return store?.evidenceOf(this.claimId).find((e) => e.annotation.target.source === source && e.annotation.target.selector[1].start === start)?.stance;
  }

  async #add(doc: DocModel, r: RelatedPassage, stance: Stance): Promise<void> {
    const store = this.#data.store;
    const span = spanOfParagraph(doc.blocks, r.paragraph);
    if (!store || !span) return;
    const cite = inlineCitation(doc.meta, r.paragraph);
    this.adding = `${r.source} ${r.paragraph}`;
    try {
      const done = await store.addPassageAsEvidence(this.claimId, { target: targetFor(doc, span.start, span.end) }, stance);
      this.dispatchEvent(new NotifyEvent(`Added ${cite} as evidence ${stance === 'asserts' ? 'for' : 'against'} the claim.`, done));
    } catch (err) {
      this.dispatchEvent(new NotifyEvent(`Could not add ${cite} to the claim: ${(err as Error).message}`));
    } finally {
      this.adding = '';
    }
  }

  async #load(): Promise<void> {
    const load = ++this.#loading;
    const documents = this.documents;
    const entries = this.entries;
    if (!documents) return;
    const settled = await Promise.allSettled(entries.map((e) => documents(e.id)));
    if (load !== this.#loading) return; // the sources changed meanwhile
    const docs = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    // The index is cached per model: building it one source per task keeps every task short
    // (all three at once took 50-70 ms on a busy machine); the list then only joins them.
    for (const doc of docs) {
      related([doc], 'index');
      await new Promise((resolve) => setTimeout(resolve));
      if (load !== this.#loading) return;
    }
    this.docs = docs;
    this.unreadable = entries.filter((_, i) => settled[i]!.status === 'rejected').map((e) => e.cite);
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.dispatchEvent(new RelatedCloseEvent());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-related': CrRelated;
  }
}
