import { html, nothing } from 'lit';
import { formatRange, type Claim, type EventRecord } from '../../store/index.ts';
import { fieldText } from '../shared/form-fields.ts';

/**
 * A claim card's events: a chip each (× removes it while `editable`), and "Add event" with the
 * events it is not on. `all` in order of start; `set` writes the claim's new list. The row is
 * focusable: where the control just used goes away (the last event added), focus stays there.
 */
export function eventsRow(c: Claim, all: readonly EventRecord[], editable: boolean, set: (events: string[]) => void) {
  const others = all.filter((e) => !c.events.includes(e.id));
  const mine = c.events.flatMap((id) => all.filter((e) => e.id === id));
  const add = (ev: Event) => {
    ev.preventDefault();
    const id = fieldText(new FormData(ev.target as HTMLFormElement), 'event');
    if (id) set([...c.events, id]);
  };
  return html`<div class="row events" tabindex="-1" aria-label="Events">
    ${mine.map((e) => html`<span class="chip">${e.name}, ${formatRange(e.start, e.end)}
      ${editable ? html`<button type="button" aria-label="Remove event ${e.name}" title="Remove event" @click=${() => set(c.events.filter((x) => x !== e.id))}>×</button>` : nothing}</span>`)}
    ${mine.length === 0 ? html`<span class="hint">None.</span>` : nothing}
    ${!editable ? nothing : others.length
      ? html`<form class="row" @submit=${add}>
          <label>Add event <select name="event">${others.map((e) => html`<option value=${e.id}>${e.name} (${formatRange(e.start, e.end)})</option>`)}</select></label>
          <button>Add</button>
        </form>`
      : all.length === 0 ? html`<span class="hint">Create events in the Events list to place claims in time.</span>` : nothing}
  </div>`;
}
