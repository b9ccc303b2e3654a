import { expect } from '@open-wc/testing';
import { until, openReader, makeStore, testDbName, deep, pressKey, axeViolations } from '../helpers.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import type { DocModel } from '../../../src/corpus/types.ts';
import type { AnnotationTarget } from '../../../src/store/index.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrTextChanged } from '../../../src/components/annotate/cr-text-changed.ts';

const client = new CorpusClient('/corpus/build/');
const SOURCE = 'kurmashev-et-al-2018';
const OLD = 'older-text-hash';

afterEach(() => document.querySelector('cr-app')?.remove());

/** [start, end) of `len` characters from word `from` of ¶n, on word boundaries. */
function passage(doc: DocModel, n: number, len: number): [number, number] {
  const b = doc.blocks.find((x) => x.numbered && x.n === n)!;
  const text = doc.text.slice(b.start, b.end);
  const start = b.start + text.indexOf(' ') + 1;
  const end = start + doc.text.slice(start, start + len).lastIndexOf(' ');
  return [start, end];
}

/** A target as it was made on an older text: the same passage, `shift` characters further on
 * (text was cut before it since), and words of the quote as the older text had them. */
function olderTarget(doc: DocModel, [start, end]: [number, number], shift: number, words: Record<string, string> = {}): AnnotationTarget {
  const t = targetFor(doc, start, end);
  let exact = t.selector[0].exact;
  for (const [now, then] of Object.entries(words)) {
    expect(exact, `quote has “${now}”`).to.contain(` ${now} `);
    exact = exact.replace(` ${now} `, ` ${then} `);
  }
  const pos = { type: 'TextPositionSelector' as const, start: start + shift, end: start + shift + exact.length };
  return { ...t, sourceHash: OLD, selector: [{ ...t.selector[0], exact }, pos] };
}

const NOWHERE = 'A sentence struck from this text <img src=x onerror="window.pwned=true"> long before this reading.';

/** The notice of the reader, once the reader has placed `n` annotations and the notice has seen them. */
async function noticeOf(reader: CrReader, n: number): Promise<CrTextChanged> {
  await until(() => reader.annotations.placed.length + reader.annotations.orphans.length === n, `${n} annotations placed`);
  const notice = await until(() => deep(reader, 'cr-text-changed') as CrTextChanged | null, 'notice element');
  await notice.updateComplete; // it has decided on this opening, with these annotations
  return notice;
}

const buttonOf = (root: ParentNode, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === label)!;

describe('the notice of a changed text', () => {
  let doc: DocModel;
  before(async () => {
    doc = await client.document(SOURCE);
  });

  it('says once what became of annotations made on an older text, and reviews the fuzzy ones', async () => {
    const name = testDbName();
    const store = await makeStore({ name });
    const stale = async (target: AnnotationTarget, note: string) => (await store.createAnnotation({ target, note })).value;
    const exact1 = await stale(olderTarget(doc, passage(doc, 3, 90), 41), 'exact one');
    const exact2 = await stale(olderTarget(doc, passage(doc, 9, 120), 41), 'exact two');
    const fuzzy1 = await stale(olderTarget(doc, passage(doc, 5, 160), 41, { the: 'this', and: 'as well as' }), 'fuzzy one');
    const fuzzy2 = await stale(olderTarget(doc, passage(doc, 12, 180), 38, { of: 'in' }), 'fuzzy two');
    const gone = await stale({ source: SOURCE, sourceHash: OLD, selector: [{ type: 'TextQuoteSelector', exact: NOWHERE, prefix: 'Earlier words. ', suffix: ' Later words.' }, { type: 'TextPositionSelector', start: 500, end: 500 + NOWHERE.length }] }, 'gone');
    // Made on the text as it is: not counted.
    const current = await store.createAnnotation({ target: targetFor(doc, ...passage(doc, 7, 60)) });
    store.close();

    (window as unknown as { pwned?: boolean }).pwned = false;
    const s = await makeStore({ name }, false);
    const { reader, panel, doc: docEl } = await openReader(SOURCE, s);
    const notice = await noticeOf(reader, 6);
    const section = await until(() => notice.shadowRoot!.querySelector('section'), 'notice shown');
    expect(notice.counts).to.deep.equal({ exact: 2, fuzzy: 2, missing: 1 });
    const count = (kind: string) => section.querySelector(`[data-kind="${kind}"]`)!.textContent.replace(/\s+/g, ' ').trim();
    expect(count('exact')).to.equal('2 found exactly');
    expect(count('fuzzy')).to.match(/^2 found by fuzzy match/);
    expect(count('missing')).to.equal('1 not found');
    expect(section.textContent).to.contain('This text changed since 5 annotations were made on it.');
    // The quote that is nowhere is listed, as text: nothing in it runs.
    const listed = [...section.querySelectorAll('ol.missing li')].map((li) => li.textContent.trim());
    expect(listed).to.deep.equal([NOWHERE]);
    expect(section.querySelector('img')).to.equal(null);
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
    expect(await axeViolations()).to.deep.equal([]);
    // The panel keeps listing it with the orphans, to re-attach.
    expect(panel.shadowRoot!.querySelector('.orphans')!.textContent).to.contain(NOWHERE);
    // The store remembers that the reader was told, for this text and these annotations.
    const seen = await until(() => s.textChangeSeen(SOURCE), 'remembered');
    expect(seen.text).to.equal(doc.hash);
    expect(seen.ids).to.deep.equal([exact1.id, exact2.id, fuzzy1.id, fuzzy2.id, gone.id].sort());
    expect(seen.ids).not.to.include(current.value.id);

    // Review: one fuzzy match at a time, focus on its heading.
    buttonOf(section, 'Review').click();
    const title = () => notice.shadowRoot!.querySelector('#tc-title')?.textContent;
    await until(() => title() === 'Fuzzy match 1 of 2' && notice.shadowRoot!.activeElement?.id === 'tc-title', 'first match, focused');
    const then = notice.shadowRoot!.querySelector('blockquote.then')!;
    const now = notice.shadowRoot!.querySelector('blockquote.now')!;
    expect(then.textContent).to.equal(fuzzy1.target.selector[0].exact);
    const [s1, e1] = passage(doc, 5, 160);
    expect(now.textContent).to.equal(doc.text.slice(s1, e1));
    expect([...then.querySelectorAll('del')].map((d) => d.textContent.trim()).sort()).to.deep.equal(['as well as', 'this']);
    expect([...now.querySelectorAll('ins')].map((d) => d.textContent.trim()).sort()).to.deep.equal(['and', 'the']);
    expect(notice.shadowRoot!.textContent).to.contain(`In the text now, ¶5`);
    expect(await axeViolations()).to.deep.equal([]);

    // Show in text: the annotation is chosen in the reader and its card in the panel.
    buttonOf(notice.shadowRoot!, 'Show in text').click();
    await until(() => panel.shadowRoot!.querySelector(`[data-id="${fuzzy1.id}"][aria-current="true"]`), 'chosen');
    await until(() => docEl.highlighter.count('cr-active') === 1, 'its passage marked in the text');

    // Accept: one undoable edit storing the new place on the current text; the review moves on.
    buttonOf(notice.shadowRoot!, 'Accept new place').click();
    await until(() => s.getAnnotation(fuzzy1.id)?.target.sourceHash === doc.hash, 'new place stored');
    const stored = s.getAnnotation(fuzzy1.id)!.target.selector;
    expect(stored[0].exact).to.equal(doc.text.slice(s1, e1));
    expect([stored[1].start, stored[1].end]).to.deep.equal([s1, e1]);
    expect(s.getAnnotation(fuzzy1.id)!.body).to.deep.equal(fuzzy1.body); // the note is untouched
    await until(() => title() === 'Fuzzy match 2 of 2', 'second match');
    const toast = await until(() => document.querySelector('cr-app')!.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('New place of the passage stored');

    // Undo (Ctrl+Z): the old target is back, and the review shows it open again.
    pressKey('z', { ctrlKey: true });
    await until(() => s.getAnnotation(fuzzy1.id)?.target.sourceHash === OLD, 'undone');
    expect(s.getAnnotation(fuzzy1.id)!.target.selector).to.deep.equal(fuzzy1.target.selector);
    buttonOf(notice.shadowRoot!, 'Previous').click();
    await until(() => title() === 'Fuzzy match 1 of 2', 'back to the first');
    expect(buttonOf(notice.shadowRoot!, 'Accept new place').disabled).to.equal(false);
    // Accept it again; leave the second as it is: back to the summary, which says so.
    buttonOf(notice.shadowRoot!, 'Accept new place').click();
    await until(() => title() === 'Fuzzy match 2 of 2', 'second again');
    buttonOf(notice.shadowRoot!, 'Leave as is').click();
    const summary = await until(() => notice.shadowRoot!.querySelector('.standing'), 'summary with what was reviewed');
    expect(summary.textContent).to.equal('Reviewed: 1 accepted, 1 left as they are.');
    expect(notice.shadowRoot!.activeElement?.id).to.equal('tc-title');
    expect(s.getAnnotation(fuzzy2.id)!.target.sourceHash).to.equal(OLD);

    // Dismiss by keyboard: the notice goes, focus stays in the panel.
    notice.shadowRoot!.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    await until(() => !notice.shadowRoot!.querySelector('section'), 'dismissed');
    expect(reader.shadowRoot!.activeElement).to.equal(reader.shadowRoot!.querySelector('aside.panel'));

    // Reopened (a reload): nothing new changed, so no notice.
    document.querySelector('cr-app')!.remove();
    const s2 = await makeStore({ name }, false);
    const again = await openReader(SOURCE, s2);
    const quiet = await noticeOf(again.reader, 6);
    expect(quiet.counts).to.equal(undefined);
    expect(quiet.shadowRoot!.querySelector('section')).to.equal(null);
    expect(again.reader.annotations.orphans.map((a) => a.id)).to.deep.equal([gone.id]); // still listed in the panel

    // Something new: an annotation made on the older text arrives. The notice comes back for it.
    const late = (await s2.createAnnotation({ target: olderTarget(doc, passage(doc, 14, 70), 41) })).value;
    document.querySelector('cr-app')!.remove();
    const s3 = await makeStore({ name }, false);
    const third = await openReader(SOURCE, s3);
    const back = await noticeOf(third.reader, 7);
    // The accepted one is on the current text now: 3 exact (2 + the new one), 1 fuzzy (left), 1 not found.
    expect(back.counts).to.deep.equal({ exact: 3, fuzzy: 1, missing: 1 });
    await until(() => s3.textChangeSeen(SOURCE)?.ids.includes(late.id), 'the new one remembered');
  });

  it('says nothing when every annotation was made on the text as it is', async () => {
    const id = 'duvanova-junisbai-2022';
    const d = await client.document(id);
    const store = await makeStore();
    await store.createAnnotation({ target: targetFor(d, ...passage(d, 4, 80)), note: 'current' });
    await store.createAnnotation({ target: targetFor(d, ...passage(d, 6, 120)) });
    const { reader } = await openReader(id, store);
    const notice = await noticeOf(reader, 2);
    expect(reader.annotations.orphans).to.have.length(0);
    expect(notice.counts).to.equal(undefined);
    expect(notice.shadowRoot!.querySelector('section')).to.equal(null);
    expect(store.textChangeSeen(id)).to.equal(undefined); // nothing remembered either
  });
});
