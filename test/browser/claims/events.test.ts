import { expect } from '@open-wc/testing';
import { makeStore } from '../helpers.ts';
import type { CrEventsManager } from '../../../src/components/claims/cr-events-manager.ts';
import type { CrConfirmDialog } from '../../../src/components/shared/cr-confirm-dialog.ts';
import type { CrossreadStore, Undoable } from '../../../src/store/index.ts';
import { $, $$, choose, expand, mount, notices, seed, until } from './harness.ts';

let store: CrossreadStore;
afterEach(() => {
  document.querySelector('main.test')?.remove();
  store?.close();
});

// Date words, link words and claim search are pure: tested in Node (test/node/date-words, map-words, claim-search).

describe('events in the claims view', () => {
  async function setup() {
    store = await makeStore();
    const claims = await seed(store);
    const view = await mount(store);
    const events = await until(() => $<CrEventsManager>(view, 'cr-events-manager'), 'events manager');
    await events.updateComplete;
    return { claims, view, events };
  }
  const field = (root: Element, name: string) => $<HTMLInputElement>(root, `form.create input[name=${name}]`)!;
  const names = (events: CrEventsManager) => $$(events, 'li .name').map((n) => n.textContent);

  // Fills the create form and submits it; what the store then does, callers wait for with `until`.
  function create(events: CrEventsManager, name: string, start: string, end = ''): void {
    field(events, 'name').value = name;
    field(events, 'start').value = start;
    field(events, 'end').value = end;
    $(events, 'form.create button.primary')!.click();
  }

  it('creates events with partial dates, shows the store’s refusal inline keeping what was typed, lists them by start', async () => {
    const { events } = await setup();
    expect($(events, '.hint')!.textContent).to.contain('No events yet');
    create(events, 'Almaty violence', '2022-13');
    const error = await until(() => $(events, 'form.create .error[role=alert]'), 'error');
    expect(error.textContent).to.contain('must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
    expect(field(events, 'name').value).to.equal('Almaty violence');
    expect(store.events.size).to.equal(0);
    create(events, 'Almaty violence', '2022-01-06', '2022-01-04');
    await until(() => $(events, 'form.create .error')?.textContent?.includes('the end date must not precede the start date'), 'order refused');
    create(events, 'Almaty violence', '2022-01-04', '2022-01-06');
    await until(() => store.events.size === 1, 'created');
    await until(() => !$(events, 'form.create .error'), 'error cleared');
    expect(field(events, 'name').value).to.equal('');
    create(events, 'Bloody January', '2022-01');
    create(events, 'Belarus protests', '2020', '2020');
    create(events, 'Andijan', '2005-05');
    await until(() => names(events).length === 4, 'listed');
    expect(names(events)).to.deep.equal(['Andijan', 'Belarus protests', 'Bloody January', 'Almaty violence']);
    expect($$(events, 'li .when').map((w) => w.textContent)).to.deep.equal(['May 2005', '2020', 'January 2022', '4–6 January 2022']);
  });

  it('renames and re-dates in place; tags a claim with events; merges one event into another; deletes with confirm; all undoable', async () => {
    const { claims, view, events } = await setup();
    const almaty = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    const january = (await store.createEvent({ name: 'January events', start: '2022-01' })).value;
    const li = (id: string) => until(() => $(events, `li[data-event="${id}"]`), 'event row');

    // Rename and re-date in place.
    $((await li(january.id)), 'button.edit')!.click();
    const nameField = await until(() => $<HTMLInputElement>(events, `li[data-event="${january.id}"] input[name=name]`), 'edit form');
    nameField.value = 'Bloody January';
    $<HTMLInputElement>(events, `li[data-event="${january.id}"] input[name=end]`)!.value = '2022-01-19';
    $(events, `li[data-event="${january.id}"] button.primary`)!.click();
    await until(() => store.getEvent(january.id)!.name === 'Bloody January', 'renamed');
    expect(store.getEvent(january.id)!.end).to.equal('2022-01-19');
    await until(() => $(events, `li[data-event="${january.id}"] .when`)?.textContent === 'January 2022 – 19 January 2022', 're-dated shown');

    // Add an event chip to a claim, from its card.
    const card = await expand(view, claims.a.id);
    choose($<HTMLSelectElement>(card, 'select[name=event]')!, almaty.id);
    $<HTMLSelectElement>(card, 'select[name=event]')!.form!.requestSubmit();
    await until(() => store.getClaim(claims.a.id)!.events.includes(almaty.id), 'event added');
    // Focus stays in the card's events (here the form stays: one event is left to add).
    await until(() => card.shadowRoot!.activeElement?.closest('.events'), 'focus in the events');
    await until(() => $$(card, '.chip').some((c) => c.textContent.includes('Almaty violence, 4–6 January 2022')), 'chip');
    await until(() => $(events, `li[data-event="${almaty.id}"] .uses`)?.textContent === '1 claim', 'count');
    // The event filter finds it.
    choose($<HTMLSelectElement>(view, 'select[name=event]')!, almaty.id);
    await until(() => $$(view, 'cr-claim-card').length === 1, 'filtered by event');
    choose($<HTMLSelectElement>(view, 'select[name=event]')!, '');

    // Merge Almaty violence into Bloody January, after a confirm.
    $$((await li(almaty.id)), 'button').find((b) => b.textContent === 'Merge into…')!.click();
    const keep = await until(() => $<HTMLSelectElement>(events, `li[data-event="${almaty.id}"] select[name=keep]`), 'merge form');
    choose(keep, january.id);
    keep.form!.requestSubmit();
    const confirm = $<CrConfirmDialog>(events, 'cr-confirm-dialog')!;
    await until(() => $<HTMLDialogElement>(confirm, 'dialog')!.open, 'confirm');
    expect($(confirm, '#body')!.textContent).to.contain('will be about “Bloody January” instead');
    $(confirm, 'button.confirm')!.click();
    await until(() => store.events.size === 1, 'merged');
    expect(store.getClaim(claims.a.id)!.events).to.deep.equal([january.id]);
    void (notices.at(-1)!.action as Undoable).undo();
    await until(() => store.events.size === 2 && store.getClaim(claims.a.id)!.events[0] === almaty.id, 'merge undone');

    // Remove the chip from the claim.
    const remove = await until(() => $<HTMLElement>(card, `button[aria-label="Remove event Almaty violence"]`), 'chip remove');
    remove.click();
    await until(() => store.getClaim(claims.a.id)!.events.length === 0, 'chip removed');
    await store.updateClaim(claims.a.id, { events: [almaty.id] });

    // Delete, after a confirm that says what it is removed from.
    $((await li(almaty.id)), 'button.danger')!.click();
    await until(() => $<HTMLDialogElement>(confirm, 'dialog')!.open, 'confirm');
    expect($(confirm, '#body')!.textContent).to.contain('removed from 1 claim and 0 passages');
    $(confirm, 'button.cancel')!.click();
    await until(() => !$<HTMLDialogElement>(confirm, 'dialog')!.open, 'cancelled');
    expect(store.events.size).to.equal(2);
    $((await li(almaty.id)), 'button.danger')!.click();
    await until(() => $<HTMLDialogElement>(confirm, 'dialog')!.open, 'confirm again');
    $(confirm, 'button.confirm')!.click();
    await until(() => store.events.size === 1 && store.getClaim(claims.a.id)!.events.length === 0, 'deleted everywhere');
    expect(notices.at(-1)!.message).to.equal('Event “Almaty violence” deleted');
    void (notices.at(-1)!.action as Undoable).undo();
    await until(() => store.events.size === 2 && store.getClaim(claims.a.id)!.events[0] === almaty.id, 'delete undone');
  });
});
