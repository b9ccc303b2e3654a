// The search box as a user meets it: `/` from any view, typing, the keyboard and the mouse.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { CrClaimsView } from '../../../src/components/claims/cr-claims-view.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';
import { SEARCH_MARK } from '../../../src/components/reader/search-marks.ts';
import type { CrSearch } from '../../../src/components/search/cr-search.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { axeViolations, deep, draftNote, makeStore, openApp, openReader, until } from '../helpers.ts';
import { claimFrom, corpus } from '../claims/harness.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

const searchOf = (app: CrApp) => app.shadowRoot!.querySelector<CrSearch>('cr-search')!;
const input = (s: CrSearch) => s.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const options = (s: CrSearch, kind?: string) => [...s.shadowRoot!.querySelectorAll<HTMLElement>(kind ? `[role=option][data-kind=${kind}]` : '[role=option]')];
const focusedInSearch = (s: CrSearch) => s.shadowRoot!.activeElement === input(s);

/** Types a query into the box for real and waits for the options of `kind`. */
async function search(s: CrSearch, query: string, kind: string): Promise<HTMLElement[]> {
  input(s).focus();
  input(s).select();
  await sendKeys({ type: query });
  return until(() => (options(s, kind).length ? options(s, kind) : null), `${kind} results for ${query}`, 10000);
}

describe('cr-search', () => {
  it('`/` focuses the box from the reader and from the claims view, not while typing in a field; Escape closes', async () => {
    const store = await makeStore();
    const { app, doc, panel } = await openReader('anisin-2026', store);
    const s = searchOf(app);
    await sendKeys({ press: '/' });
    await until(() => focusedInSearch(s), 'search focused from the reader');
    expect(input(s).value).to.equal('');
    await until(() => !s.shadowRoot!.querySelector('.popup')!.hasAttribute('hidden'), 'popup with hints');
    await sendKeys({ press: 'Escape' });
    await until(() => s.shadowRoot!.querySelector('.popup')!.hasAttribute('hidden'), 'closed');

    // In a field, `/` is a character.
    const note = await draftNote(doc, panel, 100, 140);
    await sendKeys({ type: 'a/b' });
    expect(note.value).to.equal('a/b');
    expect(focusedInSearch(s)).to.equal(false);

    location.hash = '#/claims';
    await until(() => deep(app, 'cr-claims-view') as CrClaimsView | null, 'claims view', 10000);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: '/' });
    await until(() => focusedInSearch(s), 'search focused from the claims view');

    // A checkbox takes no text: `/` there is still the shortcut.
    const box = document.createElement('input');
    box.type = 'checkbox';
    document.body.append(box);
    box.focus();
    await sendKeys({ press: '/' });
    await until(() => focusedInSearch(s), 'search focused from a checkbox');
    box.remove();
  });

  it('finds a passage by a misspelt name and opens it at its ¶ with Enter', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    const s = searchOf(app);
    // The ¶ to expect, found by reading the text: the first block that names Samat Abish.
    const duvanova = await corpus.document('duvanova-junisbai-2022');
    const block = duvanova.blocks.find((b) => duvanova.text.slice(b.start, b.end).includes('Samat Abish'))!;
    const found = await search(s, 'Samat Abis', 'passage');
    expect(found[0]!.textContent).to.contain(`Duvanova & Junisbai 2022, ¶${block.n}`);
    expect([...found[0]!.querySelectorAll('mark')].map((m) => m.textContent)).to.include.members(['Samat', 'Abish']);
    expect(input(s).getAttribute('aria-expanded')).to.equal('true');
    expect(input(s).getAttribute('aria-activedescendant')).to.equal(found[0]!.id);
    expect(s.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/\d+ passages?/);
    expect(await axeViolations()).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await until(() => location.hash.startsWith(`#/read/duvanova-junisbai-2022/p/${block.n}/mark/`), 'reader route at the ¶');
    const reader = await until(() => deep(app, 'cr-reader') as CrReader | null, 'reader', 10000);
    await until(() => reader.paragraph === block.n && reader.doc?.meta.id === 'duvanova-junisbai-2022', 'reader at the ¶');
    expect(focusedInSearch(s)).to.equal(false);

    // The words found are marked in that ¶, as a highlight: the text itself is left as it was.
    const doc = await until(() => deep(reader, 'cr-document') as CrDocument | null, 'document');
    const marks = await until(() => (doc.searchMarks.count(SEARCH_MARK) ? [...CSS.highlights.get(SEARCH_MARK)!] as Range[] : null), 'search marks painted');
    expect(new Set(marks.map((r) => r.toString()))).to.deep.equal(new Set(['Samat', 'Abish']));
    const para = doc.textMap!.element(block.id)!;
    for (const r of marks) expect(para.contains(r.commonAncestorContainer)).to.equal(true);
    expect(doc.shadowRoot!.querySelector('article mark')).to.equal(null);
    expect(para.textContent).to.contain(duvanova.text.slice(block.start, block.end)); // after its ¶ number
    // Moving on to another ¶ (a route without marks) takes them away.
    location.hash = `#/read/duvanova-junisbai-2022/p/${block.n === 1 ? 2 : 1}`;
    await until(() => doc.searchMarks.count(SEARCH_MARK) === 0, 'marks gone after moving on');

    // "Tokaev" (the text says Tokayev): ArrowDown moves to the second option, a click opens too.
    const tokayev = await search(s, 'Tokaev', 'passage');
    expect(tokayev[0]!.querySelector('mark')!.textContent).to.equal('Tokayev');
    await sendKeys({ press: 'ArrowDown' });
    expect(input(s).getAttribute('aria-activedescendant')).to.equal(options(s)[1]!.id);
    tokayev[0]!.click();
    await until(() => location.hash.startsWith('#/read/') && location.hash.includes('/p/'), 'opened by click');
  });

  it('finds a claim made in the test, and a tag that opens the claims it is on', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    const s = searchOf(app);
    await store.setCreatorName('Bolat');
    const claim = await claimFrom(store, 'anisin-2026', 5, 'Snowmelt strikers set the pattern for January', { tags: ['labour unrest'] });
    const [option] = await search(s, 'Snowmelt', 'claim');
    expect(option!.textContent).to.contain('Snowmelt strikers set the pattern for January');
    expect(option!.textContent).to.contain('by Bolat'); // two students' claims may say the same
    await sendKeys({ press: 'Enter' });
    await until(() => location.hash === `#/claims/${claim.id}`, 'claims route');

    // Edited elsewhere (another tab, an undo): the box follows.
    await store.updateClaim(claim.id, { statement: 'Oil workers set the pattern' });
    input(s).focus();
    input(s).select();
    await sendKeys({ type: 'Snowmelt' });
    await until(() => s.shadowRoot!.querySelector('.message')?.textContent?.includes('No results for'), 'old words gone');

    const [tag] = await search(s, 'labour', 'tag');
    expect(tag!.textContent).to.contain('1 claim');
    tag!.click();
    await until(() => location.hash === '#/claims/tag/labour%20unrest', 'tag route');
    const view = await until(() => deep(app, 'cr-claims-view') as CrClaimsView | null, 'claims view', 10000);
    await until(() => view.shadowRoot!.querySelector<HTMLSelectElement>('select[name=tag]')?.value === 'labour unrest', 'filtered by the tag');
  });

  it('lists a kind whole from its last option, the active option staying on the next hit; a tag only on passages opens them; counts are singular', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    const s = searchOf(app);
    const first = await search(s, 'CSTO', 'passage');
    await until(() => !s.shadowRoot!.textContent.includes('Still indexing'), 'every source indexed', 20000);
    const head = s.shadowRoot!.querySelector('#head-passage')!.textContent;
    const total = Number(/of (\d+)/.exec(head)![1]);
    expect(total).to.be.greaterThan(first.length);
    const more = options(s, 'more')[0]!;
    expect(more.textContent).to.equal(`Show all ${total} passages`);
    for (let i = 0; i < options(s, 'passage').length; i++) await sendKeys({ press: 'ArrowDown' });
    expect(more.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await until(() => options(s, 'passage').length === Math.min(total, 100), 'listed whole');
    expect(options(s, 'more')).to.have.length(0);
    expect(options(s, 'passage')[first.length]!.getAttribute('aria-selected')).to.equal('true');
    expect(focusedInSearch(s)).to.equal(true);

    const doc = await corpus.document('anisin-2026');
    const block = doc.blocks.find((b) => b.numbered && b.n === 5)!;
    await store.createAnnotation({ target: targetFor(doc, block.start, block.start + 30), tags: ['snowmelt strikes'] });
    const [tag] = await search(s, 'snowmelt', 'tag');
    expect(tag!.textContent).to.contain('1 passage');
    expect(tag!.textContent).to.not.contain('1 passages');
    await until(() => /\b1 tag[,.]/.test(s.shadowRoot!.querySelector('[role=status]')!.textContent), 'announced in the singular');
    tag!.click();
    await until(() => location.hash === '#/events/tag/snowmelt%20strikes', 'its passages, not an empty claims list');
  });

  it('shows user text inert: a note with markup is found and shown as text', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    const s = searchOf(app);
    const doc = await corpus.document('kurmashev-et-al-2018');
    const at = doc.text.indexOf('middle power');
    const w = window as unknown as { pwned?: boolean };
    await store.createAnnotation({ target: targetFor(doc, at, at + 12), note: 'Xanadu <img src=x onerror="window.pwned=true"> <b>bold</b>' });
    const [note] = await search(s, 'xanadu', 'note');
    expect(note!.textContent).to.contain('<img src=x onerror="window.pwned=true">');
    expect(note!.textContent).to.contain('Kurmashev');
    expect(note!.querySelector('img, b')).to.equal(null);
    expect(w.pwned).to.equal(undefined);
    await sendKeys({ press: 'Enter' });
    const n = doc.blocks.find((b) => b.start <= at && at < b.end)!.n;
    await until(() => location.hash === `#/read/kurmashev-et-al-2018/p/${n}`, 'the note’s passage in the reader');
  });

  it('says when nothing matches, and keeps the index it has while the store changes', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    const s = searchOf(app);
    await search(s, 'titushky', 'passage');
    const index = s.index;
    await claimFrom(store, 'duvanova-junisbai-2022', 3, 'Qwertyzzz was never said');
    input(s).focus();
    input(s).select();
    await sendKeys({ type: 'qwertyzzz' });
    await until(() => options(s, 'claim').length === 1, 'the new claim');
    expect(s.index).to.equal(index);
    await sendKeys({ type: ' xylophonic' });
    await until(() => s.shadowRoot!.querySelector('.message')?.textContent?.includes('Nothing has all these words'), 'partial');
    input(s).select();
    await sendKeys({ type: 'xylophonic' });
    await until(() => s.shadowRoot!.querySelector('.message')?.textContent?.includes('No results for'), 'no results');
    expect(s.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('No results for xylophonic');
    expect(input(s).getAttribute('aria-expanded')).to.equal('false');
  });
});
