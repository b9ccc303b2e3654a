import { expect } from '@open-wc/testing';
import type { CrClaimsView } from '../../../src/components/claims/cr-claims-view.ts';
import type { CrConfirmDialog } from '../../../src/components/shared/cr-confirm-dialog.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { axeViolations, openApp, deep, makeStore } from '../helpers.ts';
import { $, $$, card, dialogOf, focused, isOpen, mount, press, seed, shownIds, type, until } from './harness.ts';

let store: CrossreadStore;
afterEach(() => {
  document.querySelector('main.test')?.remove();
  store?.close();
});

describe('cr-claims-view accessibility', () => {
  it('has no axe violations, expanded with evidence, links and events, and with the link dialog open', async () => {
    document.documentElement.lang = 'en';
    document.title = 'Claims — Crossread';
    store = await makeStore();
    const { a, b } = await seed(store);
    await store.createLink({ relation: 'qualifies', from: a.id, to: b.id, rationale: 'Only in *Almaty*.' });
    const event = (await store.createEvent({ name: 'Bloody January', start: '2022-01' })).value;
    await store.updateClaim(a.id, { events: [event.id], note: 'A note.' });
    const view = await mount(store, a.id);
    const c = await card(view, a.id);
    await until(() => $(c, '.evidence a[href*="/p/"]'), 'paragraphs placed');
    expect(await axeViolations()).to.deep.equal([]);
    $(c, '[data-intent=link]')!.click();
    await until(() => isOpen(dialogOf(view, 'cr-link-dialog')), 'dialog');
    await type('CSTO');
    await until(() => $$(dialogOf(view, 'cr-link-dialog').shadowRoot!.querySelector('cr-claim-picker')!, '[role=option]').length > 0, 'options');
    expect(await axeViolations()).to.deep.equal([]);
    await press('Escape');
    await press('Escape');
  });
});

describe('cr-claims-view in the app', () => {
  afterEach(() => document.querySelector('cr-app')?.remove());

  it('a claim opened from another view (a chip in the reader, a toast’s Open) takes focus', async () => {
    store = await makeStore();
    const { a, b } = await seed(store);
    const app = await openApp('#/read/anisin-2026', store);
    await until(() => deep(app, 'cr-reader'), 'reader', 10000);
    location.hash = `#/claims/${a.id}`;
    const view = await until(() => deep(app, 'cr-claims-view') as CrClaimsView | null, 'claims view', 10000);
    const c = await card(view, a.id);
    await until(() => focused() === $(c, '#statement'), 'the card has focus');
    // Chosen within the view (a click, which here leaves focus where it was), focus is the user's.
    const other = await card(view, b.id);
    $<HTMLElement>(other, '#statement')!.click();
    await until(() => location.hash === `#/claims/${b.id}`, 'selected');
    await other.updateComplete;
    expect(focused() === $(c, '#statement')).to.equal(true);
  });

  it('opens a claim from its URL; a deletion’s toast offers Undo, which restores it', async () => {
    store = await makeStore();
    const { a, b } = await seed(store);
    await store.createLink({ relation: 'contradicts', from: a.id, to: b.id });
    const app = await openApp(`#/claims/${a.id}`, store);
    const view = await until(() => deep(app, 'cr-claims-view') as CrClaimsView | null, 'claims view', 10000);
    const c = await card(view, a.id);
    await until(() => c.expanded, 'expanded from the URL');
    $(c, '[data-intent=delete]')!.click();
    const confirm = dialogOf<CrConfirmDialog>(view, 'cr-confirm-dialog');
    await until(() => isOpen(confirm), 'confirm');
    $(confirm, 'button.confirm')!.click();
    await until(() => !store.getClaim(a.id), 'deleted');
    const undo = await until(() => app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button'), 'toast with Undo');
    expect(app.shadowRoot!.querySelector('.toast')!.textContent).to.match(/Claim “.*” deleted with 1 link/);
    undo.click();
    await until(() => store.getClaim(a.id) && store.links.size === 1, 'restored');
    await until(() => shownIds(view).includes(a.id), 'shown again');
    // The evidence link opens the reader at the passage's paragraph.
    await store.updateClaim(a.id, { note: 'back' });
    location.hash = `#/claims/${a.id}`;
    const again = await card(view, a.id);
    const passage = await until(() => $<HTMLAnchorElement>(again, '.evidence a[href*="/p/"]'), 'passage link');
    passage.click();
    await until(() => deep(app, 'cr-reader'), 'reader opened', 10000);
    expect(location.hash).to.equal('#/read/duvanova-junisbai-2022/p/3');
  });
});
