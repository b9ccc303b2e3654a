import { expect } from '@open-wc/testing';
import { makeStore, testDbName } from '../helpers.ts';
import { CLAIMS_PAGE, type CrClaimsView } from '../../../src/components/claims/cr-claims-view.ts';
import type { CrLinkDialog } from '../../../src/components/claims/cr-link-dialog.ts';
import type { CrMergeDialog } from '../../../src/components/claims/cr-merge-dialog.ts';
import type { CrConfirmDialog } from '../../../src/components/shared/cr-confirm-dialog.ts';
import type { CrossreadStore, Undoable } from '../../../src/store/index.ts';
import { clip } from '../../../src/corpus/clip.ts';
import { $, $$, card, choose, claimFrom, dialogOf, expand, focused, isOpen, mount, notices, press, seed, shownIds, tabUntil, type, until } from './harness.ts';


/** Links `from` → `to` by keyboard only: Tab to "Link to…", pick, relation, rationale, Save. */
async function linkByKeyboard(view: CrClaimsView, fromId: string, search: string, arrows: number, rationale: string) {
  const c = await expand(view, fromId);
  $(c, '#statement')!.focus();
  await tabUntil((el) => (el as HTMLElement).dataset['intent'] === 'link', 'Link to…');
  await press('Enter');
  const dialog = dialogOf<CrLinkDialog>(view, 'cr-link-dialog');
  await until(() => isOpen(dialog) && focused()?.getAttribute('role') === 'combobox', 'dialog open on the picker');
  await type(search);
  const input = focused() as HTMLInputElement;
  await until(() => input.getAttribute('aria-expanded') === 'true', 'options');
  await press('Enter'); // picks the first match
  await press('Tab'); // the relation radio group, on its checked radio
  expect((focused() as HTMLInputElement).value).to.equal('supports');
  for (let i = 0; i < arrows; i++) await press('ArrowDown');
  await press('Tab');
  expect(focused()?.tagName).to.equal('TEXTAREA');
  await type(rationale);
  await tabUntil((el) => el.textContent === 'Save link', 'Save');
  await press('Enter');
  return dialog;
}

let store: CrossreadStore;
afterEach(() => {
  document.querySelector('main.test')?.remove();
  store?.close();
});

describe('cr-claims-view', () => {
  it('explains how to make a claim when there is none', async () => {
    store = await makeStore();
    const view = await mount(store);
    const empty = $(view, '.empty')!;
    expect(empty.textContent).to.contain('select a passage and press C');
    expect(empty.textContent).to.contain('Claim');
  });

  it('filters by source, tag, event and author', async () => {
    store = await makeStore();
    const { a, b, c, d } = await seed(store);
    const event = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    await store.updateClaim(a.id, { events: [event.id] });
    const view = await mount(store);
    await until(() => shownIds(view).length === 4, 'all claims');
    const select = (name: string) => $<HTMLSelectElement>(view, `select[name=${name}]`)!;
    expect([...select('source').options].map((o) => o.text)).to.deep.equal(['All', 'Anisin 2026', 'Duvanova & Junisbai 2022', 'Kurmashev et al. 2018']);
    choose(select('source'), 'anisin-2026');
    await until(() => shownIds(view).length === 2, 'source filter');
    expect(shownIds(view)).to.have.members([b.id, d.id]);
    expect($(view, '.shown')!.textContent).to.equal('Showing 2 of 4 claims');
    choose(select('tag'), 'elites');
    await until(() => shownIds(view).length === 1, 'source + tag');
    expect(shownIds(view)).to.deep.equal([d.id]);
    choose(select('source'), '');
    choose(select('tag'), 'terrorism');
    await until(() => shownIds(view)[0] === c.id, 'tag filter');
    choose(select('tag'), '');
    choose(select('event'), event.id);
    await until(() => shownIds(view).length === 1, 'event filter');
    expect(shownIds(view)).to.deep.equal([a.id]);
    choose(select('author'), 'Anonymous');
    await until(() => shownIds(view).length === 1, 'author + event');
    choose(select('event'), '');
    await until(() => shownIds(view).length === 4, 'author only');
    choose(select('author'), '');
  });

  it('lists a page of the newest claims; "List more" adds the next, focused; the selected claim is always listed', async () => {
    store = await makeStore();
    const older = [];
    for (let i = 0; i < 3; i++) older.push(await claimFrom(store, 'anisin-2026', 3 + i, `Older claim ${i}`));
    await new Promise((r) => setTimeout(r, 5)); // the rest are newer by the clock
    for (let i = 0; i < CLAIMS_PAGE; i++) await claimFrom(store, 'duvanova-junisbai-2022', 3 + (i % 5), `Newer claim ${i}`);
    let view = await mount(store, older[2]!.id); // the newest of the three, just past the page
    await until(() => shownIds(view).length === CLAIMS_PAGE + 1, 'the page and the selected claim');
    expect(shownIds(view)).to.include(older[2]!.id);
    expect($(view, '.more')!.textContent).to.match(/2 older claims not listed/);

    view = await mount(store);
    await until(() => shownIds(view).length === CLAIMS_PAGE, 'one page');
    expect(shownIds(view)).to.not.include.members(older.map((c) => c.id));
    expect($(view, '.shown')!.textContent).to.equal(`${CLAIMS_PAGE + 3} claims, the newest ${CLAIMS_PAGE} listed`);
    expect($(view, '.more')!.textContent).to.match(/3 older claims not listed/);
    const more = $$(view, '.more button');
    expect(more.map((b) => b.textContent.trim())).to.deep.equal(['List 3 more']);
    more[0]!.focus();
    await press('Enter');
    await until(() => shownIds(view).length === CLAIMS_PAGE + 3, 'all listed');
    expect($(view, '.more')).to.equal(null);
    expect(focused()?.id).to.equal('statement');
    expect(older.map((c) => c.statement)).to.include(focused()?.textContent);
    expect(focused()?.getRootNode()).to.equal($$(view, 'cr-claim-card')[CLAIMS_PAGE]!.shadowRoot);

    choose($<HTMLSelectElement>(view, 'select[name=author]')!, 'Anonymous');
    await until(() => shownIds(view).length === CLAIMS_PAGE, 'a new filter lists one page again');
  });

  it('keeps a long event name inside a narrow page: the card and its select shrink, the name cut with an ellipsis', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    await store.createEvent({ name: 'Almaty violence, the looting of the airport and the city hall by organised groups', start: '2022-01-05' });
    const view = await mount(store);
    (view.closest('main') as HTMLElement).style.width = '420px';
    const c = await expand(view, a.id);
    const select = await until(() => $<HTMLSelectElement>(c, 'select[name=event]'), 'event select');
    const [page, card, box] = [view.closest('main')!.getBoundingClientRect(), c.getBoundingClientRect(), select.getBoundingClientRect()];
    expect(card.right, 'the card ends inside the page').to.be.at.most(page.right);
    expect(box.right, 'the select ends inside the card').to.be.at.most(card.right);
  });

  it('counts a claim deleted elsewhere while its card is edited apart from the claims there are', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const view = await mount(store);
    const c = await expand(view, a.id);
    $<HTMLButtonElement>(c, 'button.edit')!.click();
    await until(() => $(c, 'form.edit'), 'editing');
    await store.deleteClaims([a.id]);
    await until(() => $(view, '.shown')!.textContent.startsWith('3 claims'), 'count without it');
    expect($(view, '.shown')!.textContent).to.equal('3 claims (and 1 claim deleted elsewhere, kept while you edit)');
    expect(shownIds(view)).to.include(a.id);
  });

  it('shows events and each passage\'s stance (icon and label) on a collapsed card', async () => {
    store = await makeStore();
    const a = await claimFrom(store, 'duvanova-junisbai-2022', 3, 'Elites organised the Almaty violence');
    const against = await claimFrom(store, 'anisin-2026', 5, 'placeholder', { stance: 'argues-against' });
    // One claim, two passages: one asserts it, one argues against it.
    await store.addEvidence(a.id, { annotation: against.evidence[0]!.annotation, stance: 'argues-against' });
    await store.deleteClaims([against.id]);
    const event = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    await store.updateClaim(a.id, { events: [event.id] });
    const view = await mount(store);
    const c = await card(view, a.id);
    expect(c.expanded).to.equal(false);
    // ¶ numbers follow once the sources have loaded.
    const passages = await until(() => { const li = $$(c, '.stances li'); return li.length === 2 && li.every((x) => x.textContent.includes('¶')) ? li : null; }, 'passages with stances');
    const text = passages.map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(text[0]).to.match(/^✓ asserts Duvanova & Junisbai 2022, ¶3$/);
    expect(text[1]).to.match(/^✕ argues against Anisin 2026, ¶5$/);
    // Never colour alone: the stance is in words, the icon is decoration.
    expect($(passages[1]!, '.badge [aria-hidden="true"]')!.textContent).to.equal('✕');
    expect($(c, '.chip.event')!.textContent).to.contain('Almaty violence');
    // Expanded, the full evidence list takes over.
    await expand(view, a.id);
    expect($$(c, '.stances li')).to.have.length(0);
    expect($$(c, '.evidence li')).to.have.length(2);
  });

  it('shows a claim expanded from the route: evidence with cite, ¶, quote and stance; changes stance; removes a passage (undoable)', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const view = await mount(store, a.id);
    const c = await card(view, a.id);
    expect(c.expanded).to.equal(true);
    const link = await until(() => $<HTMLAnchorElement>(c, '.evidence a[href*="/p/"]'), 'paragraph known');
    expect(link.textContent).to.equal('Duvanova & Junisbai 2022, ¶3');
    expect(link.getAttribute('href')).to.equal('#/read/duvanova-junisbai-2022/p/3');
    expect($(c, '.evidence blockquote')!.textContent).to.equal(store.evidenceOf(a.id)[0]!.annotation.target.selector[0].exact);
    expect($(c, '.evidence .badge')!.textContent).to.contain('asserts');
    choose($<HTMLSelectElement>(c, 'select[name=stance]')!, 'argues-against');
    await until(() => store.getClaim(a.id)!.evidence[0]!.stance === 'argues-against', 'stance saved');
    await until(() => $(c, '.evidence .badge')!.textContent.includes('argues against'), 'badge follows');
    $(c, '.evidence button')!.click();
    await until(() => store.getClaim(a.id)!.evidence.length === 0, 'passage removed');
    await until(() => $$(c, '.hint').some((h) => h.textContent.includes('No passages back this claim')), 'unsupported state shown');
    void (notices.at(-1)!.action as Undoable).undo();
    await until(() => store.getClaim(a.id)!.evidence.length === 1, 'undone');
  });

  it('edits the statement in place; a click on another statement selects it and sets the URL', async () => {
    store = await makeStore();
    const { a, b } = await seed(store);
    const view = await mount(store, a.id);
    const c = await card(view, a.id);
    (await until(() => $<HTMLElement>(c, 'button.edit'), 'edit button')).click();
    const input = await until(() => $<HTMLInputElement>(c, 'input[name=statement]'), 'statement field');
    expect(focused()).to.equal(input);
    input.value = 'Elites organised the Almaty violence';
    $(c, 'form button.primary')!.click();
    await until(() => store.getClaim(a.id)!.statement === 'Elites organised the Almaty violence', 'saved');
    await until(() => $(c, '#statement')!.textContent === 'Elites organised the Almaty violence', 'shown');
    await expand(view, b.id);
    expect(location.hash).to.equal(`#/claims/${b.id}`);
    expect((await card(view, a.id)).expanded).to.equal(false);
  });

  it('links two claims from different sources as contradicting, by keyboard only; a duplicate is refused inline, keeping what was typed', async () => {
    store = await makeStore();
    const { a, b } = await seed(store);
    const view = await mount(store);
    const dialog = await linkByKeyboard(view, a.id, 'popular uprising', 1, 'Anisin reads the unrest as popular.');
    await until(() => store.links.size === 1, 'link saved');
    const link = [...store.links.values()][0]!;
    expect(link).to.include({ relation: 'contradicts', from: a.id, to: b.id, rationale: 'Anisin reads the unrest as popular.' });
    // Toasts stack, so the link's says which two claims its Undo is for.
    expect(notices.at(-1)!.message).to.equal(`Linked: “${clip(a.statement, 40)}” contradicts “${clip(b.statement, 40)}”`);
    await until(() => !isOpen(dialog), 'dialog closed');
    const links = $(await card(view, a.id), 'cr-claim-links')!;
    // Contradicts is symmetric: no arrow, the same words from either end.
    await until(() => $(links, '.badge')?.textContent?.trim().endsWith('contradicts'), 'link shown');
    expect($(links, '.badge')!.textContent).to.not.match(/[→←]/);
    expect($(links, 'a')!.textContent).to.equal(b.statement);
    expect($(links, 'cr-note')).to.not.equal(null);
    // Seen from B, in words.
    await expand(view, b.id);
    const linksB = $(await card(view, b.id), 'cr-claim-links')!;
    await until(() => $(linksB, '.badge')?.textContent?.trim().endsWith('contradicts'), 'link shown from the other end');
    expect($(linksB, '.badge')!.textContent).to.not.match(/[→←]|contradicted by/);

    // The same link again (contradicts is symmetric, so from B to A too) is refused.
    await linkByKeyboard(view, b.id, 'elites fighting', 1, 'Typed twice');
    const error = await until(() => $(dialog, '.error[role=alert]'), 'inline error');
    expect(error.textContent).to.contain('already linked');
    expect(isOpen(dialog)).to.equal(true);
    expect($<HTMLTextAreaElement>(dialog, 'textarea')!.value).to.equal('Typed twice');
    expect($<HTMLInputElement>(dialog, 'input[value=contradicts]')!.checked).to.equal(true);
    expect(store.links.size).to.equal(1);
    await press('Escape');
    await until(() => !isOpen(dialog), 'Escape closes');
  });

  it('an open card offers Link, Merge and Delete before its list of related passages, in Tab order as on screen', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const view = await mount(store, a.id);
    const c = await expand(view, a.id);
    const related = await until(() => $(c, 'cr-related'), 'related list');
    const actions = $(c, '.claim-actions')!;
    expect(actions.compareDocumentPosition(related) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(actions.getBoundingClientRect().top).to.be.lessThan(related.getBoundingClientRect().top);
  });

  it('Escape in the picker closes its list first, then the dialog', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const view = await mount(store);
    const c = await expand(view, a.id);
    $(c, '[data-intent=link]')!.click();
    const dialog = dialogOf<CrLinkDialog>(view, 'cr-link-dialog');
    await until(() => isOpen(dialog) && focused()?.getAttribute('role') === 'combobox', 'open');
    await type('CSTO');
    const input = focused()!;
    await until(() => input.getAttribute('aria-expanded') === 'true', 'list');
    await press('Escape');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(isOpen(dialog)).to.equal(true);
    await press('Escape');
    await until(() => !isOpen(dialog), 'dialog closed');
  });

  it('deleting a claim asks first, listing its links; Undo in the toast restores claim and link', async () => {
    store = await makeStore();
    const { a, b } = await seed(store);
    await store.createLink({ relation: 'supports', from: b.id, to: a.id, rationale: 'Both say so.' });
    const view = await mount(store, a.id);
    const c = await expand(view, a.id);
    $<HTMLButtonElement>(c, '[data-intent=delete]')!.focus(); // as a click or Enter leaves it
    $(c, '[data-intent=delete]')!.click();
    const confirm = dialogOf<CrConfirmDialog>(view, 'cr-confirm-dialog');
    await until(() => isOpen(confirm), 'confirm open');
    expect($(confirm, '#body')!.textContent).to.contain('Its link goes with it');
    expect($(confirm, '.gone li')!.textContent).to.contain('← supported by');
    expect($(confirm, '.gone li')!.textContent).to.contain(b.statement);
    expect(focused()?.textContent).to.equal('Cancel');
    $(confirm, 'button.confirm')!.click();
    await until(() => !store.getClaim(a.id), 'deleted');
    expect(store.links.size).to.equal(0);
    await until(() => !shownIds(view).includes(a.id), 'card gone');
    // Focus passes to the card now in its place, not the page body.
    await until(() => focused()?.id === 'statement', 'a card focused');
    expect(location.hash).to.equal('#/claims');
    const notice = notices.at(-1)!;
    expect(notice.message).to.equal(`Claim “${clip(a.statement, 48)}” deleted with 1 link`);
    void (notice.action as Undoable).undo();
    await until(() => store.getClaim(a.id) && store.links.size === 1, 'claim and link restored');
    await until(() => shownIds(view).includes(a.id), 'card back');
  });

  it('a claim deleted elsewhere while "Delete this claim?" asked is not reported deleted, and offers no Undo', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const view = await mount(store, a.id);
    const c = await expand(view, a.id);
    $(c, '[data-intent=delete]')!.click();
    const confirm = dialogOf<CrConfirmDialog>(view, 'cr-confirm-dialog');
    await until(() => isOpen(confirm), 'confirm open');
    await store.deleteClaims([a.id]); // as another tab would
    $(confirm, 'button.confirm')!.click();
    await until(() => !isOpen(confirm), 'closed');
    await until(() => notices.at(-1)?.message.startsWith('The claim was already gone'), 'says so');
    expect(notices.at(-1)!.action).to.equal(undefined);
  });

  it('merges a duplicate into another claim after explaining the result; undoable', async () => {
    store = await makeStore();
    const { a, b, d } = await seed(store);
    await store.createLink({ relation: 'contradicts', from: d.id, to: b.id });
    const view = await mount(store, d.id);
    const c = await expand(view, d.id);
    $<HTMLButtonElement>(c, '[data-intent=merge]')!.focus();
    $(c, '[data-intent=merge]')!.click();
    const dialog = dialogOf<CrMergeDialog>(view, 'cr-merge-dialog');
    await until(() => isOpen(dialog) && focused()?.getAttribute('role') === 'combobox', 'merge dialog on picker');
    await type('elites fighting');
    await until(() => (focused() as HTMLElement).getAttribute('aria-expanded') === 'true', 'options');
    await press('Enter');
    const result = await until(() => $(dialog, '#result ul'), 'explanation');
    expect($(dialog, '#result')!.textContent).to.contain(a.statement);
    expect(result.textContent).to.contain('1 passage of this claim');
    expect(result.textContent).to.contain('1 link of this claim');
    expect(result.textContent).to.contain('this claim is removed');
    $(dialog, 'button.primary')!.click();
    await until(() => !store.getClaim(d.id), 'merged');
    const kept = store.getClaim(a.id)!;
    expect(kept.evidence.length).to.equal(2);
    expect(kept.tags).to.have.members(['violence', 'Almaty', 'elites']);
    expect(store.linksOf(a.id).map((l) => l.relation)).to.deep.equal(['contradicts']);
    await until(() => location.hash === `#/claims/${a.id}`, 'kept claim selected');
    // The merged card went: focus is on the kept claim's.
    const keptCard = await card(view, a.id);
    await until(() => focused() === $(keptCard, '#statement'), 'the kept card focused');
    expect(notices.at(-1)!.message).to.equal(`Merged into “${clip(a.statement, 48)}”`);
    void (notices.at(-1)!.action as Undoable).undo();
    await until(() => store.getClaim(d.id) && store.getClaim(a.id)!.evidence.length === 1, 'merge undone');
  });

  it('follows changes from another tab live, and stops listening when removed', async () => {
    const name = testDbName();
    store = await makeStore({ name: name });
    const { a } = await seed(store);
    const view = await mount(store);
    const other = await makeStore({ name: name });
    const fresh = await claimFrom(other, 'anisin-2026', 9, 'Made in another tab');
    await until(() => shownIds(view).includes(fresh.id), 'claim from the other tab shown');
    await other.updateClaim(a.id, { statement: 'Renamed in another tab' });
    const ca = await card(view, a.id);
    await until(() => $(ca, '#statement')?.textContent === 'Renamed in another tab', 'rename shown');
    view.remove();
    const before = view.updateComplete;
    await store.updateClaim(a.id, { statement: 'After removal' });
    await before;
    expect(view.isUpdatePending).to.equal(false);
    other.close();
  });
});
