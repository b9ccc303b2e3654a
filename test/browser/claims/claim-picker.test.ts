import { expect } from '@open-wc/testing';
import type { CrClaimPicker } from '../../../src/components/claims/cr-claim-picker.ts';
import type { ClaimPickEvent } from '../../../src/components/claims/claim-events.ts';
import '../../../src/components/claims/cr-claim-picker.ts';
import { $, $$, focused, press, seed, type, until } from './harness.ts';
import { withStore, makeStore } from '../helpers.ts';

async function mountPicker(exclude: string[] = []) {
  const store = await makeStore();
  const claims = await seed(store);
  document.querySelector('cr-store-provider')?.remove();
  const picker = document.createElement('cr-claim-picker');
  picker.exclude = exclude;
  picker.label = 'Evidence for';
  await withStore(store, document.body, picker);
  await picker.updateComplete;
  const picks: string[] = [];
  picker.addEventListener('cr-claim-pick', (e: ClaimPickEvent) => picks.push(e.claimId));
  return { store, claims, picker, picks, input: $<HTMLInputElement>(picker, 'input')! };
}

const options = (p: CrClaimPicker) => $$(p, '[role=option]').map((o) => o.dataset['id']);
const activeId = (p: CrClaimPicker) => {
  const input = $(p, 'input')!;
  const id = input.getAttribute('aria-activedescendant');
  return id ? $(p, `#${id}`)!.dataset['id'] : undefined;
};

afterEach(() => document.querySelector('cr-store-provider')?.remove());

describe('cr-claim-picker', () => {
  it('is an ARIA 1.2 combobox: labelled, collapsed until asked, focusable through its host', async () => {
    const { picker, input } = await mountPicker();
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal('listbox');
    expect(input.labels?.[0]?.textContent).to.equal('Evidence for');
    picker.focus();
    expect(focused()).to.equal(input);
  });

  it('filters by statement, tag and quote as the user types; arrows move, wrap; Enter picks', async () => {
    const { store, picker, claims, picks, input } = await mountPicker();
    picker.focus();
    await type('almaty');
    await until(() => input.getAttribute('aria-expanded') === 'true', 'listbox open');
    // Statement match first, then the claim tagged "Almaty"... both statements say Almaty here.
    expect(options(picker)).to.have.members([claims.a.id, claims.d.id]);
    expect(activeId(picker)).to.equal(options(picker)[0]);
    await press('ArrowDown');
    expect(activeId(picker)).to.equal(options(picker)[1]);
    await press('ArrowDown');
    expect(activeId(picker)).to.equal(options(picker)[0]); // wraps
    await press('ArrowUp');
    expect(activeId(picker)).to.equal(options(picker)[1]);
    const expected = activeId(picker);
    await press('Enter');
    expect(picks).to.deep.equal([expected]);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal(claims.a.id === expected ? claims.a.statement : claims.d.statement);

    // A tag only.
    input.select();
    await type('terrorism');
    await until(() => options(picker).length === 1, 'one match');
    expect(options(picker)).to.deep.equal([claims.c.id]);
    // Words of a quoted passage only: found, and said so.
    const quote = store.evidenceOf(claims.b.id)[0]!.annotation.target.selector[0].exact;
    const word = quote.split(/\s+/).find((w) => w.length > 6 && !claims.b.statement.toLowerCase().includes(w.toLowerCase()))!;
    input.select();
    await type(word);
    await until(() => options(picker).includes(claims.b.id), 'quote match');
    expect($(picker, `[data-id="${claims.b.id}"] .why`)?.textContent).to.equal('found in a quoted passage');
  });

  it('Escape closes the list without picking; ArrowDown reopens it with every claim; exclude is honoured', async () => {
    const { picker, claims, picks, input } = await mountPicker();
    picker.exclude = [claims.a.id];
    picker.focus();
    await press('ArrowDown');
    await until(() => input.getAttribute('aria-expanded') === 'true', 'open');
    expect(options(picker)).to.have.members([claims.b.id, claims.c.id, claims.d.id]);
    expect(activeId(picker)).to.equal(options(picker)[0]);
    await press('Escape');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(picks).to.deep.equal([]);
    await type('zzzz nothing');
    await until(() => $(picker, '.none'), 'no-match message');
    expect($(picker, '[role=status]')!.textContent).to.equal('No claim matches.');
    await press('Enter');
    expect(picks).to.deep.equal([]);
  });

  it('a click on an option picks it; new claims appear live', async () => {
    const { picker, store, picks, input } = await mountPicker();
    picker.focus();
    await type('CSTO');
    const option = await until(() => $<HTMLElement>(picker, '[role=option]'), 'option');
    option.click();
    expect(picks.length).to.equal(1);
    expect(focused()).to.equal(input);
    const doc = await (await import('./harness.ts')).corpus.document('anisin-2026');
    const { targetFor } = await import('../../../src/annotate/anchored.ts');
    const ann = (await store.createAnnotation({ target: targetFor(doc, 100, 160) })).value;
    const fresh = (await store.createClaim({ statement: 'CSTO troops guarded strategic sites', evidence: { annotation: ann.id, stance: 'asserts' } })).value;
    input.select();
    await type('strategic');
    await until(() => options(picker).includes(fresh.id), 'new claim offered');
  });
});
