import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until, deep, openReader, selectText, pressKey, pressWith, makeStore } from '../helpers.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

describe('claims from the reader', () => {
  it('makes a claim from a selected passage by keyboard (C, edit the statement, Ctrl+Enter)', async () => {
    const store = await makeStore({}, false);
    const { doc, panel } = await openReader('duvanova-junisbai-2022', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 6)!;
    await selectText(doc, p.start, p.start + 120);
    pressKey('c');
    const statement = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-statement'), 'claim form');
    await until(() => panel.shadowRoot!.activeElement === statement, 'statement focused');
    expect(statement.value.length).to.be.greaterThan(10); // prefilled from the quote
    // …and selected, so typing replaces the suggestion.
    expect([statement.selectionStart, statement.selectionEnd]).to.deep.equal([0, statement.value.length]);
    statement.value = 'Outsourced violence in Almaty was aimed at Tokayev';
    (panel.shadowRoot!.querySelector('select[name="stance"]') as HTMLSelectElement).value = 'asserts';
    statement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await until(() => store.claims.size === 1, 'claim saved');
    const claim = [...store.claims.values()][0]!;
    expect(claim.statement).to.equal('Outsourced violence in Almaty was aimed at Tokayev');
    const ev = store.evidenceOf(claim.id);
    expect(ev).to.have.length(1);
    expect(ev[0]!.stance).to.equal('asserts');
    expect(ev[0]!.annotation.target.selector[0].exact).to.equal(doc.doc!.text.slice(p.start, p.start + 120));
    // The passage's card names the claim it is evidence for, with its stance.
    const cite = await until(() => panel.shadowRoot!.querySelector('.cites a'), 'citation on the card');
    expect(cite.textContent).to.contain('asserts');
    expect(cite.getAttribute('href')).to.equal(`#/claims/${claim.id}`);
    // Keyboard users land on it, one Enter from the claim (and its "Link to…").
    await until(() => panel.shadowRoot!.activeElement === cite, 'focus on the new claim link');
    // Passage and claim were one action: one Ctrl+Z takes both back.
    (document.activeElement as HTMLElement | null)?.blur();
    pressKey('z', { ctrlKey: true });
    await until(() => store.claims.size === 0 && store.annotations.size === 0, 'one undo step removes both');
  });

  it("says a claim was saved with its own Undo, also after a later action, and Open", async () => {
    const store = await makeStore();
    const { doc, panel, app } = await openReader('anisin-2026', store);
    const q = doc.doc!.blocks.find((b) => b.numbered && b.n === 14)!;
    const other = (await store.createClaimFromPassage({ target: targetFor(doc.doc!, q.start, q.start + 60) }, { statement: 'Another claim', stance: 'asserts' })).value.claim;
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 12)!;
    await selectText(doc, p.start, p.start + 80);
    pressKey('c');
    const statement = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-statement'), 'claim form');
    statement.value = 'Coercive control collapsed';
    statement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    const toast = await until(() => { const t = app.shadowRoot!.querySelector('.toast'); return t?.textContent?.includes('Claim saved') ? t : null; }, 'toast');
    expect(toast.querySelector('.message')!.textContent).to.equal('Claim saved: “Coercive control collapsed”');
    const buttons = [...toast.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).to.deep.equal(['Undo', 'Open']);
    const made = [...store.claims.values()].find((c) => c.statement === 'Coercive control collapsed')!;
    // A later, unrelated action: the toast's Undo still takes back this claim and its passage only.
    await store.updateClaim(other.id, { note: 'later' });
    buttons[0]!.click();
    await until(() => !store.getClaim(made.id) && store.annotations.size === 1, 'claim and passage undone');
    expect(store.getClaim(other.id)!.note).to.equal('later');
    await until(() => app.shadowRoot!.querySelector('.toast')?.textContent?.includes('Undone'), 'says what was undone');
  });

  it('opens the claim from its toast', async () => {
    const store = await makeStore();
    const { doc, panel, app } = await openReader('anisin-2026', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 12)!;
    await selectText(doc, p.start, p.start + 80);
    pressKey('c');
    const statement = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-statement'), 'claim form');
    statement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    const open = await until(() => [...(app.shadowRoot!.querySelector('.toast')?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Open'), 'Open');
    const claim = [...store.claims.values()][0]!;
    open.click();
    await until(() => location.hash === `#/claims/${claim.id}`, 'claims view on the claim');
    location.hash = '';
  });

  it('deleting a passage with the claims it leaves without evidence reports all of it, and Undo restores all', async () => {
    const store = await makeStore();
    const { doc, reader, panel, app } = await openReader('anisin-2026', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 12)!;
    const q = doc.doc!.blocks.find((b) => b.numbered && b.n === 14)!;
    const made = (await store.createClaimFromPassage({ target: targetFor(doc.doc!, p.start, p.start + 80) }, { statement: 'Coercive control collapsed', stance: 'asserts' })).value;
    const other = (await store.createClaimFromPassage({ target: targetFor(doc.doc!, q.start, q.start + 60) }, { statement: 'Security forces stood down on purpose', stance: 'asserts' })).value;
    await store.createLink({ relation: 'contradicts', from: made.claim.id, to: other.claim.id });
    await until(() => reader.annotations.placed.length === 2, 'placed');
    const card = await until(() => panel.shadowRoot!.querySelector<HTMLElement>(`[data-id="${made.annotation.id}"]`), 'card');
    card.click();
    const del = await until(() => [...panel.shadowRoot!.querySelectorAll(`[data-id="${made.annotation.id}"] button`)].find((b) => b.textContent === 'Delete') as HTMLButtonElement | undefined, 'delete button');
    del.click();
    const dialog = await until(() => { const d = deep(reader, 'cr-annotation-panel', 'cr-confirm-dialog')?.shadowRoot?.querySelector('dialog'); return d?.open ? d : null; }, 'warning dialog');
    const also = dialog.querySelector<HTMLInputElement>('input[name="also-claims"]')!;
    also.click();
    (dialog.querySelector('button.confirm') as HTMLButtonElement).click();
    await until(() => !store.getClaim(made.claim.id) && store.links.size === 0, 'passage, claim and link deleted');
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('Passage deleted with 1 claim and 1 link');
    // A later unrelated action does not stop the toast's Undo from restoring exactly this deletion.
    await store.updateClaim(other.claim.id, { note: 'later' });
    toast.querySelector('button')!.click();
    await until(() => store.getClaim(made.claim.id) && store.links.size === 1 && store.getAnnotation(made.annotation.id), 'all restored');
    expect(store.getClaim(other.claim.id)!.note).to.equal('later');
  });

  it('warns before deleting a passage that is evidence, and can keep the claim', async () => {
    const store = await makeStore();
    const { doc, reader, panel } = await openReader('anisin-2026', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 12)!;
    const a = (await store.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 80) })).value;
    const claim = (await store.createClaim({ statement: 'The CSTO intervenes when coercive control collapses', evidence: { annotation: a.id, stance: 'asserts' } })).value;
    await until(() => reader.annotations.placed.length === 1, 'placed');
    const card = await until(() => panel.shadowRoot!.querySelector<HTMLElement>(`[data-id="${a.id}"]`), 'card');
    card.click();
    const del = await until(() => [...panel.shadowRoot!.querySelectorAll(`[data-id="${a.id}"] button`)].find((b) => b.textContent === 'Delete') as HTMLButtonElement | undefined, 'delete button');
    del.click();
    const dialog = await until(() => { const d = deep(reader, 'cr-annotation-panel', 'cr-confirm-dialog')?.shadowRoot?.querySelector('dialog'); return d?.open ? d : null; }, 'warning dialog');
    expect(dialog.textContent).to.contain('The CSTO intervenes when coercive control collapses');
    expect(store.annotationsOf('anisin-2026')).to.have.length(1); // nothing deleted before the answer
    // Leaving "also delete claims left without evidence" unticked keeps the claim.
    (dialog.querySelector('button.confirm') as HTMLButtonElement).click();
    await until(() => store.annotationsOf('anisin-2026').length === 0, 'deleted');
    expect(store.getClaim(claim.id)!.evidence).to.deep.equal([]);
    pressKey('z', { ctrlKey: true });
    await until(() => store.getClaim(claim.id)!.evidence.length === 1, 'undo restores the evidence');
  });
});

/** Kurmashev in the reader, a claim backed by ¶4, and the start of ¶9 selected. */
async function claimAndSecondPassage() {
  const store = await makeStore();
  const { doc, panel } = await openReader('kurmashev-et-al-2018', store);
  const p1 = doc.doc!.blocks.find((b) => b.numbered && b.n === 4)!;
  const first = (await store.createAnnotation({ target: targetFor(doc.doc!, p1.start, p1.start + 50) })).value;
  const claim = (await store.createClaim({ statement: 'Kazakhstan faces terrorism from abroad', evidence: { annotation: first.id, stance: 'asserts' } })).value;
  const p2 = doc.doc!.blocks.find((b) => b.numbered && b.n === 9)!;
  await selectText(doc, p2.start, p2.start + 60);
  return { store, doc, panel, claim, p2 };
}

describe('evidence and events from the reader', () => {
  it('adds a passage as evidence to an existing claim with the type-ahead (E)', async () => {
    const { store, doc, panel, claim, p2 } = await claimAndSecondPassage();
    pressKey('e');
    const picker = await until(() => panel.shadowRoot!.querySelector('cr-claim-picker'), 'claim picker');
    const input = await until(() => picker.shadowRoot?.querySelector('input') as HTMLInputElement | null, 'picker input');
    input.value = 'terrorism abroad';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 'an option');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    (panel.shadowRoot!.querySelector('select[name="stance"]') as HTMLSelectElement).value = 'mentions';
    (panel.shadowRoot!.querySelector('form:not(.who)') as HTMLFormElement).requestSubmit();
    await until(() => store.evidenceOf(claim.id).length === 2, 'evidence added');
    expect(store.evidenceOf(claim.id)[1]!.stance).to.equal('mentions');
    expect(store.evidenceOf(claim.id)[1]!.annotation.target.selector[0].exact).to.equal(doc.doc!.text.slice(p2.start, p2.start + 60));
  });

  it('E puts the focus in the claim picker: typing right away finds the claim, Enter and Ctrl+Enter save', async () => {
    const { store, panel, claim } = await claimAndSecondPassage();
    // Real key presses, one after the other, as a user types: nothing waits for the picker.
    await sendKeys({ press: 'e' });
    await sendKeys({ type: 'terrorism abroad' });
    const picker = panel.shadowRoot!.querySelector('cr-claim-picker')!;
    const input = picker.shadowRoot!.querySelector('input')!;
    expect(input.value).to.equal('terrorism abroad');
    await until(() => picker.shadowRoot!.querySelector(`[role="option"][data-id="${claim.id}"]`), 'the claim offered');
    await sendKeys({ press: 'Enter' });
    await pressWith('Control', 'Enter');
    await until(() => store.evidenceOf(claim.id).length === 2, 'evidence added');
  });

  it('tags an annotation with an event', async () => {
    const store = await makeStore();
    const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    const { doc, panel } = await openReader('duvanova-junisbai-2022', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 3)!;
    await selectText(doc, p.start, p.start + 40);
    pressKey('n');
    const box = await until(() => panel.shadowRoot!.querySelector<HTMLInputElement>(`input[name="events"][value="${ev.id}"]`), 'event checkbox');
    box.checked = true;
    (panel.shadowRoot!.querySelector('form:not(.who)') as HTMLFormElement).requestSubmit();
    await until(() => store.annotationsOfEvent(ev.id).length === 1, 'annotation tagged with the event');
    await until(() => panel.shadowRoot!.querySelector('.tag.event')?.textContent?.includes('Almaty violence'), 'event chip');
  });
});
