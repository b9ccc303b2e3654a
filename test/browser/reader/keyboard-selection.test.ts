// Selecting text with the keyboard alone (Shift + arrows), then annotating it: real key presses.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openReader, until, makeStore, pressShifted, selectText } from '../helpers.ts';
import { selectionRange } from '../../../src/components/reader/selection-toolbar.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

const press = (key: string) => sendKeys({ press: key });


/** The selection in the document as text offsets and its text, or null. */
function selected(doc: CrDocument): { start: number; end: number; text: string } | null {
  const range = selectionRange(doc.shadowRoot!);
  const span = range && doc.textMap!.rangeToOffsets(range);
  return span && { ...span, text: range.toString() };
}

/** Opens anisin-2026 at ¶5 and presses j: ¶6 is focused. Resolves with ¶6's block. */
async function atParagraph6() {
  const store = await makeStore({}, false);
  const opened = await openReader('#/read/anisin-2026/p/5', store);
  const { doc, root } = opened;
  await until(() => doc.currentParagraph === 5, '¶5');
  await press('j');
  await until(() => doc.currentParagraph === 6, '¶6 by j');
  const block = doc.doc!.blocks.find((b) => b.numbered && b.n === 6)!;
  const el = doc.textMap!.element(block.id)!;
  expect(root.activeElement).to.equal(el);
  expect(selected(doc)).to.equal(null);
  return { ...opened, store, block, el };
}

describe('keyboard selection in the reader', () => {
  it('Shift+→ selects the focused paragraph word by word, Shift+← shrinks, H highlights exactly that', async () => {
    const { doc, root, store, block } = await atParagraph6();
    const text = doc.doc!.text;
    const words = (n: number) => text.slice(block.start).match(new RegExp(`^(\\S+\\s+){${n - 1}}\\S+`))![0];
    expect(words(3)).to.equal('Scholars have acknowledged'); // plain words: one step each

    for (let i = 0; i < 3; i++) await pressShifted('ArrowRight');
    expect(selected(doc)).to.deep.equal({ start: block.start, end: block.start + words(3).length, text: words(3) });
    await pressShifted('ArrowLeft'); // back to the last word's start: the space before it stays selected
    expect(selected(doc)).to.deep.equal({ start: block.start, end: block.start + words(2).length + 1, text: `${words(2)} ` });
    await pressShifted('ArrowRight');
    expect(selected(doc)?.text).to.equal(words(3));

    // The toolbar follows, as after a mouse selection; H highlights the passage.
    await until(() => root.querySelector('.toolbar'), 'selection toolbar');
    await press('h');
    await until(() => store.annotationsOf('anisin-2026').length === 1, 'highlight saved');
    const a = store.annotationsOf('anisin-2026')[0]!;
    expect(a.motivation).to.equal('highlighting');
    expect(a.target.selector[0].exact).to.equal(words(3));
    expect(selected(doc)).to.equal(null);
  });

  it('H right after the selection grew highlights what is selected now, not the toolbar\u2019s frame-old copy', async () => {
    const { doc, root, store, block } = await atParagraph6();
    const text = doc.doc!.text;
    const words = (n: number) => text.slice(block.start).match(new RegExp(`^(\\S+\\s+){${n - 1}}\\S+`))![0];
    for (let i = 0; i < 3; i++) await pressShifted('ArrowRight');
    await until(() => root.querySelector('.toolbar'), 'selection toolbar');
    // One more word and H in the same task, as auto-repeat then a quick H can: no frame between.
    (doc.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection().modify('extend', 'forward', 'word');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true, composed: true, cancelable: true }));
    await until(() => store.annotationsOf('anisin-2026').length === 1, 'highlight saved');
    expect(store.annotationsOf('anisin-2026')[0]!.target.selector[0].exact).to.equal(words(4));
  });

  it('Shift+↓ / ↑ by a line, Shift+End to the paragraph\'s end; a mouse selection is extended from its end', async () => {
    const { doc, block } = await atParagraph6();
    await pressShifted('ArrowDown');
    const line = selected(doc)!;
    expect(line.start).to.equal(block.start);
    expect(line.end).to.be.greaterThan(block.start + 30).and.lessThan(block.end);
    await pressShifted('ArrowDown');
    expect(selected(doc)!.end).to.be.greaterThan(line.end);
    await pressShifted('ArrowUp');
    expect(selected(doc)!.end).to.be.closeTo(line.end, 3);
    await pressShifted('End');
    expect(selected(doc)).to.include({ start: block.start, end: block.end });

    // A passage selected with the mouse, ending mid-word: Shift+→ goes on to the word's end.
    await selectText(doc, block.start + 9, block.start + 11); // "ha" of "have"
    await pressShifted('ArrowRight');
    expect(selected(doc)?.text).to.equal('have');
  });

  it('Escape clears the selection and leaves focus on the paragraph', async () => {
    const { doc, root, el } = await atParagraph6();
    await pressShifted('ArrowRight');
    await until(() => root.querySelector('.toolbar'), 'selection toolbar');
    await press('Escape');
    await until(() => !root.querySelector('.toolbar'), 'toolbar gone');
    expect(selected(doc)).to.equal(null);
    expect(root.activeElement).to.equal(el);
    // And the keys start again from the paragraph's start.
    await pressShifted('ArrowRight');
    expect(selected(doc)?.text).to.equal('Scholars');
  });

  it('does nothing while typing in a field, nor with Ctrl or Alt', async () => {
    const { doc, panel, store } = await atParagraph6();
    for (const modifier of ['Control', 'Alt']) {
      await sendKeys({ down: modifier });
      await pressShifted('ArrowRight');
      await sendKeys({ up: modifier });
    }
    expect(selected(doc)).to.equal(null);
    await pressShifted('ArrowRight');
    expect(selected(doc)?.text).to.equal('Scholars');

    const input = await until(() => panel.shadowRoot!.querySelector<HTMLInputElement>('form.who input[name="name"]'), 'name field');
    input.focus();
    await sendKeys({ type: 'Aigerim' });
    await pressShifted('ArrowLeft');
    await pressShifted('ArrowLeft');
    // The field selects its own text, as fields do; the document's selection is gone, not extended.
    expect(input.value.slice(input.selectionStart!, input.selectionEnd!)).to.not.equal('');
    expect(selected(doc)).to.equal(null);
    await press('h');
    expect(input.value).to.match(/h$/);
    expect(store.annotationsOf('anisin-2026')).to.have.length(0);
  });
});
