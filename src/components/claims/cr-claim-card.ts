import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatRange, STANCES, splitTags, type Claim, type EvidenceItem, type Stance } from '../../store/index.ts';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';
import { claimRelated } from '../related/claim-related.ts';
import type { CrRelated } from '../related/cr-related.ts';
import { eventsRow } from './claim-events-row.ts';
import { citeOf } from '../../corpus/citation.ts';
import { routeHash } from '../../app/route.ts';
import { NotifyEvent } from '../shared/events.ts';
import { EditDraft } from '../shared/edit-draft.ts';
import { sameTags } from '../shared/draft-fields.ts';
import { STANCE_LOOK, badge, badgeStyles } from '../shared/relations.ts';
import { SET_ASIDE } from '../shared/set-aside.ts';
import { ClaimEditingEvent, ClaimIntentEvent, ClaimSelectEvent, type ClaimIntent } from './claim-events.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { count } from '../../map/words.ts';
import type { Paragraph } from '../../annotate/paragraphs.ts';
import { StoreController } from '../store/store-controller.ts';
import { claimCardStyles } from './claim-card-styles.ts';
import { foreignLook, looksOf, type LayerLook } from '../layers/layer-look.ts';
import { layerMarkStyles, layerTag, readOnlyNote } from '../layers/layer-marks.ts';
import './cr-claim-links.ts';
import '../annotate/cr-note.ts';

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * One claim. Collapsed: statement, sources, counts, tags, events and each
 * passage's stance (icon and label). Expanded: the statement and note (editable in place), tags, events (add/remove), creator and dates,
 * the evidence passages (each opens the reader at its ¶; stance changeable,
 * passage removable), the links and the passages of other sources related to the claim
 * (`cr-related`, each addable as evidence); with "Link to…", "Merge into…", "Delete…".
 * A claim of another layer (ADR 0013) names its layer (swatch, coloured edge) and is read-only:
 * "From Ana’s map (read-only)" and "Link a claim of mine…" in place of every control that would change it.
 *
 * @fires cr-claim-select - the statement was clicked: expand (or collapse) this claim
 * @fires cr-claim-intent - Link to…, Merge into… or Delete… was chosen
 * @fires cr-notify - after removing a passage (with Undo), or when an action failed
 */
@customElement('cr-claim-card')
export class CrClaimCard extends LitElement {
  static override styles = [controlStyles, badgeStyles, claimCardStyles, layerMarkStyles];

  /** The claim shown. */
  @property({ attribute: false }) accessor claim: Claim | undefined;
  /** Sources' metadata, for short citations. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** ¶ of an evidence passage; a new function when more sources have loaded. */
  @property({ attribute: false }) accessor paragraphOf: (item: EvidenceItem) => Paragraph = () => undefined;
  /** Shown with all its details. */
  @property({ type: Boolean, reflect: true }) accessor expanded = false;
  /** Loads a source's document model (for the passages related to the claim). */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;

  /** The claim as the last events change left it, until the card shows it. */
  #eventsSet: Claim | undefined;
  /** The reader closed "Related in other sources". */
  @state() private accessor relatedClosed = false;

  readonly #data = new StoreController(this);
  // The statement, note and tags being edited: kept when another tab changes the claim meanwhile.
  readonly #draft = new EditDraft<Claim>(this, {
    record: () => this.#data.store?.getClaim(this.claim?.id ?? ''),
    form: () => this.renderRoot.querySelector<HTMLFormElement>('form.edit'),
    what: 'claim',
    discard: () => void this.#setEditing(false),
    fields: [
      { name: 'statement', label: 'Statement', read: (c) => c.statement },
      { name: 'note', label: 'Note', read: (c) => c.note ?? '' },
      { name: 'tags', label: 'Tags', read: (c) => c.tags.join(', '), same: sameTags },
    ],
  });

  /** Moves focus to the statement, the card's first control. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector<HTMLElement>('#statement')?.focus(options);
  }

  override render() {
    const c = this.claim;
    if (!c) return nothing;
    const evidence = this.#data.store?.evidenceOf(c.id) ?? [];
    const damaged = this.#data.store?.setAsideEvidence(c.id) ?? 0;
    const sources = [...new Set(evidence.map((e) => this.#cite(e.annotation.target.source)))];
    const links = this.#data.store?.linksOf(c.id).length ?? 0;
    const look = this.#look(c);
    return html`<article class=${this.expanded ? 'open' : ''} aria-labelledby="statement" style=${look ? `border-left-color: ${look.colour}` : nothing}>
      <h2><button id="statement" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="details"
        @click=${() => this.dispatchEvent(new ClaimSelectEvent(this.expanded ? '' : c.id))}>${c.statement}</button></h2>
      <div class="meta">
        ${layerTag(look)}
        ${sources.length ? html`<span>${sources.join('; ')}</span>` : html`<span>no evidence</span>`}
        <span>${count(evidence.length, 'passage')}</span>
        ${damaged ? html`<span class="set-aside">${damaged === 1 ? SET_ASIDE.annotations : `${damaged} damaged passages, set aside`}</span>` : nothing}
        <span>${count(links, 'link')}</span>
        ${c.tags.map((t) => html`<span class="chip">${t}</span>`)}
        ${this.expanded ? nothing : this.#eventChips(c)}
      </div>
      ${this.expanded ? nothing : this.#stances(evidence)}
      <div id="details">${this.expanded ? this.#details(c, evidence, damaged, look) : nothing}</div>
    </article>`;
  }

  // Collapsed, the card still says when the claim happened and how each passage stands to it:
  // a passage that argues against the claim must not pass for support.
  #eventChips(c: Claim) {
    const store = this.#data.store;
    return c.events.flatMap((id) => {
      const e = store?.getEvent(id);
      if (!e) return store?.isQuarantined('events', id) ? [html`<span class="chip event set-aside" title="Event">◷ ${SET_ASIDE.events}</span>`] : [];
      // The chip leads to the sources compared on that event.
      return [html`<a class="chip event" href=${routeHash({ view: 'events', event: e.id })} title="Compare sources on this event">◷ ${e.name}, ${formatRange(e.start, e.end)}</a>`];
    });
  }

  #stances(evidence: readonly EvidenceItem[]) {
    if (!evidence.length) return nothing;
    return html`<ul class="stances" aria-label="Passages">
      ${evidence.map((e) => {
        const n = this.paragraphOf(e);
        return html`<li data-annotation=${e.annotation.id}>${badge(STANCE_LOOK[e.stance])}
          <span>${this.#cite(e.annotation.target.source)}${typeof n === 'number' ? `, ¶${n}` : ''}</span></li>`;
      })}
    </ul>`;
  }

  // Another layer's claim (ADR 0013) shows no control that would change it; the reader may
  // still link a claim of theirs to it (the link is theirs).
  #details(c: Claim, evidence: EvidenceItem[], damaged: number, look: LayerLook | undefined) {
    return html`${this.#draft.editing ? this.#editForm() : html`
        ${c.note ? html`<cr-note .text=${c.note}></cr-note>` : nothing}
        ${look ? readOnlyNote(look, this.#intent('link', 'Link a claim of mine…'))
          : html`<div class="actions"><button type="button" class="edit" @click=${() => this.#setEditing(true)}>Edit statement, note and tags</button></div>`}`}
      <p class="meta">By ${c.creator.name} · created <time datetime=${c.created}>${day(c.created)}</time>${c.modified !== c.created
        ? html` · edited <time datetime=${c.modified}>${day(c.modified)}</time>` : nothing}</p>
      <h3>Events</h3>
      ${eventsRow(c, this.#data.store?.eventsByStart() ?? [], !look, (events) => void this.#setEvents(events))}
      <h3>Evidence (${evidence.length})</h3>
      ${evidence.length
        ? html`<ol class="evidence">${evidence.map((e) => this.#evidence(c, e, !look))}</ol>`
        : damaged || look ? nothing : html`<p class="hint">No passages back this claim. Select a passage in the reader and add it as evidence.</p>`}
      ${damaged
        ? html`<p class="hint set-aside">Also cited: ${damaged === 1 ? SET_ASIDE.annotations : `${damaged} damaged passages, set aside`}
            (<a href=${routeHash({ view: 'settings' })}>listed in Settings</a>).</p>`
        : nothing}
      <h3>Links</h3>
      <cr-claim-links claimId=${c.id}></cr-claim-links>
      ${look ? nothing : html`<div class="actions claim-actions">
        ${this.#intent('link', 'Link to…')} ${this.#intent('merge', 'Merge into…')} ${this.#intent('delete', 'Delete claim…')}
      </div>
      ${claimRelated(c, evidence, { entries: this.entries, documents: this.documents, paragraphOf: this.paragraphOf,
        closed: this.relatedClosed, toggle: (closed) => void this.#toggleRelated(closed) })}`}`;
  }

  #intent(intent: ClaimIntent, label: string) {
    return html`<button type="button" class=${intent === 'delete' ? 'danger' : ''} data-intent=${intent}
      @click=${() => this.dispatchEvent(new ClaimIntentEvent(intent, this.claim!.id))}>${label}</button>`;
  }

  #editForm() {
    const d = this.#draft;
    return html`<form class="edit" @submit=${this.#save} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.preventDefault(), this.#setEditing(false))}>
      <label>Statement <input name="statement" maxlength="500" .value=${live(d.text('statement'))} /></label>
      <label>Note (light Markdown) <textarea name="note" .value=${live(d.text('note'))}></textarea></label>
      <label>Tags, separated by commas <input name="tags" .value=${live(d.text('tags'))} /></label>
      ${d.notice()}
      <div class="actions"><button class="primary">Save</button><button type="button" @click=${() => this.#setEditing(false)}>Cancel</button></div>
    </form>`;
  }

  #evidence(c: Claim, e: EvidenceItem, editable: boolean) {
    const a = e.annotation;
    const n = this.paragraphOf(e);
    const cite = this.#cite(a.target.source);
    const where = n === undefined ? `${cite}, ¶…` : n === null ? `${cite} (passage not found in this version)` : `${cite}, ¶${n}`;
    return html`<li data-annotation=${a.id}>
      <div class="line">
        <a href=${routeHash({ view: 'read', id: a.target.source, p: n ?? undefined })} title="Open the passage in the reader">${where}</a>
        ${badge(STANCE_LOOK[e.stance])}
      </div>
      <blockquote>${a.target.selector[0].exact}</blockquote>
      ${editable ? html`<div class="row">
        <label>Stance <select name="stance" @change=${(ev: Event) => this.#act(this.#data.store?.setStance(c.id, a.id, (ev.target as HTMLSelectElement).value as Stance))}>
          ${STANCES.map((s) => html`<option value=${s} ?selected=${s === e.stance}>${STANCE_LOOK[s].icon} ${STANCE_LOOK[s].label}</option>`)}
        </select></label>
        <button type="button" aria-label="Remove this passage from the claim" @click=${() => this.#removeEvidence(c, a.id)}>Remove</button>
      </div>` : nothing}
    </li>`;
  }

  /** The layer of a claim not the reader's own; `undefined` for theirs. */
  #look(c: Claim): LayerLook | undefined {
    return foreignLook(looksOf(this.#data.store), c.layer);
  }

  #cite(source: string): string {
    return citeOf(this.entries, source);
  }

  async #setEditing(on: boolean): Promise<void> {
    if (on) this.#draft.start();
    else this.#draft.stop();
    if (this.claim) this.dispatchEvent(new ClaimEditingEvent(this.claim, on));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(on ? 'input[name=statement]' : 'button.edit')?.focus();
  }

  // Writes only what the reader changed, so what another tab changed meanwhile stays.
  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const store = this.#data.store;
    const changes = this.#draft.changes();
    const { statement, note, tags } = changes;
    try {
      const change = { statement, note, tags: tags === undefined ? undefined : splitTags(tags) };
      if (store && this.#draft.deleted) await this.#draft.restore((c) => store.restore('claims', c, change));
      else if (store && this.claim && Object.keys(changes).length) await store.updateClaim(this.claim.id, change);
      await this.#setEditing(false);
    } catch (err) {
      this.#draft.refused(err);
    }
  }

  async #setEvents(events: string[]): Promise<boolean> {
    const done = await this.#act(this.#data.store?.updateClaim(this.claim!.id, { events }));
    if (!done) return false;
    this.#eventsSet = done.value;
    await this.updateComplete;
    this.#keepEventsFocus();
    return true;
  }

  protected override updated(): void {
    this.#keepEventsFocus();
  }

  // The list and its opener replace each other: focus goes to whichever is shown now.
  async #toggleRelated(closed: boolean): Promise<void> {
    this.relatedClosed = closed;
    await this.updateComplete;
    if (closed) this.renderRoot.querySelector<HTMLElement>('.related-open')?.focus();
    else this.renderRoot.querySelector<CrRelated>('cr-related')?.focusList();
  }

  // Once the card shows the events just set: the control used may be gone (the last event added
  // takes the Add form with it; a removed one, its ×), so focus stays in the row, not on the body.
  #keepEventsFocus(): void {
    if (!this.#eventsSet || this.claim !== this.#eventsSet) return;
    this.#eventsSet = undefined;
    if ((this.renderRoot as ShadowRoot).activeElement) return;
    this.renderRoot.querySelector<HTMLElement>('.events select, .events .chip button, .events')?.focus();
  }

  async #removeEvidence(c: Claim, annotationId: string): Promise<void> {
    const store = this.#data.store;
    if (!store) return;
    const removed = await this.#act(store.removeEvidence(c.id, annotationId));
    if (removed) this.dispatchEvent(new NotifyEvent('Passage removed from the claim', removed));
  }

  /** Runs a store action; a refusal becomes a toast. Its result when it succeeded. */
  async #act<T>(action: Promise<T> | undefined): Promise<T | undefined> {
    try {
      return await action;
    } catch (err) {
      this.dispatchEvent(new NotifyEvent((err as Error).message));
      return undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-claim-card': CrClaimCard;
  }
}
