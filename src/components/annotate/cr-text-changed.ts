import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocModel } from '../../corpus/types.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import type { Placed, Placement } from '../../annotate/anchored.ts';
import { changeHeadline, isNews, seenAfter, textChanges, type TextChanges } from '../../annotate/text-changes.ts';
import { wordDiff, type DiffPiece } from '../../annotate/word-diff.ts';
import { AnnotationActivateEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';
import { AnnotationActions } from './annotation-actions.ts';
import { TextChangeDoneEvent } from './panel-events.ts';
import { panelStyles } from './panel-styles.ts';

/** Where a fuzzy match stands in the review. */
type Standing = 'open' | 'accepted' | 'left' | 'deleted';

const STANDING_WORDS: Record<Exclude<Standing, 'open'>, string> = {
  accepted: 'Accepted: the annotation now points at the text shown here.',
  left: 'Left as it is: it keeps its place by fuzzy match.',
  deleted: 'This annotation has been deleted.',
};

/**
 * The notice a source's annotations get when its text changed since they were made
 * (`annotate/text-changes.ts`): shown once on opening — per text and annotations covered,
 * remembered in the store's settings — with how many were found exactly, by fuzzy match, or
 * not at all (their quotes listed; the panel keeps them as orphans to re-attach), and a review
 * of the fuzzy ones one by one: the stored quote beside the text it anchors to now, words
 * removed and added marked, a way to show it in the text, and Accept (store the new place:
 * one undoable edit) or Leave. Escape leaves the review, then dismisses.
 *
 * @fires cr-annotation-activate - "Show in text": choose the annotation and reveal its passage
 * @fires cr-text-change-done - the notice was dismissed (the reader moves focus on)
 * @fires cr-notify - after accepting a place (with Undo), or when the store refused it
 */
@customElement('cr-text-changed')
export class CrTextChanged extends LitElement {
  static override styles = [
    panelStyles,
    css`
      section { border: 1px solid var(--cr-accent); border-radius: 6px; padding: 0.7rem 0.8rem; margin-bottom: 1.2rem; background: var(--cr-card); }
      h2:focus { outline: none; }
      h2:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
      p { margin: 0 0 0.5rem; }
      ul.counts { margin: 0 0 0.5rem; padding-left: 1.1rem; display: grid; gap: 0.25rem; }
      ul.counts button { margin-left: 0.3rem; }
      ol.missing { margin-bottom: 0.4rem; gap: 0.3rem; }
      ol.missing blockquote { margin: 0; padding-left: 0.5rem; border-left: 3px dashed var(--cr-ink-faint); }
      .label { font-size: 0.75rem; color: var(--cr-ink-faint); margin: 0.4rem 0 0.15rem; }
      .review blockquote { display: block; -webkit-line-clamp: unset; max-height: 12rem; overflow: auto; padding-left: 0.5rem; border-left: 3px solid var(--cr-rule); }
      del { text-decoration: line-through; background: rgb(239 68 68 / 0.16); }
      ins { text-decoration: underline; background: rgb(34 197 94 / 0.2); }
      .standing { font-size: 0.8rem; color: var(--cr-ink-soft); }
      .actions { flex-wrap: wrap; }
    `,
  ];

  /** The document being read. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Its annotations as the reader placed them in the current text. */
  @property({ attribute: false }) accessor placement: Placement = { placed: [], orphans: [] };

  /** What happened, as it was when the text was opened; `undefined` when there is nothing to say. */
  @state() private accessor changes: TextChanges | undefined;
  /** Index of the fuzzy match under review; -1 for the summary. */
  @state() private accessor reviewing = -1;
  /** Fuzzy matches reviewed and left as they are. */
  @state() private accessor left: ReadonlySet<string> = new Set();

  readonly #data = new StoreController(this);
  readonly #actions = new AnnotationActions(this, () => this.#data.store);
  /** The text (source and hash) whose opening was decided on. */
  #decided = '';
  #focusHeading = false;

  protected override willUpdate(): void {
    const d = this.doc;
    const store = this.#data.store;
    // Decided once per opening of a text, when the store has loaded (its mode is known then),
    // and not again on later changes: remembering that the notice was shown is one of them.
    if (!d || !store?.mode) return;
    const key = `${d.meta.id}\n${d.hash}`;
    if (key === this.#decided) return;
    this.#decided = key;
    this.reviewing = -1;
    this.left = new Set();
    const changes = textChanges(d, this.placement);
    const seen = store.textChangeSeen(d.meta.id);
    this.changes = isNews(changes, seen) ? changes : undefined;
    // Not remembered (storage refused it): the notice comes again next time, nothing is lost.
    if (this.changes) store.rememberTextChangeSeen(d.meta.id, seenAfter(changes, seen)).catch(() => undefined);
  }

  override render() {
    const c = this.changes;
    if (!c) return nothing;
    const item = c.fuzzy[this.reviewing];
    return html`<section aria-labelledby="tc-title" @keydown=${this.#onKey}>
      ${item ? this.#review(c, item) : this.#summary(c)}
    </section>`;
  }

  protected override updated(): void {
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('#tc-title')?.focus();
  }

  /** Counts as shown: exact, fuzzy, not found; `undefined` when there is no notice (for tests). */
  get counts(): { exact: number; fuzzy: number; missing: number } | undefined {
    const c = this.changes;
    return c && { exact: c.exact.length, fuzzy: c.fuzzy.length, missing: c.missing.length };
  }

  #summary(c: TextChanges) {
    const accepted = c.fuzzy.filter((p) => this.#standing(p) === 'accepted').length;
    const left = c.fuzzy.filter((p) => this.#standing(p) === 'left').length;
    return html`<h2 id="tc-title" tabindex="-1"><span>Text changed</span></h2>
      <p>${changeHeadline(c)}</p>
      <ul class="counts">
        <li data-kind="exact"><b>${c.exact.length}</b> found exactly</li>
        <li data-kind="fuzzy"><b>${c.fuzzy.length}</b> found by fuzzy match${c.fuzzy.length
          ? html`<button type="button" @click=${() => this.#go(0)} aria-label="Review the ${c.fuzzy.length === 1 ? 'fuzzy match' : `${c.fuzzy.length} fuzzy matches`}">Review</button>`
          : nothing}</li>
        <li data-kind="missing"><b>${c.missing.length}</b> not found</li>
      </ul>
      ${accepted || left ? html`<p class="standing">Reviewed: ${accepted} accepted, ${left} left as they are.</p>` : nothing}
      ${c.missing.length
        ? html`<ol class="missing" aria-label="Not found">
            ${c.missing.map((a) => html`<li><blockquote>${a.target.selector[0].exact}</blockquote></li>`)}
          </ol>
          <p class="hint">They stay under “Not found in this version” below, where each can be re-attached.</p>`
        : nothing}
      <div class="actions"><button type="button" class="dismiss" @click=${this.#dismiss}>Dismiss</button></div>`;
  }

  #review(c: TextChanges, item: Placed) {
    const i = this.reviewing;
    const last = c.fuzzy.length - 1;
    const standing = this.#standing(item);
    const then = item.annotation.target.selector[0].exact;
    const now = this.doc?.text.slice(item.start, item.end) ?? '';
    const diff = wordDiff(then, now);
    const n = this.doc && paragraphAt(this.doc.blocks, item.start);
    return html`<div class="review">
      <h2 id="tc-title" tabindex="-1"><span>Fuzzy match ${i + 1} of ${c.fuzzy.length}</span></h2>
      <p class="label" id="tc-then">Annotated then</p>
      <blockquote class="then" aria-labelledby="tc-then">${diff ? marked(diff.before, 'del') : then}</blockquote>
      <p class="label" id="tc-now">In the text now${n ? `, ¶${n}` : ''}</p>
      <blockquote class="now" aria-labelledby="tc-now">${diff ? marked(diff.after, 'ins') : now}</blockquote>
      ${standing === 'open' ? nothing : html`<p class="standing" role="status">${STANDING_WORDS[standing]}</p>`}
      <div class="actions">
        <button type="button" ?disabled=${standing === 'deleted'} @click=${() => this.#show(item)}>Show in text</button>
        <button type="button" class="primary" ?disabled=${standing === 'deleted' || standing === 'accepted'} @click=${() => void this.#accept(item)}>Accept new place</button>
        <button type="button" ?disabled=${standing === 'deleted' || standing === 'accepted'} @click=${() => this.#leave(item)}>Leave as is</button>
      </div>
      <div class="actions">
        <button type="button" ?disabled=${i === 0} @click=${() => this.#go(i - 1)}>Previous</button>
        <button type="button" ?disabled=${i === last} @click=${() => this.#go(i + 1)}>Next</button>
        <button type="button" @click=${() => this.#go(-1)}>Back to summary</button>
      </div>
    </div>`;
  }

  // Read from the store as it is now: undo of an acceptance, or a deletion anywhere, shows here.
  #standing(p: Placed): Standing {
    const now = this.#data.store?.getAnnotation(p.annotation.id);
    if (!now) return 'deleted';
    if (now.target.sourceHash === this.doc?.hash) return 'accepted';
    return this.left.has(p.annotation.id) ? 'left' : 'open';
  }

  #go(i: number): void {
    this.reviewing = i;
    this.#focusHeading = true;
  }

  #next(): void {
    const c = this.changes;
    this.#go(c && this.reviewing < c.fuzzy.length - 1 ? this.reviewing + 1 : -1);
  }

  #show(p: Placed): void {
    this.dispatchEvent(new AnnotationActivateEvent([p.annotation.id], true));
  }

  async #accept(p: Placed): Promise<void> {
    const d = this.doc;
    // The place the reader has now (the same text gives the same place; the annotation may have moved on since).
    const now = this.placement.placed.find((x) => x.annotation.id === p.annotation.id) ?? p;
    if (!d || !(await this.#actions.acceptPlace(d, now.annotation.id, now))) return;
    this.#next();
  }

  #leave(p: Placed): void {
    this.left = new Set(this.left).add(p.annotation.id);
    this.#next();
  }

  #dismiss = (): void => {
    this.changes = undefined;
    this.dispatchEvent(new TextChangeDoneEvent());
  };

  #onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    if (this.reviewing >= 0) this.#go(-1);
    else this.#dismiss();
  };
}

/** One side of a diff: its own words marked (`<del>` in the stored quote, `<ins>` in the text
 * now), so the change is not told by colour alone. */
function marked(pieces: readonly DiffPiece[], tag: 'del' | 'ins') {
  return pieces.map((p) => (!p.changed ? p.text : tag === 'del' ? html`<del>${p.text}</del>` : html`<ins>${p.text}</ins>`));
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-text-changed': CrTextChanged;
  }
}
