import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { StoreError, type ActionResult, type Restored } from '../../store/index.ts';
import { NotifyEvent } from './events.ts';
import { differs, inConflict, reconcile, sameTrimmed, type FieldState, type SameText } from './draft-fields.ts';
import type { DraftChoiceEvent, DraftDifference } from './cr-draft-notice.ts';
import './cr-draft-notice.ts';

/** A text field of a record, as an editor's form holds it. */
export interface DraftField<R> {
  /** Name of the form control holding it (an input, a textarea or a radio group). */
  name: string;
  /** What the reader calls it, in "See both". */
  label: string;
  /** The stored value as the form shows it. */
  read: (record: R) => string;
  /** When two texts are the same; default: equal after trimming. */
  same?: SameText;
}

/** What a draft edits. */
export interface EditDraftOptions<R> {
  /** The record being edited as the store holds it now; `undefined` when there is none. */
  record: () => R | undefined;
  /** The editor's form, once rendered. */
  form: () => HTMLFormElement | null | undefined;
  /** The fields it edits. */
  fields: readonly DraftField<R>[];
  /** What the record is, in the reader's words ("claim"). */
  what: string;
  /** Closes the editor without saving ("Discard" after another tab deleted the record). */
  discard: () => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/** What a form control holds: a text field's text, a radio group's checked value. */
function valueOf(control: Element | RadioNodeList | null | undefined): string | undefined {
  if (control instanceof RadioNodeList || control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) return control.value;
  return undefined;
}

/**
 * What the reader is typing into an editor of one record is theirs (issue 8). The draft keeps
 * each field's text and the stored value it started from, and before every render of its host
 * (which its `StoreController` re-renders after every store change) it compares the stored
 * record with them (`draft-fields.ts`): an untouched field follows the store, a field changed
 * in both places keeps the reader's text and raises the "changed in another tab" notice. The
 * form binds its controls with `live(draft.text(name))`, so a re-render (or a form built anew
 * when a list reorders) shows the draft, never the store over it. A refused save leaves the
 * editor open: a conflict raises the same notice, any other refusal shows its message.
 * Saving sends only the fields whose text differs from the stored one, so a field another tab
 * changed and the reader did not is not written back.
 */
export class EditDraft<R> implements ReactiveController {
  readonly #host: Host;
  readonly #options: EditDraftOptions<R>;
  #fields = new Map<string, FieldState>();
  // The record as last seen in the store: what "Restore with my text" adds back once deleted.
  #last: R | undefined;
  // The field that had focus before a render, with its selection: a deleted record's editor
  // may be rendered anew elsewhere in its list, and the reader keeps typing where they were.
  #focus: { name: string; start: number | null; end: number | null } | undefined;
  #refusedAsConflict = false;
  #error = '';
  // The draft's text was set here (start, take theirs) and the form does not show it until the
  // host renders: until then the form's controls hold older text, or another record's.
  #unrendered = false;

  constructor(host: Host, options: EditDraftOptions<R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether an edit is in progress. */
  get editing(): boolean {
    return this.#fields.size > 0;
  }

  /**
   * The record as this editor last saw it, when another tab deleted it during the edit: the
   * host keeps the editor on it, and saving restores it (`restore`).
   */
  get deleted(): R | undefined {
    return this.editing && !this.#options.record() ? this.#last : undefined;
  }

  /** Starts editing the record `options.record()` returns now, from its stored values. */
  start(): void {
    const record = this.#options.record();
    this.#clear();
    if (!record) return;
    this.#last = record;
    for (const f of this.#options.fields) {
      const value = f.read(record);
      this.#fields.set(f.name, { base: value, text: value });
    }
    this.#unrendered = true;
    this.#host.requestUpdate();
  }

  /** Ends the edit (saved or cancelled). */
  stop(): void {
    this.#clear();
    this.#host.requestUpdate();
  }

  /** The text of field `name`, for the form to bind with `live()`. */
  text(name: string): string {
    return this.#fields.get(name)?.text ?? '';
  }

  hostUpdate(): void {
    this.#sync();
    const active = this.#host.shadowRoot?.activeElement;
    const name = active && this.#options.form()?.contains(active) ? active.getAttribute('name') : null;
    const text = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : undefined;
    this.#focus = name ? { name, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null } : undefined;
  }

  hostUpdated(): void {
    this.#unrendered = false;
    const was = this.#focus;
    if (!was || !this.editing || this.#host.shadowRoot?.activeElement) return;
    const control = this.#options.form()?.querySelector<HTMLElement>(`[name="${CSS.escape(was.name)}"]`);
    control?.focus();
    if ((control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) && was.start !== null) control.setSelectionRange(was.start, was.end);
  }

  /**
   * The fields a save must write: name → the reader's text, for each field whose text differs
   * from the stored one. Empty when saving would change nothing.
   */
  changes(): Record<string, string> {
    this.#sync();
    const record = this.#options.record() ?? this.deleted;
    const out: Record<string, string> = {};
    if (!record) return out;
    for (const f of this.#options.fields) {
      const field = this.#fields.get(f.name);
      if (field && differs(field, f.read(record), f.same ?? sameTrimmed)) out[f.name] = field.text;
    }
    return out;
  }

  /** After the store refused a save: a conflict raises the notice; anything else shows its message. The text stays. */
  refused(error: unknown): void {
    if (error instanceof StoreError && error.kind === 'conflict') {
      this.#refusedAsConflict = true;
      this.#error = '';
    } else {
      this.#error = error instanceof Error ? error.message : String(error);
    }
    this.#host.requestUpdate();
  }

  /**
   * Saves the edit of a record another tab deleted by adding it back (`run`: the store's
   * `restore` with the editor's change); says so, with what could not come back, in a toast
   * with Undo. A refusal throws, for the host's `refused` path.
   */
  async restore(run: (record: R) => Promise<ActionResult<Restored<R>>>): Promise<void> {
    const gone = this.deleted;
    if (!gone) return;
    const done = await run(gone);
    const what = this.#options.what.charAt(0).toUpperCase() + this.#options.what.slice(1);
    const lost = done.value.lost.length ? ` Deleted too, so not restored: ${done.value.lost.join(' and ')}.` : '';
    this.#host.dispatchEvent(new NotifyEvent(`${what} restored with your text.${lost}`, done));
  }

  /** Whether the record changed under the editor (or a save was refused as a conflict) and the reader has not chosen yet. */
  get conflicted(): boolean {
    const record = this.#options.record();
    if (!this.editing || !record) return false;
    return this.#refusedAsConflict || this.#options.fields.some((f) => {
      const field = this.#fields.get(f.name);
      return field !== undefined && inConflict(field, f.read(record), f.same ?? sameTrimmed);
    });
  }

  /** "Take theirs": the draft becomes the stored record; focus goes to the first field that differed. */
  async takeTheirs(): Promise<void> {
    const record = this.#options.record();
    if (!record) return;
    const differed = this.#differences(record)[0]?.name ?? this.#options.fields[0]?.name ?? '';
    for (const f of this.#options.fields) {
      const value = f.read(record);
      this.#fields.set(f.name, { base: value, text: value });
    }
    this.#refusedAsConflict = false;
    this.#error = '';
    this.#unrendered = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#options.form()?.querySelector<HTMLElement>(`[name="${CSS.escape(differed)}"]`)?.focus();
  }

  /** The notice to render inside the form: "changed in another tab" with its choices, or why a save was refused. */
  notice() {
    const conflicted = this.conflicted;
    return html`<cr-draft-notice what=${this.#options.what} ?conflicted=${conflicted} ?deleted=${this.deleted !== undefined} .error=${this.#error}
      .differences=${conflicted ? this.#differences(this.#options.record()) : []} @cr-draft-choice=${this.#choose}></cr-draft-notice>`;
  }

  #choose = (e: DraftChoiceEvent): void => {
    if (e.choice === 'theirs') void this.takeTheirs();
    else if (e.choice === 'discard') this.#options.discard();
    // "Keep mine" and "Restore with my text" are an ordinary save of the form: the host's own
    // submit handler (which restores a deleted record), its undo toast.
    else this.#options.form()?.requestSubmit();
  };

  // The fields whose text differs from the stored one, with their control's name.
  #differences(record: R | undefined): (DraftDifference & { name: string })[] {
    if (!record) return [];
    return this.#options.fields.flatMap((f) => {
      const field = this.#fields.get(f.name);
      const theirs = f.read(record);
      return field && differs(field, theirs, f.same ?? sameTrimmed) ? [{ name: f.name, label: f.label, mine: field.text, theirs }] : [];
    });
  }

  // Reads what the reader typed, then lets each field follow the store or keep the reader's text.
  #sync(): void {
    if (!this.editing) return;
    const form = this.#options.form();
    const record = this.#options.record();
    if (record) this.#last = record;
    for (const f of this.#options.fields) {
      let field = this.#fields.get(f.name)!;
      const typed = this.#unrendered ? undefined : valueOf(form?.elements.namedItem(f.name));
      if (typed !== undefined) field = { ...field, text: typed };
      if (record) field = reconcile(field, f.read(record), f.same ?? sameTrimmed);
      this.#fields.set(f.name, field);
    }
  }

  #clear(): void {
    this.#fields = new Map();
    this.#last = undefined;
    this.#refusedAsConflict = false;
    this.#error = '';
  }
}
