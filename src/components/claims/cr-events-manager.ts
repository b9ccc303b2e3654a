import { LitElement, html, css, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatRange, type EventRecord, type Undoable } from '../../store/index.ts';
import { NotifyEvent } from '../shared/events.ts';
import { fieldText } from '../shared/form-fields.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { EditDraft } from '../shared/edit-draft.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import { count } from '../../map/words.ts';
import { routeHash } from '../../app/route.ts';
import { StoreController } from '../store/store-controller.ts';
import { foreignLook, looksOf } from '../layers/layer-look.ts';
import { layerMarkStyles, readOnlyNote } from '../layers/layer-marks.ts';
import '../shared/cr-confirm-dialog.ts';

/** The inline form open on an event, if any. */
type Mode = { id: string; kind: 'edit' | 'merge' } | undefined;

const DATE_HINT = 'e.g. 2022-01-04';

/**
 * The events claims and passages can be placed in: listed by start with their
 * dates in words; created with a name and partial ISO dates; renamed and
 * re-dated in place; merged into another event; deleted after a confirm.
 * The store validates dates; its message is shown next to the form, which
 * keeps what was typed.
 *
 * @fires cr-notify - after a merge or deletion (with Undo), or when an action failed
 */
@customElement('cr-events-manager')
export class CrEventsManager extends LitElement {
  static override styles = [
    controlStyles,
    layerMarkStyles,
    css`
      :host { display: block; }
      h2 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 0 0 0.6rem; }
      ol { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: 0.45rem; }
      li { background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px; padding: 0.45rem 0.6rem; }
      .name { font-weight: 600; }
      .when { color: var(--cr-ink-soft); font-size: 0.82rem; }
      .uses { color: var(--cr-ink-faint); font-size: 0.75rem; }
      .compare { font-size: 0.8rem; }
      .dates { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4rem; }
      input { min-width: 0; }
      li .actions { margin-top: 0.3rem; }
      /* The list's own gap before the form, also when there is no list yet. */
      .create { margin-top: 1rem; }
      ol + .create { margin-top: 0; }
    `,
  ];


  @state() private accessor mode: Mode;
  @state() private accessor createError = '';

  @query('cr-confirm-dialog') private accessor confirm!: CrConfirmDialog;

  readonly #data = new StoreController(this);
  // Name and dates being edited: kept when another tab changes the event meanwhile.
  readonly #draft = new EditDraft<EventRecord>(this, {
    record: () => (this.mode?.kind === 'edit' ? this.#data.store?.getEvent(this.mode.id) : undefined),
    form: () => this.renderRoot.querySelector<HTMLFormElement>('form.edit'),
    what: 'event',
    discard: () => void this.#setMode(undefined),
    fields: [
      { name: 'name', label: 'Name', read: (e) => e.name },
      { name: 'start', label: 'Start', read: (e) => e.start },
      { name: 'end', label: 'End', read: (e) => e.end ?? '' },
    ],
  });

  override render() {
    const store = this.#data.store;
    const stored = store?.eventsByStart().filter(store.isShown) ?? [];
    // Deleted in another tab while being edited: its editor stays, last, until saved or discarded.
    const gone = this.#draft.deleted;
    const events = gone && !stored.some((e) => e.id === gone.id) ? [...stored, gone] : stored;
    return html`<section aria-labelledby="events-title">
      <h2 id="events-title" tabindex="-1">Events (${stored.length})</h2>
      ${events.length
        ? html`<ol>${events.map((e) => this.#event(e, events))}</ol>`
        : html`<p class="hint">No events yet. An event (“Almaty violence”, 4–6 January 2022) groups the claims and passages about it.</p>`}
      <form class="create" @submit=${this.#create} aria-labelledby="new-event">
        <h2 id="new-event">New event</h2>
        <label>Name <input name="name" maxlength="200" autocomplete="off" /></label>
        <div class="dates">
          <label>Start <input name="start" placeholder=${DATE_HINT} autocomplete="off" aria-describedby="date-format" /></label>
          <label>End (optional) <input name="end" placeholder=${DATE_HINT} autocomplete="off" aria-describedby="date-format" /></label>
        </div>
        <p class="hint" id="date-format">Dates as YYYY, YYYY-MM or YYYY-MM-DD.</p>
        ${this.createError ? html`<p class="error" role="alert">${this.createError}</p>` : nothing}
        <div class="actions"><button class="primary">Add event</button></div>
      </form>
      <cr-confirm-dialog></cr-confirm-dialog>
    </section>`;
  }

  #event(e: EventRecord, all: readonly EventRecord[]) {
    if (this.mode?.id === e.id && this.mode.kind === 'edit') return this.#editForm(e);
    const claims = this.#data.store?.claimsOfEvent(e.id).length ?? 0;
    const merging = this.mode?.id === e.id && this.mode.kind === 'merge';
    const others = all.filter((x) => x.id !== e.id);
    // Another layer's event is read-only here (ADR 0013); the reader's claims can still be about it.
    const look = foreignLook(looksOf(this.#data.store), e.layer);
    return html`<li data-event=${e.id}>
      <div class="name">${e.name}</div>
      <div class="when">${formatRange(e.start, e.end)}</div>
      <div class="uses">${count(claims, 'claim')}</div>
      <div class="compare"><a href=${routeHash({ view: 'events', event: e.id })}>Compare sources on this event</a></div>
      ${look ? readOnlyNote(look) : merging
        ? html`<form class="row" @submit=${(ev: Event) => this.#merge(ev, e)} @keydown=${this.#escape}>
            <label>Merge “${e.name}” into <select name="keep">${others.map((o) => html`<option value=${o.id}>${o.name} (${formatRange(o.start, o.end)})</option>`)}</select></label>
            <div class="actions"><button class="primary">Merge…</button><button type="button" @click=${() => this.#setMode(undefined)}>Cancel</button></div>
          </form>`
        : html`<div class="actions">
            <button type="button" class="edit" @click=${() => this.#setMode({ id: e.id, kind: 'edit' })} aria-label="Edit event ${e.name}">Edit</button>
            ${others.length ? html`<button type="button" @click=${() => this.#setMode({ id: e.id, kind: 'merge' })} aria-label="Merge event ${e.name} into another">Merge into…</button>` : nothing}
            <button type="button" class="danger" @click=${() => this.#delete(e)} aria-label="Delete event ${e.name}">Delete…</button>
          </div>`}
    </li>`;
  }

  #editForm(e: EventRecord) {
    const d = this.#draft;
    return html`<li data-event=${e.id}>
      <form class="edit" @submit=${(ev: Event) => this.#save(ev, e)} @keydown=${this.#escape} aria-label="Edit event ${e.name}">
        <label>Name <input name="name" maxlength="200" .value=${live(d.text('name'))} /></label>
        <div class="dates">
          <label>Start <input name="start" .value=${live(d.text('start'))} placeholder=${DATE_HINT} /></label>
          <label>End (optional) <input name="end" .value=${live(d.text('end'))} placeholder=${DATE_HINT} /></label>
        </div>
        ${d.notice()}
        <div class="actions"><button class="primary">Save</button><button type="button" @click=${() => this.#setMode(undefined)}>Cancel</button></div>
      </form>
    </li>`;
  }

  async #setMode(mode: Mode): Promise<void> {
    const was = this.mode;
    this.mode = mode;
    if (mode?.kind === 'edit') this.#draft.start();
    else this.#draft.stop();
    await this.updateComplete;
    const id = mode?.id ?? was?.id;
    if (!id) return;
    const li = this.renderRoot.querySelector(`[data-event="${CSS.escape(id)}"]`);
    // No row: the event was deleted in another tab and its editor discarded.
    (li?.querySelector<HTMLElement>(mode ? 'input, select' : 'button') ?? this.renderRoot.querySelector<HTMLElement>('#events-title'))?.focus();
  }

  #escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    void this.#setMode(undefined);
  };

  async #create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const end = fieldText(data, 'end').trim();
    try {
      await this.#data.store?.createEvent({ name: fieldText(data, 'name'), start: fieldText(data, 'start').trim(), ...(end ? { end } : {}) });
      this.createError = '';
      form.reset();
    } catch (err) {
      this.createError = (err as Error).message;
    }
  }

  // Writes only what the reader changed, so what another tab changed meanwhile stays.
  async #save(e: Event, event: EventRecord): Promise<void> {
    e.preventDefault();
    const changes = this.#draft.changes();
    const { name, start, end } = changes;
    try {
      const store = this.#data.store;
      const change = { name, start: start?.trim(), end: end === undefined ? undefined : end.trim() || null };
      if (store && this.#draft.deleted) await this.#draft.restore((r) => store.restore('events', r, change));
      else if (Object.keys(changes).length) await store?.updateEvent(event.id, change);
      await this.#setMode(undefined);
    } catch (err) {
      this.#draft.refused(err);
    }
  }

  async #merge(e: Event, drop: EventRecord): Promise<void> {
    e.preventDefault();
    const store = this.#data.store;
    const keep = store?.getEvent(fieldText(new FormData(e.target as HTMLFormElement), 'keep'));
    if (!store || !keep) return;
    const ok = await this.confirm.ask({
      title: `Merge “${drop.name}” into “${keep.name}”?`,
      body: html`<p>Every claim and passage about “${drop.name}” will be about “${keep.name}” instead, which keeps its name and dates (${formatRange(keep.start, keep.end)}). “${drop.name}” is removed. You can undo this.</p>`,
      confirm: 'Merge events',
    });
    if (!ok) return;
    await this.#run(store.mergeEvents(keep.id, drop.id), 'Events merged');
    this.mode = undefined;
  }

  async #delete(event: EventRecord): Promise<void> {
    const store = this.#data.store;
    if (!store) return;
    const claims = store.claimsOfEvent(event.id).length;
    const passages = store.annotationsOfEvent(event.id).length;
    const ok = await this.confirm.ask({
      title: `Delete the event “${event.name}”?`,
      body: html`<p>It is removed from ${count(claims, 'claim')} and ${count(passages, 'passage')}; they stay otherwise unchanged. You can undo this.</p>`,
      confirm: 'Delete event',
      danger: true,
    });
    if (!ok) return;
    try {
      const result = await store.deleteEvent(event.id);
      this.dispatchEvent(new NotifyEvent(`Event “${event.name}” deleted`, result));
    } catch (err) {
      this.dispatchEvent(new NotifyEvent((err as Error).message));
    }
  }

  async #run(action: Promise<Undoable>, message: string): Promise<void> {
    try {
      this.dispatchEvent(new NotifyEvent(message, await action));
    } catch (err) {
      this.dispatchEvent(new NotifyEvent((err as Error).message));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-events-manager': CrEventsManager;
  }
}
