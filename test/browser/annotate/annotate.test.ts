import { expect } from '@open-wc/testing';
import { until, openReader, selectText, pressKey, testDbName, makeStore, draftNote } from '../helpers.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import type { NotifyEvent } from '../../../src/components/shared/events.ts';

const notices: NotifyEvent[] = [];
document.body.addEventListener('cr-notify', (e) => notices.push(e));

afterEach(() => document.querySelector('cr-app')?.remove());

describe('annotating in the reader', () => {
  for (const id of ['duvanova-junisbai-2022', 'kurmashev-et-al-2018', 'anisin-2026']) {
    it(`${id}: highlight a sentence from the toolbar; it is painted and survives a reload`, async () => {
      const name = testDbName();
      const store = await makeStore({ name }, false);
      const { doc } = await openReader(id, store);
      const para = doc.doc!.blocks.find((b) => b.kind === 'paragraph' && b.n === 3)!;
      const toolbar = await selectText(doc, para.start, para.start + 50);
      (toolbar.querySelector('button') as HTMLButtonElement).click(); // Highlight
      await until(() => store.annotationsOf(id).length === 1, 'saved');
      const a = store.annotationsOf(id)[0]!;
      expect(a.motivation).to.equal('highlighting');
      expect(a.target.selector[0].exact).to.equal(doc.doc!.text.slice(para.start, para.start + 50));
      await until(() => doc.highlighter.count('cr-h0') === 1, 'painted');
      expect(CSS.highlights.get('cr-h0')!.size).to.be.greaterThan(0);

      // Reload: a new store on the same database, a new app.
      document.querySelector('cr-app')!.remove();
      const again = await openReader(id, await makeStore({ name }, false));
      await until(() => again.doc.highlighter.count('cr-h0') === 1, 'painted after reload');
      expect(again.reader.annotations.placed[0]!.start).to.equal(para.start);
    });
  }

  it('adds a note and tags by keyboard; the note is inert text; the panel filters by tag', async () => {
    const store = await makeStore({}, false);
    const { doc, panel } = await openReader('duvanova-junisbai-2022', store);
    const p = doc.doc!.blocks.find((b) => b.n === 4 && b.numbered)!;
    const note = await draftNote(doc, panel, p.start + 10, p.start + 80);
    (window as unknown as { pwned?: boolean }).pwned = false;
    note.value = 'Compare with Anisin. <img src=x onerror="window.pwned=true"> **bold**';
    (panel.shadowRoot!.querySelector('#draft-tags') as HTMLInputElement).value = 'violence, Almaty ';
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    await until(() => store.annotationsOf('duvanova-junisbai-2022').length === 1, 'saved');
    const a = store.annotationsOf('duvanova-junisbai-2022')[0]!;
    expect(a.motivation).to.equal('commenting');
    expect(a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).to.deep.equal(['violence', 'Almaty']);
    const card = await until(() => panel.shadowRoot!.querySelector(`[data-id="${a.id}"]`), 'card');
    // The next key goes on from the saved passage's card.
    await until(() => panel.shadowRoot!.activeElement === card.querySelector('button.quote'), 'the new card focused');
    const rendered = await until(() => card.querySelector('cr-note')?.shadowRoot?.querySelector('strong'), 'markdown rendered');
    expect(rendered.textContent).to.equal('bold');
    expect(card.querySelector('cr-note')!.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
    // Tagged annotations take their tag's colour, not the default.
    expect(doc.highlighter.count('cr-h0')).to.equal(0);
  });

  it('Escape on a draft gives it up and puts focus back on its passage', async () => {
    const store = await makeStore({}, false);
    const { doc, panel } = await openReader('anisin-2026', store);
    const p = doc.doc!.blocks.find((b) => b.n === 6 && b.numbered)!;
    const note = await draftNote(doc, panel, p.start + 5, p.start + 40);
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    await until(() => !panel.shadowRoot!.querySelector('#draft-note'), 'draft closed');
    const block = doc.textMap!.element(p.id)!;
    await until(() => doc.shadowRoot!.activeElement === block, 'focus on the passage’s paragraph');
    expect(store.annotationsOf('anisin-2026')).to.have.length(0);
  });

  it('clicking highlighted text opens its annotation; delete, then undo with Ctrl+Z', async () => {
    const store = await makeStore({}, false);
    const { doc, reader, panel } = await openReader('anisin-2026', store);
    const p = doc.doc!.blocks.find((b) => b.n === 5 && b.numbered)!;
    await selectText(doc, p.start, p.start + 60);
    pressKey('h');
    await until(() => store.annotationsOf('anisin-2026').length === 1, 'saved');
    const id = store.annotationsOf('anisin-2026')[0]!.id;
    // The same words highlighted again: the highlight there is the answer, not a second card.
    await until(() => reader.annotations.placed.length === 1, 'placed');
    await selectText(doc, p.start, p.start + 60);
    pressKey('h');
    await until(() => notices.at(-1)?.message.startsWith('Already highlighted'), 'says so');
    expect(store.annotationsOf('anisin-2026').map((a) => a.id)).to.deep.equal([id]);
    document.getSelection()!.removeAllRanges();

    // A click in the middle of the highlighted words: hit-testing finds the annotation.
    const rect = doc.textMap!.offsetsToRange(p.start + 20, p.start + 21)!.getBoundingClientRect();
    doc.shadowRoot!.querySelector('article')!.dispatchEvent(new MouseEvent('click', { clientX: rect.left + 1, clientY: rect.top + rect.height / 2, bubbles: true, composed: true }));
    const card = await until(() => panel.shadowRoot!.querySelector(`[data-id="${id}"][aria-current="true"]`), 'card active');

    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    await until(() => store.annotationsOf('anisin-2026').length === 0, 'deleted');
    await until(() => doc.highlighter.count('cr-h0') === 0, 'unpainted');
    pressKey('z', { ctrlKey: true });
    await until(() => store.annotationsOf('anisin-2026').length === 1, 'restored by undo');
    await until(() => reader.annotations.placed.length === 1, 'placed again');
  });

  it('lists an annotation whose passage is gone as an orphan, and re-attaches it to a new selection', async () => {
    const name = testDbName();
    const store = await makeStore({ name });
    const text = 'This sentence was never in the memo, not in any version of it at all.';
    await store.createAnnotation({
      target: { source: 'duvanova-junisbai-2022', sourceHash: 'old', selector: [{ type: 'TextQuoteSelector', exact: text, prefix: 'x', suffix: 'y' }, { type: 'TextPositionSelector', start: 100, end: 100 + text.length }] },
      note: 'kept',
    });
    const { doc, reader, panel } = await openReader('duvanova-junisbai-2022', store);
    await until(() => reader.annotations.orphans.length === 1, 'orphan');
    const orphans = await until(() => panel.shadowRoot!.querySelector('.orphans'), 'orphan list');
    expect(orphans.textContent).to.contain(text);

    const p = doc.doc!.blocks.find((b) => b.n === 2 && b.numbered)!;
    await selectText(doc, p.start, p.start + 30);
    [...orphans.querySelectorAll('button')].find((b) => b.textContent.startsWith('Re-attach'))!.click();
    await until(() => reader.annotations.placed.length === 1 && reader.annotations.orphans.length === 0, 're-attached');
    expect(store.annotationsOf('duvanova-junisbai-2022')[0]!.target.selector[0].exact).to.equal(doc.doc!.text.slice(p.start, p.start + 30));
  });

  it('shows an annotation made in another tab without reload', async () => {
    const name = testDbName();
    const other = await makeStore({ name });
    const { doc, reader } = await openReader('kurmashev-et-al-2018', await makeStore({ name }, false));
    const p = doc.doc!.blocks.find((b) => b.n === 6 && b.numbered)!;
    await other.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 40), tags: ['terrorism'] });
    await until(() => reader.annotations.placed.length === 1, 'remote annotation placed');
    other.close();
  });
});
