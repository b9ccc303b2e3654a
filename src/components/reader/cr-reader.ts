import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';
import type { DocModel } from '../../corpus/types.ts';
import { routeHash } from '../../app/route.ts';
import { fullCitation } from '../../corpus/citation.ts';
import { isTyping } from '../shared/keys.ts';
import { TocSelectEvent } from './cr-toc.ts';
import type { CrDocument } from './cr-document.ts';
import { deletionMessage, type CrossreadStore } from '../../store/index.ts';
import { placeAnnotations, targetFor, type ColourBy, type Placement } from '../../annotate/anchored.ts';
import { NotifyEvent, type AnnotateRequestEvent, type AnnotationActivateEvent } from '../shared/events.ts';
import type { AnnotationDeleteEvent, AnnotationSaveEvent, ClaimDraftSaveEvent, ColourByEvent, CreatorNameEvent, EvidenceDraftSaveEvent, ReattachEvent } from '../annotate/panel-events.ts';
import type { Citation, CrAnnotationPanel, Draft } from '../annotate/cr-annotation-panel.ts';
import '../shared/cr-confirm-dialog.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import './cr-toc.ts';
import './cr-document.ts';
import '../annotate/cr-annotation-panel.ts';
import './cr-help.ts';
import type { CrHelp } from './cr-help.ts';

/**
 * The reading view of one source: title block with full citation, table of contents that
 * follows the reader's position, and the text with paragraph numbers.
 * It is also the controller of the source's annotations: it places them in the text, paints
 * them, and turns the user's requests (events from the text and the panel) into store actions.
 * Keys: j / k paragraphs; H / N / T on a selection; Ctrl/Cmd+Z undo, Shift for redo; ? help.
 */
@customElement('cr-reader')
export class CrReader extends LitElement {
  static override styles = css`
    :host { display: block; }
    .layout {
      display: grid;
      grid-template-columns: minmax(11rem, 14rem) minmax(0, 1fr) minmax(16rem, 20rem);
      gap: 2.2rem;
      max-width: 90rem;
      margin: 0 auto;
      padding: 2rem 1.5rem 6rem;
    }
    aside.panel { grid-column: 3; }
    aside { position: sticky; top: 4.5rem; align-self: start; max-height: calc(100vh - 6rem); overflow: auto; padding-right: 0.5rem; }
    .content { min-width: 0; padding-left: 3.6rem; }
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
    @media (max-width: 1200px) {
      .layout { grid-template-columns: minmax(0, 1fr) minmax(15rem, 18rem); }
      aside.toc { display: none; }
      aside.panel { grid-column: 2; }
      details.toc-mobile { display: block; margin: 0 0 1.5rem; font: 0.9rem var(--cr-sans); }
      details.toc-mobile summary { cursor: pointer; color: var(--cr-ink-soft); padding: 0.4rem 0; }
    }
    @media (max-width: 860px) {
      .layout { grid-template-columns: minmax(0, 1fr); gap: 0; padding-top: 1rem; }
      aside.panel { grid-column: 1; position: static; max-height: none; margin-top: 2rem; border-top: 1px solid var(--cr-rule); padding-top: 1rem; }
      details.toc-mobile { display: block; margin: 0 0 1.5rem; font: 0.9rem var(--cr-sans); }
      details.toc-mobile summary { cursor: pointer; color: var(--cr-ink-soft); padding: 0.4rem 0; }
    }
    @media (max-width: 720px) { .content { padding-left: 0; } }
  `;

  /** The document to read. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Paragraph to reveal (from the route); revealed whenever it changes. */
  @property({ type: Number }) accessor paragraph: number | undefined;

  /** The app's store; annotations of this source are read from it and written through it. */
  @property({ attribute: false }) accessor store: CrossreadStore | undefined;

  /** Id of the heading whose section is at the top of the viewport. */
  @state() private accessor currentSection = '';
  @state() private accessor placement: Placement = { placed: [], orphans: [] };
  @state() private accessor activeId = '';
  @state() private accessor draft: (Draft & { start: number; end: number }) | undefined;
  @state() private accessor creatorName = '';
  @state() private accessor colourBy: ColourBy = 'tag';
  @state() private accessor citations: ReadonlyMap<string, readonly Citation[]> = new Map();

  @query('cr-document') private accessor documentEl!: CrDocument;

  #frame = 0;
  #unsubscribe: (() => void) | undefined;

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
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('store')) {
      this.#unsubscribe?.();
      // Any change (this tab, undo, another tab) re-places this source's annotations.
      this.#unsubscribe = this.store?.subscribe(() => this.#place());
    }
    if (changed.has('store') || changed.has('doc')) this.#place();
  }

  #place(): void {
    const d = this.doc;
    this.creatorName = this.store?.creatorName ?? '';
    this.placement = d && this.store ? placeAnnotations(d, this.store.annotationsOf(d.meta.id)) : { placed: [], orphans: [] };
    const citations = new Map<string, Citation[]>();
    for (const a of [...this.placement.placed.map((p) => p.annotation), ...this.placement.orphans]) {
      const claims = this.store?.claimsCitingAnnotation(a.id) ?? [];
      if (claims.length) citations.set(a.id, claims.map((claim) => ({ claim, stance: claim.evidence.find((e) => e.annotation === a.id)!.stance })));
    }
    this.citations = citations;
  }

  override render() {
    const d = this.doc;
    if (!d) return nothing;
    const m = d.meta;
    const base = routeHash({ view: 'read', id: m.id });
    const toc = html`<cr-toc .entries=${d.toc} .current=${this.currentSection} base=${base} @cr-toc-select=${this.#onToc}></cr-toc>`;
    return html`<div class="layout"
        @cr-annotate=${this.#onAnnotate} @cr-annotation-activate=${this.#onActivate} @cr-annotation-save=${this.#onSave}
        @cr-annotation-delete=${this.#onDelete} @cr-reattach=${this.#onReattach} @cr-creator-name=${this.#onName}
        @cr-draft-cancel=${() => (this.draft = undefined)} @cr-colour-by=${(e: ColourByEvent) => (this.colourBy = e.by)}
        @cr-claim-draft-save=${this.#onClaimDraft} @cr-evidence-draft-save=${this.#onEvidenceDraft}>
      <aside class="toc" aria-label="Table of contents">${toc}</aside>
      <div class="content">
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
        <cr-document .doc=${d} .placed=${this.placement.placed} activeId=${this.activeId} colourBy=${this.colourBy}></cr-document>
      </div>
      <aside class="panel" aria-label="Annotations">
        <cr-annotation-panel .doc=${d} .placed=${this.placement.placed} .orphans=${this.placement.orphans}
          activeId=${this.activeId} .draft=${this.draft} creatorName=${this.creatorName} colourBy=${this.colourBy}
          .citations=${this.citations} .store=${this.store}></cr-annotation-panel>
      </aside>
    </div>
    <cr-help></cr-help>
    <cr-confirm-dialog></cr-confirm-dialog>`;
  }

  protected override async updated(changed: Map<PropertyKey, unknown>): Promise<void> {
    if ((changed.has('paragraph') || changed.has('doc')) && this.doc) {
      await this.documentEl.updateComplete;
      if (this.paragraph) await this.documentEl.revealParagraph(this.paragraph, { flash: true });
      else if (changed.has('doc')) window.scrollTo({ top: 0 });
      this.#spy();
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

  #onAnnotate = async (e: AnnotateRequestEvent) => {
    const d = this.doc;
    if (!d || e.docId !== d.meta.id) return;
    if (e.intent === 'highlight') {
      const a = await this.#act(() => this.store!.createAnnotation({ target: targetFor(d, e.start, e.end) }), 'Could not save the highlight');
      if (a) this.activeId = a.value.id;
    } else {
      this.draft = { start: e.start, end: e.end, quote: d.text.slice(e.start, e.end), focus: e.intent };
    }
  };

  #onActivate = (e: AnnotationActivateEvent) => {
    this.activeId = e.ids[0] ?? '';
    if (e.reveal && this.activeId) this.documentEl.revealAnnotation(this.activeId);
  };

  #onSave = async (e: AnnotationSaveEvent) => {
    const d = this.doc;
    if (!d || !this.store) return;
    const draft = this.draft;
    const saved = e.id
      ? await this.#act(() => this.store!.updateAnnotation(e.id!, { note: e.note, tags: e.tags, events: e.events }), 'Could not save the annotation')
      : draft
        ? await this.#act(() => this.store!.createAnnotation({ target: targetFor(d, draft.start, draft.end), note: e.note, tags: e.tags, events: e.events }), 'Could not save the annotation')
        : undefined;
    if (saved) {
      this.draft = undefined;
      this.activeId = saved.value.id;
    }
  };

  // The passage and the claim it backs are one action: saved together or not at all, one undo step.
  #onClaimDraft = async (e: ClaimDraftSaveEvent) => {
    const target = this.#draftTarget();
    if (!target) return;
    const made = await this.#act(
      () => this.store!.createClaimFromPassage({ target, tags: e.tags }, { statement: e.statement, stance: e.stance, tags: e.tags }),
      'Could not save the claim',
    );
    if (!made) return;
    const { annotation, claim } = made.value;
    this.#drafted(annotation.id);
    this.dispatchEvent(new NotifyEvent('Claim saved', { label: 'Open', run: () => (location.hash = routeHash({ view: 'claims', claim: claim.id })) }));
    await this.updateComplete;
    await (this.renderRoot.querySelector('cr-annotation-panel') as CrAnnotationPanel | null)?.focusClaimLink(claim.id);
  };

  #onEvidenceDraft = async (e: EvidenceDraftSaveEvent) => {
    const target = this.#draftTarget();
    if (!target) return;
    const added = await this.#act(() => this.store!.addPassageAsEvidence(e.claimId, { target }, e.stance), 'Could not add the evidence');
    if (!added) return;
    this.#drafted(added.value.annotation.id);
    this.dispatchEvent(new NotifyEvent(`Added as evidence to “${added.value.claim.statement}”`, added));
  };

  #draftTarget() {
    const d = this.doc;
    const draft = this.draft;
    return d && draft ? targetFor(d, draft.start, draft.end) : undefined;
  }

  #drafted(annotationId: string): void {
    this.draft = undefined;
    this.activeId = annotationId;
  }

  #onDelete = async (e: AnnotationDeleteEvent) => {
    // A passage that is evidence: say which claims cite it and let the reader choose.
    const citing = this.store?.claimsCitingAnnotation(e.id) ?? [];
    let orphanedClaims: 'keep' | 'delete' = 'keep';
    if (citing.length) {
      const yes = await (this.renderRoot.querySelector('cr-confirm-dialog') as CrConfirmDialog).ask({
        title: 'Delete a passage that is evidence?',
        body: html`<p>This passage is evidence for ${citing.length === 1 ? 'a claim' : `${citing.length} claims`}:</p>
          <ul>${citing.map((c) => html`<li>${c.statement}</li>`)}</ul>
          <label class="check"><input type="checkbox" name="also-claims"
            @change=${(ev: Event) => (orphanedClaims = (ev.target as HTMLInputElement).checked ? 'delete' : 'keep')} />
            Also delete claims left without evidence</label>`,
        confirm: 'Delete passage',
        danger: true,
      });
      if (!yes) return;
    }
    const result = await this.#act(() => this.store!.deleteAnnotations([e.id], { orphanedClaims }), 'Could not delete the annotation');
    if (!result) return;
    if (this.activeId === e.id) this.activeId = '';
    this.dispatchEvent(new NotifyEvent(deletionMessage('Passage', result), result));
  };

  #onReattach = async (e: ReattachEvent) => {
    const d = this.doc;
    const sel = this.documentEl.lastSelection;
    if (!d || !sel) {
      this.dispatchEvent(new NotifyEvent('Select the passage in the text first, then press Re-attach.'));
      return;
    }
    const a = await this.#act(() => this.store!.updateAnnotation(e.id, { target: targetFor(d, sel.start, sel.end) }), 'Could not re-attach the annotation');
    if (a) this.activeId = a.value.id;
  };

  #onName = (e: CreatorNameEvent) => void this.#act(() => this.store!.setCreatorName(e.name), 'Could not save your name');

  /** Run a store action; a failure is shown, and the store guarantees nothing changed. */
  async #act<T>(run: () => Promise<T>, failure: string): Promise<T | undefined> {
    if (!this.store) return undefined;
    try {
      return await run();
    } catch (err) {
      this.dispatchEvent(new NotifyEvent(`${failure}: ${(err as Error).message}`));
      return undefined;
    }
  }

  #onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || isTyping(e)) return;
    if (e.ctrlKey || e.metaKey) return;
    if (e.key === '?') {
      e.preventDefault();
      (this.renderRoot.querySelector('cr-help') as CrHelp).show();
      return;
    }
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      this.documentEl.step(e.key === 'j' ? 1 : -1);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-reader': CrReader;
  }
}
