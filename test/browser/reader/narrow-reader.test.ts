// The reader at a phone's width (420 px): ¶ numbers on screen, the selection toolbar within the
// window, and a draft's form opened where the reader is, not below the whole text.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { makeStore, openReader, pressKey, selectText, until } from '../helpers.ts';

beforeEach(async () => {
  document.body.style.margin = '0';
  await setViewport({ width: 420, height: 860 });
});
afterEach(() => document.querySelector('cr-app')?.remove());

describe('the reader at 420 px wide', () => {
  it('shows the ¶ numbers whole, none past the left edge', async () => {
    const { root } = await openReader('#/read/anisin-2026/p/44', await makeStore());
    const current = await until(() => root.querySelector('.current'), '¶44 shown');
    expect(current.querySelector('.pnum')!.textContent).to.equal('44');
    const shown = [...root.querySelectorAll('.pnum')].map((a) => a.getBoundingClientRect()).filter((r) => r.width > 0);
    expect(shown.length).to.be.greaterThan(10);
    expect(Math.min(...shown.map((r) => r.left))).to.be.at.least(0);
  });

  it('keeps the whole selection toolbar in the window, Related included', async () => {
    const { doc } = await openReader('#/read/anisin-2026/p/44', await makeStore());
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 44)!;
    const bar = await selectText(doc, p.start + 20, p.start + 40);
    await until(() => bar.getBoundingClientRect().width > 0, 'toolbar laid out');
    const r = bar.getBoundingClientRect();
    expect(r.left).to.be.at.least(0);
    expect(r.right).to.be.at.most(innerWidth);
    const related = [...bar.querySelectorAll('button')].find((b) => b.textContent.startsWith('Related'))!;
    expect(related.getBoundingClientRect().right).to.be.at.most(innerWidth);
  });

  it('opens a claim form (C) where the reader is, and Escape goes back to the passage without a jump', async () => {
    const { doc, panel } = await openReader('#/read/anisin-2026/p/44', await makeStore());
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 44)!;
    await selectText(doc, p.start + 20, p.start + 40);
    const y = scrollY;
    pressKey('c');
    const statement = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-statement'), 'claim form');
    await until(() => panel.shadowRoot!.activeElement === statement, 'statement focused');
    expect(scrollY).to.equal(y);
    const r = statement.getBoundingClientRect();
    expect(r.top).to.be.at.least(0);
    expect(r.bottom).to.be.at.most(innerHeight);
    await sendKeys({ press: 'Escape' });
    await until(() => !panel.shadowRoot!.querySelector('#draft-statement'), 'draft closed');
    await until(() => doc.shadowRoot!.activeElement === doc.textMap!.element(p.id), 'focus on ¶44');
    expect(scrollY).to.equal(y);
  });
});
