import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { STANCES, splitTags, type Annotation, type EventRecord, type Stance } from '../../store/index.ts';
import { claimFromQuote } from '../../annotate/claim-draft.ts';
import { STANCE_LOOK } from '../shared/relations.ts';
import { fieldText, fieldTexts } from '../shared/form-fields.ts';
import type { ClaimPickEvent } from '../claims/claim-events.ts';
import type { EditDraft } from '../shared/edit-draft.ts';
import type { AnnotationFields } from './annotation-actions.ts';
import '../claims/cr-claim-picker.ts';

/** What a form does with the reader's input; the panel supplies these (callbacks, passed on detached: no `this`). */
export interface FormHandlers<T> {
  /** The form was submitted with valid input. */
  save: (value: T, form: HTMLFormElement) => void;
  /** Cancel or Escape. */
  cancel: () => void;
}

/** A claim drafted from a passage. */
export interface ClaimFields {
  statement: string;
  stance: Stance;
  tags: string[];
}

// Escape cancels; Ctrl/⌘+Enter submits, from any field.
const keys = (cancel: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape') cancel();
  else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.currentTarget as HTMLFormElement).requestSubmit();
};

const submitted = (e: Event) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  return { form, data: new FormData(form) };
};

const buttons = (cancel: () => void) =>
  html`<div class="actions"><button class="primary">Save</button><button type="button" @click=${cancel}>Cancel</button></div>`;

/**
 * Note, tags and events of an annotation; `prefix` (`edit` or `draft`) names the fields' ids.
 * `events` are the annotation's, `all` every event the reader may choose from. Editing a saved
 * annotation, `draft` holds the note and tags (kept when another tab changes them) and says when
 * a save was refused; a new one has nothing to keep in step with.
 */
export function noteForm(prefix: 'edit' | 'draft', quote: string, value: AnnotationFields, all: readonly EventRecord[], on: FormHandlers<AnnotationFields>, draft?: EditDraft<Annotation>) {
  const save = (e: Event) => {
    const { form, data } = submitted(e);
    on.save({ note: fieldText(data, 'note'), tags: splitTags(fieldText(data, 'tags')), events: fieldTexts(data, 'events') }, form);
  };
  return html`<form @submit=${save} @keydown=${keys(on.cancel)} @click=${(e: Event) => e.stopPropagation()}>
    <blockquote>${quote}</blockquote>
    <label>Note (light Markdown) <textarea id="${prefix}-note" name="note" .value=${draft ? live(draft.text('note')) : value.note}></textarea></label>
    <label>Tags, separated by commas <input id="${prefix}-tags" name="tags" .value=${draft ? live(draft.text('tags')) : value.tags.join(', ')} /></label>
    ${all.length
      ? html`<fieldset class="events"><legend>Events</legend>
          ${all.map((ev) => html`<label class="check"><input type="checkbox" name="events" value=${ev.id} ?checked=${value.events.includes(ev.id)} /> ${ev.name}</label>`)}
        </fieldset>`
      : nothing}
    ${draft ? draft.notice() : nothing}
    ${buttons(on.cancel)}
  </form>`;
}

const stanceField = html`<label>This passage
  <select name="stance">${STANCES.map((s) => html`<option value=${s}>${STANCE_LOOK[s].icon} ${STANCE_LOOK[s].label} the claim</option>`)}</select></label>`;

/** A new claim with the passage as its first evidence; the statement starts as the quote's first sentence. */
export function claimForm(quote: string, on: FormHandlers<ClaimFields>) {
  const save = (e: Event) => {
    const { form, data } = submitted(e);
    const statement = fieldText(data, 'statement').trim();
    if (statement) on.save({ statement, stance: data.get('stance') as Stance, tags: splitTags(fieldText(data, 'tags')) }, form);
  };
  return html`<form @submit=${save} @keydown=${keys(on.cancel)}>
    <blockquote>${quote}</blockquote>
    <label>Claim: what does the passage assert? <textarea id="draft-statement" name="statement" maxlength="500" required .value=${claimFromQuote(quote)}></textarea></label>
    ${stanceField}
    <label>Tags, separated by commas <input name="tags" /></label>
    ${buttons(on.cancel)}
  </form>`;
}

/** The passage as evidence for an existing claim, found with the claim picker. */
export function evidenceForm(quote: string, on: FormHandlers<Stance> & { pick: (claimId: string) => void }) {
  return html`<form @submit=${(e: Event) => { const { form, data } = submitted(e); on.save(data.get('stance') as Stance, form); }} @keydown=${keys(on.cancel)}>
    <blockquote>${quote}</blockquote>
    <cr-claim-picker mine label="Evidence for the claim" placeholder="Type to find a claim…"
      @cr-claim-pick=${(e: ClaimPickEvent) => on.pick(e.claimId)}></cr-claim-picker>
    ${stanceField}
    ${buttons(on.cancel)}
  </form>`;
}
