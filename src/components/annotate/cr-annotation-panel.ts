import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DocModel } from '../../corpus/types.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import type { Annotation, AnnotationChange, Stance } from '../../store/index.ts';
import { eventsOf, noteOf, splitTags, tagsOf } from '../../store/index.ts';
import { routeHash } from '../../app/route.ts';
import { badgeStyles } from '../shared/relations.ts';
import type { ColourBy, Placed } from '../../annotate/anchored.ts';
import { AnnotationActivateEvent } from '../shared/events.ts';
import { fieldText } from '../shared/form-fields.ts';
import { EditDraft } from '../shared/edit-draft.ts';
import { sameTags } from '../shared/draft-fields.ts';
import { StoreController } from '../store/store-controller.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import { AnnotationActions, type AnnotationFields, type Passage } from './annotation-actions.ts';
import { annotationCard } from './annotation-card.ts';
import { claimForm, evidenceForm, noteForm, type ClaimFields } from './annotation-forms.ts';
import { ColourByEvent, DraftCloseEvent } from './panel-events.ts';
import { panelStyles } from './panel-styles.ts';
import { foreignLook, looksOf } from '../layers/layer-look.ts';
import { layerMarkStyles } from '../layers/layer-marks.ts';
import '../layers/cr-layer-legend.ts';
import '../shared/cr-confirm-dialog.ts';

export { claimFromQuote } from '../../annotate/claim-draft.ts';
export type { Citation } from './annotation-card.ts';

/** A passage waiting for its note or tags before it becomes an annotation. */
export interface Draft extends Passage {
  quote: string;
  /** What the passage is for: a note, tags, a new claim, or evidence for an existing claim. */
  focus: 'note' | 'tag' | 'claim' | 'evidence';
}

const NO_FIELDS: AnnotationFields = { note: '', tags: [], events: [] };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The source's annotations in reading order, filterable by tag; orphans listed apart; and the
 * forms that make, edit, delete and re-attach them, which save through the store themselves
 * (ADR 0005, `annotation-actions.ts`). The pending draft's passage comes from the reader.
 *
 * @fires cr-annotation-activate - a card was chosen (reveal its passage), or an annotation was just saved
 * @fires cr-draft-close - the pending draft was saved or abandoned
 * @fires cr-colour-by - the colour mode was changed
 * @fires cr-notify - after a change (with Undo where it can be undone), or when the store refused one
 */
@customElement('cr-annotation-panel')
export class CrAnnotationPanel extends LitElement {
  static override styles = [badgeStyles, panelStyles, layerMarkStyles];

  /** The document the annotations belong to. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Annotations placed in the text, in reading order. */
  @property({ attribute: false }) accessor placed: readonly Placed[] = [];
  /** Annotations whose passage is no longer in the text. */
  @property({ attribute: false }) accessor orphans: readonly Annotation[] = [];
  /** Selected annotation. */
  @property() accessor activeId = '';
  /** A new passage waiting for a note, tags or a claim. */
  @property({ attribute: false }) accessor draft: Draft | undefined;
  /** What highlight colours stand for. */
  @property() accessor colourBy: ColourBy = 'tag';
  /** The passage last selected in the text, for re-attaching an orphan to it. */
  @property({ attribute: false }) accessor lastSelection: () => Passage | undefined = () => undefined;

  @state() private accessor pickedClaim = '';
  @state() private accessor editing = '';
  @state() private accessor tagFilter = '';

  @query('cr-confirm-dialog') private accessor confirm!: CrConfirmDialog;

  readonly #data = new StoreController(this);
  readonly #actions = new AnnotationActions(this, () => this.#data.store);
  // The note and tags of the annotation being edited: kept when another tab changes it meanwhile.
  readonly #edit = new EditDraft<Annotation>(this, {
    record: () => this.#data.store?.getAnnotation(this.editing),
    form: () => this.renderRoot.querySelector<HTMLTextAreaElement>('#edit-note')?.form,
    what: 'annotation',
    discard: () => void this.#discard(),
    fields: [
      { name: 'note', label: 'Note', read: (a) => noteOf(a) ?? '' },
      { name: 'tags', label: 'Tags', read: (a) => tagsOf(a).join(', '), same: sameTags },
    ],
  });
  /** A claim just made by keyboard, whose link gets focus as soon as its passage's card shows it. */
  #focusLinkTo = '';
  /** A passage just saved from a draft, whose card gets focus as soon as it shows. */
  #focusCard = '';

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('draft') && this.draft) void this.#focusDraft(this.draft.focus);
    if (changed.has('activeId') && this.activeId) {
      this.renderRoot.querySelector(`[data-id="${CSS.escape(this.activeId)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
    // The card appears when the reader has placed the new passage, an update or two later.
    if (this.#focusLinkTo && this.#claimLink(this.#focusLinkTo)) void this.focusClaimLink(this.#focusLinkTo);
    const card = this.#focusCard && this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(this.#focusCard)}"] button.quote`);
    if (card) {
      this.#focusCard = '';
      card.focus();
    }
  }

  override render() {
    const tags = [...new Set(this.placed.flatMap((p) => tagsOf(p.annotation)))].sort((a, b) => a.localeCompare(b));
    const shown = this.tagFilter ? this.placed.filter((p) => tagsOf(p.annotation).includes(this.tagFilter)) : this.placed;
    // Deleted in another tab while being edited: its editor stays, first in the list, until saved or discarded.
    const deleted = this.#edit.deleted;
    const gone = deleted && !this.placed.some((p) => p.annotation.id === deleted.id) ? deleted : undefined;
    return html`<section aria-labelledby="ann-title">
      <h2 id="ann-title" tabindex="-1"><span>Annotations</span><span>${this.placed.length + this.orphans.length}</span></h2>
      ${this.#who()}
      <cr-layer-legend></cr-layer-legend>
      ${this.#draftForm()}
      ${this.placed.length
        ? html`<div class="filter">
            ${tags.length
              ? html`<label>Tag
                  <select name="tag-filter" @change=${(e: Event) => (this.tagFilter = (e.target as HTMLSelectElement).value)}>
                    <option value="">all</option>
                    ${tags.map((t) => html`<option ?selected=${t === this.tagFilter}>${t}</option>`)}
                  </select></label>`
              : nothing}
            <label>Colours
              <select name="colour-by" @change=${(e: Event) => this.dispatchEvent(new ColourByEvent((e.target as HTMLSelectElement).value as ColourBy))}>
                <option value="tag" ?selected=${this.colourBy === 'tag'}>by tag</option>
                <option value="author" ?selected=${this.colourBy === 'author'}>by person</option>
              </select></label>
          </div>`
        : nothing}
      ${this.placed.length === 0 && !this.draft && !gone
        ? html`<p class="empty">No annotations yet. Select a passage in the text, then choose Highlight, Note or Tag (keys H, N, T).</p>`
        : html`<ol>${gone ? this.#card(gone) : nothing}${shown.map((p) => this.#card(p.annotation))}</ol>`}
      ${this.orphans.length
        ? html`<section class="orphans" aria-labelledby="orph-title">
            <h2 id="orph-title"><span>Not found in this version</span><span>${this.orphans.length}</span></h2>
            <p class="hint">The text changed and these passages could not be found. Select the passage again in the text and press Re-attach.</p>
            <ol>${this.orphans.map((a) => this.#card(a, true))}</ol>
          </section>`
        : nothing}
    </section>
    <cr-confirm-dialog></cr-confirm-dialog>`;
  }

  /** Focus the open annotation's card, else the list's heading (A, from the text). */
  focusList(): void {
    (this.renderRoot.querySelector<HTMLElement>('[aria-current="true"] button.quote') ?? this.renderRoot.querySelector<HTMLElement>('#ann-title'))?.focus();
  }

  /** Move focus to the link to a claim on its evidence card (after the claim was made by
   * keyboard, so the next Enter opens it in Claims, where "Link to…" is). */
  async focusClaimLink(claimId: string): Promise<void> {
    await this.updateComplete;
    const link = this.#claimLink(claimId);
    this.#focusLinkTo = link ? '' : claimId;
    link?.focus();
  }

  #claimLink(claimId: string): HTMLElement | null {
    return this.renderRoot.querySelector(`.cites a[href="${routeHash({ view: 'claims', claim: claimId })}"]`);
  }

  // The claim picker renders its input in its own first update, after ours: focus it then, or
  // typing right after pressing E would go nowhere.
  async #focusDraft(focus: Draft['focus']): Promise<void> {
    const field = this.renderRoot.querySelector({ note: '#draft-note', tag: '#draft-tags', claim: '#draft-statement', evidence: 'cr-claim-picker' }[focus]);
    if (field instanceof LitElement) await field.updateComplete;
    (field as HTMLElement | null)?.focus();
    // The drafted statement is a suggestion: selected, so typing replaces it.
    if (field instanceof HTMLTextAreaElement && focus === 'claim') field.select();
  }

  #who() {
    const name = this.#data.store?.creatorName ?? '';
    if (name) return html`<div class="who" tabindex="-1">Annotating as <b>${name}</b> (<a href="#/settings">change it in Settings</a>)</div>`;
    return html`<form class="who" @submit=${this.#setName}>
      <label>Your name on annotations <input name="name" maxlength="80" placeholder="e.g. Aigerim" autocomplete="name" /></label>
      <button>Set</button>
    </form>`;
  }

  #card(a: Annotation, orphan = false) {
    if (this.editing === a.id) {
      const events = this.#data.store?.eventsByStart() ?? [];
      const form = noteForm('edit', a.target.selector[0].exact, { note: noteOf(a) ?? '', tags: tagsOf(a), events: eventsOf(a) }, events, {
        save: (fields) => void this.#saveEdit(a.id, fields.events),
        cancel: () => this.#setEditing(''),
      }, this.#edit);
      return html`<li class="card" data-id=${a.id}>${form}</li>`;
    }
    return annotationCard(a, {
      orphan,
      active: a.id === this.activeId,
      colourBy: this.colourBy,
      look: foreignLook(looksOf(this.#data.store), a.layer),
      paragraph: orphan ? undefined : this.#paragraphOf(a),
      store: this.#data.store,
      choose: () => this.dispatchEvent(new AnnotationActivateEvent([a.id], !orphan)),
      edit: () => this.#setEditing(a.id),
      reattach: () => void this.#reattach(a.id),
      remove: () => void this.#delete(a.id),
    });
  }

  #draftForm() {
    const d = this.draft;
    if (!d) return nothing;
    const cancel = () => this.dispatchEvent(new DraftCloseEvent(false));
    const form = d.focus === 'note' || d.focus === 'tag'
      ? noteForm('draft', d.quote, NO_FIELDS, this.#data.store?.eventsByStart() ?? [], { save: (fields) => void this.#save(d, fields), cancel })
      : d.focus === 'claim'
        ? claimForm(d.quote, { save: (claim) => void this.#saveClaim(d, claim), cancel })
        : evidenceForm(d.quote, { save: (stance) => void this.#saveEvidence(d, stance), cancel, pick: (id) => (this.pickedClaim = id) });
    return html`<div class="draft">${form}</div>`;
  }

  #paragraphOf(a: Annotation): number | undefined {
    const p = this.placed.find((x) => x.annotation.id === a.id);
    const blocks = this.doc?.blocks;
    if (!p || !blocks) return undefined;
    return paragraphAt(blocks, p.start);
  }

  async #save(draft: Draft, fields: AnnotationFields): Promise<void> {
    if (!this.doc) return;
    const saved = await this.#actions.save(this.doc, draft, fields);
    if (saved) this.#drafted(saved.id);
  }

  #setEditing(id: string): void {
    this.editing = id;
    if (id) this.#edit.start();
    else this.#edit.stop();
  }

  // The annotation is gone (another tab): the editor closes; focus goes to the list's heading.
  async #discard(): Promise<void> {
    this.#setEditing('');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ann-title')?.focus();
  }

  // Writes only what the reader changed, so what another tab changed meanwhile stays.
  async #saveEdit(id: string, events: string[]): Promise<void> {
    const { note, tags } = this.#edit.changes();
    const a = this.#data.store?.getAnnotation(id) ?? this.#edit.deleted;
    const stored = a ? eventsOf(a) : [];
    const change: AnnotationChange = {
      ...(note === undefined ? {} : { note }),
      ...(tags === undefined ? {} : { tags: splitTags(tags) }),
      ...(sameSet(events, stored) ? {} : { events }),
    };
    const store = this.#data.store;
    if (this.#edit.deleted && store) {
      try {
        await this.#edit.restore((r) => store.restore('annotations', r, change));
      } catch (err) {
        this.#edit.refused(err);
        return;
      }
    } else if (Object.keys(change).length && !(await this.#actions.edit(id, change, (err) => this.#edit.refused(err)))) return;
    this.#setEditing('');
    this.dispatchEvent(new AnnotationActivateEvent([id]));
  }

  async #saveClaim(draft: Draft, claim: ClaimFields): Promise<void> {
    if (!this.doc) return;
    const made = await this.#actions.claimFromPassage(this.doc, draft, claim);
    if (!made) return;
    this.#drafted(made.annotation.id, false);
    await this.focusClaimLink(made.claim.id);
  }

  async #saveEvidence(draft: Draft, stance: Stance): Promise<void> {
    if (!this.pickedClaim) {
      (this.renderRoot.querySelector('cr-claim-picker') as HTMLElement | null)?.focus();
      return;
    }
    if (!this.doc) return;
    const added = await this.#actions.evidenceFromPassage(this.doc, draft, this.pickedClaim, stance);
    this.pickedClaim = '';
    if (added) this.#drafted(added.id);
  }

  // Saved: the new passage's card takes focus once it shows (a claim's card, its link instead).
  #drafted(annotationId: string, focusCard = true): void {
    this.dispatchEvent(new DraftCloseEvent(true));
    this.dispatchEvent(new AnnotationActivateEvent([annotationId]));
    if (focusCard) this.#focusCard = annotationId;
  }

  async #delete(id: string): Promise<void> {
    if (await this.#actions.remove(id, this.confirm)) {
      if (this.activeId === id) this.dispatchEvent(new AnnotationActivateEvent([]));
    }
  }

  async #reattach(id: string): Promise<void> {
    if (!this.doc) return;
    const a = await this.#actions.reattach(this.doc, id, this.lastSelection());
    if (a) this.dispatchEvent(new AnnotationActivateEvent([a.id]));
  }

  #setName(e: Event): void {
    e.preventDefault();
    const name = fieldText(new FormData(e.target as HTMLFormElement), 'name').trim();
    // The form gives way to "Annotating as …", which takes focus (it fell to the page body).
    if (name) void this.#actions.setName(name).then(() => this.updateComplete).then(() => this.renderRoot.querySelector<HTMLElement>('.who')?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-annotation-panel': CrAnnotationPanel;
  }
}
