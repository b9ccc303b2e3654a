import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocModel } from '../../corpus/types.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import type { Annotation, Claim, CrossreadStore, Stance } from '../../store/index.ts';
import { eventsOf, noteOf, splitTags, STANCES, tagsOf } from '../../store/index.ts';
import { routeHash } from '../../app/route.ts';
import { badge, badgeStyles, STANCE_LOOK } from '../shared/relations.ts';
import { colourOf, type ColourBy, type Placed } from '../../annotate/anchored.ts';
import { claimFromQuote } from '../../annotate/claim-draft.ts';
import { AnnotationActivateEvent } from '../shared/events.ts';
import { AnnotationDeleteEvent, AnnotationSaveEvent, ClaimDraftSaveEvent, ColourByEvent, CreatorNameEvent, DraftCancelEvent, EvidenceDraftSaveEvent, ReattachEvent } from './panel-events.ts';
import '../claims/cr-claim-picker.ts';
import './cr-note.ts';

/** A passage waiting for its note or tags before it becomes an annotation. */
export interface Draft {
  quote: string;
  /** What the passage is for: a note, tags, a new claim, or evidence for an existing claim. */
  focus: 'note' | 'tag' | 'claim' | 'evidence';
}

/** A claim citing an annotation, with the passage's stance toward it. */
export interface Citation {
  claim: Claim;
  stance: Stance;
}

/**
 * The source's annotations in reading order, filterable by tag; orphans listed apart.
 *
 * @fires cr-annotation-activate - a card was chosen (reveal its passage)
 * @fires cr-annotation-save - a note/tags form was submitted
 * @fires cr-annotation-delete - Delete was pressed on a card
 * @fires cr-reattach - Re-attach was pressed on an orphan
 * @fires cr-creator-name - the display name was set
 * @fires cr-draft-cancel - the new-annotation form was cancelled
 * @fires cr-colour-by - the colour mode was changed
 * @fires cr-claim-draft-save - a claim was made from the pending passage
 * @fires cr-evidence-draft-save - the pending passage was added as evidence to a claim
 */
@customElement('cr-annotation-panel')
export class CrAnnotationPanel extends LitElement {
  static override styles = [badgeStyles, css`
    :host { display: block; font: 0.9rem/1.45 var(--cr-sans); color: var(--cr-ink); }
    h2 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 0 0 0.6rem; display: flex; justify-content: space-between; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    .card { background: var(--cr-card); border: 1px solid var(--cr-rule); border-left: 4px solid var(--slot); border-radius: 6px; padding: 0.6rem 0.7rem; cursor: pointer; }
    .card[aria-current='true'] { border-color: var(--cr-accent); box-shadow: 0 0 0 1px var(--cr-accent); border-left-color: var(--slot); }
    button.quote {
      all: unset; box-sizing: border-box; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden;
      width: 100%; margin: 0 0 0.35rem; font: italic 0.86rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); cursor: pointer; border-radius: 3px;
    }
    button.quote:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
    blockquote { margin: 0 0 0.35rem; font: italic 0.86rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
    .meta { display: flex; gap: 0.5rem; flex-wrap: wrap; color: var(--cr-ink-faint); font-size: 0.75rem; margin-top: 0.35rem; align-items: center; }
    .tag { background: var(--cr-panel); color: var(--cr-ink-soft); border-radius: 999px; padding: 0.05rem 0.5rem; font-size: 0.75rem; }
    .actions { display: flex; gap: 0.4rem; margin-top: 0.45rem; }
    button { font: 600 0.78rem var(--cr-sans); border: 1px solid var(--cr-rule); background: var(--cr-card); color: var(--cr-ink); border-radius: 5px; padding: 0.25rem 0.55rem; cursor: pointer; }
    button.primary { background: var(--cr-accent); border-color: var(--cr-accent); color: #fff; }
    form { display: grid; gap: 0.45rem; }
    label { font-size: 0.75rem; color: var(--cr-ink-soft); display: grid; gap: 0.2rem; }
    textarea, input, select { font: 0.88rem var(--cr-sans); padding: 0.35rem 0.45rem; border: 1px solid var(--cr-rule); border-radius: 5px; background: var(--cr-bg); color: var(--cr-ink); }
    textarea { min-height: 4.5rem; resize: vertical; }
    .empty, .hint { color: var(--cr-ink-faint); font-size: 0.85rem; }
    .orphans { margin-top: 1.4rem; }
    .orphans .card { border-left-color: var(--cr-ink-faint); border-style: dashed; cursor: default; }
    .who { display: flex; gap: 0.4rem; align-items: center; margin-bottom: 0.8rem; font-size: 0.8rem; color: var(--cr-ink-soft); flex-wrap: wrap; }
    .filter { margin-bottom: 0.7rem; display: flex; gap: 0.8rem; align-items: center; font-size: 0.8rem; flex-wrap: wrap; }
    .filter label { display: flex; gap: 0.3rem; align-items: center; }
    fieldset.events { border: 1px solid var(--cr-rule); border-radius: 5px; padding: 0.3rem 0.5rem; margin: 0; display: grid; gap: 0.15rem; }
    fieldset.events legend { font-size: 0.75rem; color: var(--cr-ink-soft); }
    label.check { display: flex; gap: 0.4rem; align-items: center; font-size: 0.82rem; color: var(--cr-ink); }
    .cites { list-style: none; padding: 0; margin: 0.4rem 0 0; display: grid; gap: 0.25rem; }
    .cites a { color: var(--cr-ink); text-decoration: none; font-size: 0.8rem; display: flex; gap: 0.4rem; align-items: baseline; }
    .cites a:hover { text-decoration: underline; }
    .cites a:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
  `];

  /** The document the annotations belong to. */
  @property({ attribute: false }) accessor doc: DocModel | undefined;
  /** Annotations placed in the text, in reading order. */
  @property({ attribute: false }) accessor placed: readonly Placed[] = [];
  /** Annotations whose passage is no longer in the text. */
  @property({ attribute: false }) accessor orphans: readonly Annotation[] = [];
  /** Selected annotation. */
  @property() accessor activeId = '';
  /** A new passage waiting for a note or tags. */
  @property({ attribute: false }) accessor draft: Draft | undefined;
  /** The reader's display name, if set. */
  @property() accessor creatorName = '';
  /** What highlight colours stand for. */
  @property() accessor colourBy: ColourBy = 'tag';
  /** Claims citing each annotation, by annotation id. */
  @property({ attribute: false }) accessor citations: ReadonlyMap<string, readonly Citation[]> = new Map();
  /** The store, for the claim picker of the evidence form only (reads, never writes). */
  @property({ attribute: false }) accessor store: CrossreadStore | undefined;

  @state() private accessor pickedClaim = '';

  @state() private accessor editing = '';
  @state() private accessor tagFilter = '';

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('draft') && this.draft) {
      const field = { note: '#draft-note', tag: '#draft-tags', claim: '#draft-statement', evidence: 'cr-claim-picker' }[this.draft.focus];
      const el = this.renderRoot.querySelector(field) as HTMLElement | null;
      el?.focus();
      // The drafted statement is a suggestion: selected, so typing replaces it.
      if (el instanceof HTMLTextAreaElement && this.draft.focus === 'claim') el.select();
    }
    if (changed.has('activeId') && this.activeId) {
      this.renderRoot.querySelector(`[data-id="${CSS.escape(this.activeId)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  override render() {
    const tags = [...new Set(this.placed.flatMap((p) => tagsOf(p.annotation)))].sort((a, b) => a.localeCompare(b));
    const shown = this.tagFilter ? this.placed.filter((p) => tagsOf(p.annotation).includes(this.tagFilter)) : this.placed;
    return html`<section aria-labelledby="ann-title">
      <h2 id="ann-title"><span>Annotations</span><span>${this.placed.length + this.orphans.length}</span></h2>
      ${this.#who()}
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
      ${this.placed.length === 0 && !this.draft
        ? html`<p class="empty">No annotations yet. Select a passage in the text, then choose Highlight, Note or Tag (keys H, N, T).</p>`
        : html`<ol>${shown.map((p) => this.#card(p.annotation))}</ol>`}
      ${this.orphans.length
        ? html`<section class="orphans" aria-labelledby="orph-title">
            <h2 id="orph-title"><span>Not found in this version</span><span>${this.orphans.length}</span></h2>
            <p class="hint">The text changed and these passages could not be found. Select the passage again in the text and press Re-attach.</p>
            <ol>${this.orphans.map((a) => this.#card(a, true))}</ol>
          </section>`
        : nothing}
    </section>`;
  }

  #who() {
    if (this.creatorName) return html`<div class="who">Annotating as <b>${this.creatorName}</b></div>`;
    return html`<form class="who" @submit=${this.#setName}>
      <label>Your name on annotations <input name="name" maxlength="80" placeholder="e.g. Aigerim" autocomplete="name" /></label>
      <button>Set</button>
    </form>`;
  }

  #card(a: Annotation, orphan = false) {
    const note = noteOf(a);
    const tags = tagsOf(a);
    const quote = a.target.selector[0].exact;
    if (this.editing === a.id) return html`<li class="card" data-id=${a.id}>${this.#form(a.id, note ?? '', tags, quote, eventsOf(a))}</li>`;
    const n = orphan ? undefined : this.#paragraphOf(a);
    return html`<li class="card" data-id=${a.id} style="--slot: var(--cr-slot-${colourOf(a, this.colourBy)})"
        aria-current=${a.id === this.activeId ? 'true' : nothing} @click=${(e: Event) => this.#activate(e, a.id, orphan)}>
      <button class="quote" type="button" title=${orphan ? 'Passage not found in this version' : 'Show the passage in the text'}>${quote}</button>
      ${note ? html`<cr-note .text=${note}></cr-note>` : nothing}
      <div class="meta">
        ${n ? html`<span>¶${n}</span>` : nothing}
        ${tags.map((t) => html`<span class="tag">${t}</span>`)}
        ${eventsOf(a).map((id) => html`<span class="tag event">◷ ${this.store?.getEvent(id)?.name ?? 'event'}</span>`)}
        <span>${a.creator.name}</span>
        <time datetime=${a.modified}>${new Date(a.modified).toLocaleDateString()}</time>
      </div>
      ${this.#cites(a.id)}
      ${a.id === this.activeId || orphan
        ? html`<div class="actions">
            ${orphan ? html`<button @click=${(e: Event) => this.#send(e, new ReattachEvent(a.id))}>Re-attach to selection</button>` : html`<button @click=${(e: Event) => { e.stopPropagation(); this.editing = a.id; }}>Edit</button>`}
            <button @click=${(e: Event) => this.#send(e, new AnnotationDeleteEvent(a.id))}>Delete</button>
          </div>`
        : nothing}
    </li>`;
  }

  #form(id: string | null, note: string, tags: readonly string[], quote: string, events: readonly string[] = []) {
    const prefix = id ? 'edit' : 'draft';
    const all = this.store?.eventsByStart() ?? [];
    return html`<form @submit=${(e: Event) => this.#save(e, id)} @keydown=${(e: KeyboardEvent) => this.#formKey(e, id)} @click=${(e: Event) => e.stopPropagation()}>
      <blockquote>${quote}</blockquote>
      <label>Note (light Markdown) <textarea id="${prefix}-note" name="note" .value=${note}></textarea></label>
      <label>Tags, separated by commas <input id="${prefix}-tags" name="tags" .value=${tags.join(', ')} /></label>
      ${all.length
        ? html`<fieldset class="events"><legend>Events</legend>
            ${all.map((ev) => html`<label class="check"><input type="checkbox" name="events" value=${ev.id} ?checked=${events.includes(ev.id)} /> ${ev.name}</label>`)}
          </fieldset>`
        : nothing}
      <div class="actions"><button class="primary">Save</button><button type="button" @click=${() => this.#cancel(id)}>Cancel</button></div>
    </form>`;
  }

  /** Move focus to the link to a claim on its evidence card (after the claim was made by
   * keyboard, so the next Enter opens it in Claims, where "Link to…" is). */
  async focusClaimLink(claimId: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector(`.cites a[href="${routeHash({ view: 'claims', claim: claimId })}"]`) as HTMLElement | null)?.focus();
  }

  #draftForm() {
    const d = this.draft;
    if (!d) return nothing;
    if (d.focus === 'note' || d.focus === 'tag') return this.#form(null, '', [], d.quote);
    const stance = html`<label>This passage
      <select name="stance">${STANCES.map((s) => html`<option value=${s}>${STANCE_LOOK[s].icon} ${STANCE_LOOK[s].label} the claim</option>`)}</select></label>`;
    const buttons = html`<div class="actions"><button class="primary">Save</button><button type="button" @click=${() => this.#cancel(null)}>Cancel</button></div>`;
    if (d.focus === 'claim') {
      return html`<form @submit=${this.#saveClaim} @keydown=${(e: KeyboardEvent) => this.#formKey(e, null)}>
        <blockquote>${d.quote}</blockquote>
        <label>Claim: what does the passage assert? <textarea id="draft-statement" name="statement" maxlength="500" required .value=${claimFromQuote(d.quote)}></textarea></label>
        ${stance}
        <label>Tags, separated by commas <input name="tags" /></label>
        ${buttons}
      </form>`;
    }
    return html`<form @submit=${this.#saveEvidence} @keydown=${(e: KeyboardEvent) => this.#formKey(e, null)}>
      <blockquote>${d.quote}</blockquote>
      <cr-claim-picker .store=${this.store} label="Evidence for the claim" placeholder="Type to find a claim…"
        @cr-claim-pick=${(e: Event & { claimId?: string }) => (this.pickedClaim = e.claimId ?? '')}></cr-claim-picker>
      ${stance}
      ${buttons}
    </form>`;
  }

  #saveClaim(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const statement = String(data.get('statement') ?? '').trim();
    if (!statement) return;
    this.dispatchEvent(new ClaimDraftSaveEvent(statement, data.get('stance') as Stance, splitTags(String(data.get('tags') ?? ''))));
  }

  #saveEvidence(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    if (!this.pickedClaim) {
      (this.renderRoot.querySelector('cr-claim-picker') as HTMLElement | null)?.focus();
      return;
    }
    this.dispatchEvent(new EvidenceDraftSaveEvent(this.pickedClaim, data.get('stance') as Stance));
    this.pickedClaim = '';
  }

  #cites(annotationId: string) {
    const cites = this.citations.get(annotationId);
    if (!cites?.length) return nothing;
    return html`<ul class="cites" aria-label="Evidence for">
      ${cites.map((c) => html`<li><a href=${routeHash({ view: 'claims', claim: c.claim.id })} @click=${(e: Event) => e.stopPropagation()}>${badge(STANCE_LOOK[c.stance])} <span>${c.claim.statement}</span></a></li>`)}
    </ul>`;
  }

  #paragraphOf(a: Annotation): number | undefined {
    const p = this.placed.find((x) => x.annotation.id === a.id);
    const blocks = this.doc?.blocks;
    if (!p || !blocks) return undefined;
    return paragraphAt(blocks, p.start);
  }

  #activate(e: Event, id: string, orphan: boolean): void {
    if (e.composedPath().some((n) => n instanceof HTMLAnchorElement)) return; // a link in the note
    this.dispatchEvent(new AnnotationActivateEvent([id], !orphan));
  }

  #send(e: Event, event: Event): void {
    e.stopPropagation();
    this.dispatchEvent(event);
  }

  #save(e: Event, id: string | null): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const events = data.getAll('events').map(String);
    this.dispatchEvent(new AnnotationSaveEvent(id, String(data.get('note') ?? ''), splitTags(String(data.get('tags') ?? '')), events));
    this.editing = '';
  }

  #formKey(e: KeyboardEvent, id: string | null): void {
    if (e.key === 'Escape') this.#cancel(id);
    else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.currentTarget as HTMLFormElement).requestSubmit();
  }

  #cancel(id: string | null): void {
    if (id) this.editing = '';
    else this.dispatchEvent(new DraftCancelEvent());
  }

  #setName(e: Event): void {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
    if (name) this.dispatchEvent(new CreatorNameEvent(name));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-annotation-panel': CrAnnotationPanel;
  }
}
