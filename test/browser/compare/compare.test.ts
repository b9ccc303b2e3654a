import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { axeViolations, until, makeStore, pressShifted, testDbName } from '../helpers.ts';
import { ANISIN, CompareHarness, DJ, KURMASHEV, seed } from './harness.ts';
import { claimFrom } from '../claims/harness.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';

/** Counts live subscriptions to a store. */
function countSubscriptions(store: CrossreadStore): () => number {
  let live = 0;
  const subscribe = store.subscribe.bind(store);
  store.subscribe = (listener) => {
    live++;
    const off = subscribe(listener);
    return () => {
      live--;
      off();
    };
  };
  return () => live;
}

beforeEach(async () => {
  document.body.style.margin = '0'; // as theme.css has it
  await setViewport({ width: 1400, height: 900 });
});
afterEach(() => document.querySelector('cr-app')?.remove());

describe('compare view', () => {
  it('shows both sources side by side, each with its own scroll and its highlights', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    await until(() => h.doc('left')!.highlighter.count('cr-h0') === 1 && h.doc('right')!.highlighter.count('cr-h0') === 1, 'one highlight per column');
    const [l, r] = [h.scroller('left'), h.scroller('right')];
    expect(l.getBoundingClientRect().right).to.be.at.most(r.getBoundingClientRect().left + 1); // side by side
    expect(l.scrollHeight).to.be.greaterThan(l.clientHeight);
    expect(getComputedStyle(l).overflowY).to.equal('auto');
    expect(l.getBoundingClientRect().bottom).to.be.at.most(innerHeight + 1);
    // Scrolling one column leaves the other where it was.
    const scrolled = new Promise((ok) => l.addEventListener('scroll', ok, { once: true }));
    l.scrollTop = 1500;
    await scrolled;
    await new Promise((ok) => requestAnimationFrame(ok));
    expect(r.scrollTop).to.equal(0);
    // Both scroll containers are labelled, focusable regions.
    for (const el of [l, r]) {
      expect(el.getAttribute('role')).to.equal('region');
      expect(el.tabIndex).to.equal(0);
    }
    expect(l.getAttribute('aria-label')).to.contain('Duvanova & Junisbai 2022');
    expect(r.getAttribute('aria-label')).to.contain('Anisin 2026');
  });

  it('shows the claims beside the passages in view, with stance, relation and where the other evidence lies', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    await h.scrollTo('left', s.dj.id);
    const card = await h.card('left', 'stood down on purpose');
    expect(card.querySelector('.meta .badge')!.textContent).to.contain('asserts');
    const link = card.querySelector('.link')!;
    expect(link.querySelector('.badge')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('⨯ contradicts');
    expect(link.textContent).to.contain('Protesters overwhelmed the security forces');
    expect(link.querySelector('.where')!.textContent).to.match(/Anisin 2026 ¶\d+, right column/);
    // The card sits at the height of its passage (unless another card pushed it down).
    const passage = h.passageRect('left', s.dj.id)!;
    expect(Math.abs(card.getBoundingClientRect().top - passage.top)).to.be.lessThan(4);

    await h.scrollTo('right', s.anisin.id);
    const other = await h.card('right', 'Protesters overwhelmed');
    expect(other.querySelector('.link .badge')!.textContent).to.contain('contradicts');
    expect(other.querySelector('.where')!.textContent).to.match(/Duvanova & Junisbai 2022 ¶\d+, left column/);

    // Scrolled away from the passage, the card leaves the margin.
    h.scroller('left').scrollTop = 0;
    await until(() => h.cards('left').length === 0, 'card gone when its passage is out of view');
    // The margin then offers a way to the nearest claim passage.
    const next = await until(() => [...h.column('left').shadowRoot!.querySelectorAll('.jumps button')].find((b) => b.textContent.includes('Next')) as HTMLButtonElement | undefined, 'next button');
    next.click();
    await until(() => h.inView('left', s.dj.id), 'next claim passage in view');
    await h.card('left', 'stood down on purpose');
  });

  it('reveals the linked evidence in the other column when a claim or link is chosen (keyboard)', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    await h.scrollTo('left', s.dj.id);
    const card = await h.card('left', 'stood down on purpose');
    expect(h.inView('right', s.anisin.id)).to.equal(false);

    // Tab from the column's picker reaches the card (before the text's ¶ links); Enter selects it.
    h.select('left').focus();
    await sendKeys({ press: 'Tab' });
    expect(h.column('left').shadowRoot!.activeElement).to.equal(card.querySelector('button.claim'));
    await sendKeys({ press: 'Enter' });
    await until(() => h.inView('right', s.anisin.id), 'right column scrolled to the linked evidence');
    expect(h.doc('right')!.activeId).to.equal(s.anisin.id);
    expect(h.status('right')).to.contain('No evidence for this claim in Anisin 2026');
    expect(h.status('right')).to.contain('contradicts');
    expect(card.classList.contains('selected')).to.equal(true);

    // The link itself leads there too.
    h.scroller('right').scrollTop = 0;
    await until(() => !h.inView('right', s.anisin.id), 'right column back at the top');
    (card.querySelector('button.link') as HTMLButtonElement).click();
    await until(() => h.inView('right', s.anisin.id), 'link revealed the linked claim’s evidence');
    expect(h.status('right')).to.contain('Protesters overwhelmed');
  });

  it('lists the links between the two sources and shows both ends of one', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    const details = await until(() => h.view.shadowRoot!.querySelector<HTMLDetailsElement>('details.cross'), 'cross links');
    expect(details.querySelector('summary')!.textContent).to.contain('1 link between Duvanova & Junisbai 2022 (left) and Anisin 2026 (right)');
    details.open = true;
    const row = details.querySelector('li button') as HTMLButtonElement;
    expect(row.textContent).to.contain('stood down on purpose');
    expect(row.textContent).to.contain('Protesters overwhelmed');
    expect(row.querySelector('.badge')!.textContent).to.contain('contradicts');
    row.click();
    await until(() => h.inView('left', s.dj.id) && h.inView('right', s.anisin.id), 'both ends in view');
    expect(h.doc('left')!.activeId).to.equal(s.dj.id);
    expect(h.doc('right')!.activeId).to.equal(s.anisin.id);
  });

  it('says so politely when the other source has no evidence', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, KURMASHEV, s.store);
    await h.scrollTo('left', s.dj.id);
    const card = await h.card('left', 'stood down on purpose');
    expect(card.querySelector('.where')!.textContent).to.match(/^Anisin 2026$/);
    (card.querySelector('button.claim') as HTMLButtonElement).click();
    await until(() => h.status('right') === 'No evidence for this claim in Kurmashev et al. 2018.', 'status');
    expect(h.column('right').shadowRoot!.querySelector('.status')!.getAttribute('role')).to.equal('status');
  });

  it('changes a column’s source from its picker, through the route', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    const select = h.select('right');
    expect(select.labels[0]!.textContent).to.contain('Right source');
    select.value = KURMASHEV;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => location.hash === `#/compare/${DJ}/${KURMASHEV}`, 'route');
    await h.ready('right', KURMASHEV);
    expect(h.doc('left')!.doc!.meta.id).to.equal(DJ);
    expect(h.select('right').value).to.equal(KURMASHEV);
    h.select('left').value = ANISIN;
    h.select('left').dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => location.hash === `#/compare/${ANISIN}/${KURMASHEV}`, 'route after the left picker');
    await h.ready('left', ANISIN);
  });

  it('follows the store live, from this tab and another, and lets go of it when closed', async () => {
    const name = testDbName();
    const store = await makeStore({ name: name });
    const live = countSubscriptions(store);
    const h = await CompareHarness.open(DJ, ANISIN, store);
    const empty = await until(() => h.view.shadowRoot!.querySelector('.empty'), 'empty state');
    expect(empty.textContent).to.contain('No claims yet');
    expect(empty.querySelector('a[href="#/claims"]')).to.not.equal(null);

    const s = await seed(store);
    await until(() => !h.view.shadowRoot!.querySelector('.empty'), 'empty state gone');
    await h.scrollTo('left', s.dj.id);
    await h.card('left', 'stood down on purpose');

    // Another tab on the same database adds a claim on the same passage.
    const other = await makeStore({ name: name });
    await other.createClaim({ statement: 'Abish controlled the forces', evidence: { annotation: s.dj.id, stance: 'mentions' } });
    await h.card('left', 'Abish controlled the forces');
    other.close();

    await store.deleteClaims([s.stoodDown.id]);
    await until(() => !h.cards('left').some((c) => c.textContent.includes('stood down on purpose')), 'deleted claim gone');
    expect(live()).to.be.greaterThan(0);
    h.app.remove();
    expect(live()).to.equal(0);
  });

  it('selects by keyboard in a column too, its toolbar whole on screen, and H highlights there', async () => {
    const store = await makeStore();
    const h = await CompareHarness.open(DJ, ANISIN, store);
    const doc = h.doc('left')!;
    const block = doc.doc!.blocks.find((b) => b.numbered && b.n === 3)!;
    const el = doc.textMap!.element(block.id)!;
    el.scrollIntoView({ block: 'center' });
    el.querySelector<HTMLElement>('a.pnum')!.focus();
    for (let i = 0; i < 3; i++) await pressShifted('ArrowRight');
    const bar = await until(() => doc.shadowRoot!.querySelector<HTMLElement>('.toolbar'), 'toolbar');
    await until(() => bar.getBoundingClientRect().left >= 0, 'toolbar on screen');
    expect(bar.getBoundingClientRect().right).to.be.at.most(innerWidth);
    await sendKeys({ press: 'h' });
    const quote = doc.doc!.text.slice(block.start).split(/\s+/).slice(0, 3).join(' ');
    const made = await until(() => [...store.annotations.values()].find((a) => a.target.source === DJ), 'highlight saved');
    expect(made.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).to.equal(quote);
  });

  it('offers only Highlight in a column: C, N, T, E save nothing and say where that is done; H twice highlights once', async () => {
    const store = await makeStore();
    const h = await CompareHarness.open(DJ, ANISIN, store);
    const doc = h.doc('left')!;
    const block = doc.doc!.blocks.find((b) => b.numbered && b.n === 3)!;
    const select = async () => {
      const el = doc.textMap!.element(block.id)!;
      el.scrollIntoView({ block: 'center' });
      el.querySelector<HTMLElement>('a.pnum')!.focus();
      for (let i = 0; i < 3; i++) await pressShifted('ArrowRight');
      return until(() => doc.shadowRoot!.querySelector<HTMLElement>('.toolbar'), 'toolbar');
    };
    const bar = await select();
    expect([...bar.querySelectorAll('button')].map((b) => b.textContent.replace(/[A-Z]$/, ''))).to.deep.equal(['Highlight']);
    const status = () => h.column('left').shadowRoot!.textContent;
    // Each refused key says where it is done and keeps the selection, so H still works on it.
    for (const [key, says] of [['c', 'Claims are made in the reader'], ['n', 'Notes are written in the reader'], ['t', 'Tags are added in the reader'], ['e', 'Evidence is added to claims in the reader']]) {
      await sendKeys({ press: key! });
      await until(() => status().includes(says!), `${key} says where`);
      expect(status()).to.contain('Duvanova & Junisbai 2022, ¶3). Nothing was saved.');
    }
    expect(store.annotations.size).to.equal(0);
    await sendKeys({ press: 'h' });
    await until(() => store.annotations.size === 1, 'highlighted');
    await until(() => h.view.shadowRoot!.querySelector('cr-compare-column') && status().includes('Highlighted.'), 'said');
    await until(() => (h.doc('left')!.placed.length === 1 ? true : null), 'placed');
    await select();
    await sendKeys({ press: 'h' });
    await until(() => status().includes('Already highlighted.'), 'the same passage again');
    expect(store.annotations.size).to.equal(1);
  });

  it('gives the margins\u2019 room to the text while there are no claims, and takes it back for the first one', async () => {
    const store = await makeStore();
    const h = await CompareHarness.open(DJ, ANISIN, store);
    const marginOf = (side: 'left' | 'right') => h.column(side).shadowRoot!.querySelector<HTMLElement>('.margin')!;
    await until(() => marginOf('left').getBoundingClientRect().width === 0 && marginOf('right').getBoundingClientRect().width === 0, 'no margins');
    await claimFrom(store, DJ, 3, 'Elites organised the Almaty violence');
    await until(() => marginOf('left').getBoundingClientRect().width > 100 && marginOf('right').getBoundingClientRect().width > 100, 'margins back');
  });

  it('stacks the columns on narrow screens', async () => {
    await setViewport({ width: 800, height: 900 });
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    const [l, r] = [h.column('left').getBoundingClientRect(), h.column('right').getBoundingClientRect()];
    expect(r.top).to.be.at.least(l.bottom - 1);
    expect(Math.abs(r.left - l.left)).to.be.lessThan(1);
  });

  it('has no axe violations, with claims in both margins', async () => {
    const s = await seed();
    const h = await CompareHarness.open(DJ, ANISIN, s.store);
    await h.scrollTo('left', s.dj.id);
    await h.scrollTo('right', s.anisin.id);
    await h.card('left', 'stood down');
    await h.card('right', 'overwhelmed');
    (h.view.shadowRoot!.querySelector('details.cross') as HTMLDetailsElement).open = true;
    const found = await axeViolations();
    expect(found, found.join('\n')).to.deep.equal([]);
  });
});
