import { expect } from '@open-wc/testing';
import { until, deep, openApp, openReader, selectText, pressKey, makeStore, withStore } from '../helpers.ts';
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { paragraphAt } from '../../../src/corpus/paragraphs.ts';
import type { CrRelated } from '../../../src/components/related/cr-related.ts';
import type { CrCompareView } from '../../../src/components/compare/cr-compare-view.ts';
import '../../../src/components/related/cr-related.ts';

const DJ = 'duvanova-junisbai-2022';
const ANISIN = 'anisin-2026';
const QUOTE = 'the security forces, under the control of Abish, were de-mobilized at an opportune moment, leaving the city abandoned';
const client = new CorpusClient('/corpus/build/');

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li')];

afterEach(() => {
  document.querySelector('cr-app')?.remove();
  document.querySelector('cr-store-provider')?.remove();
});

describe('related passages', () => {
  it('R on a selection lists passages of the other sources, focused, each opening the pair side by side at both ¶s', async () => {
    const { reader, doc } = await openReader(DJ);
    const text = doc.doc!.text;
    const start = text.indexOf(QUOTE);
    await selectText(doc, start, start + QUOTE.length);
    pressKey('r');
    const related = await until(() => deep(reader, 'cr-related') as CrRelated | null, 'related list');
    const list = await until(() => (items(related).length ? items(related) : null), 'passages listed');
    expect(list.every((li) => li.dataset['source'] !== DJ)).to.equal(true);
    // Anisin on police units collapsing (¶50) is among them: the pair the issue names.
    const collapse = list.find((li) => li.dataset['source'] === ANISIN && li.dataset['paragraph'] === '50');
    if (!collapse) throw new Error(`Anisin ¶50 not listed: ${list.map((li) => `${li.dataset['source']} ¶${li.dataset['paragraph']}`).join(', ')}`);
    expect(collapse.querySelector('.cite')!.textContent).to.equal('(Anisin 2026, ¶50)');
    expect(collapse.querySelector('blockquote')!.textContent.length).to.be.greaterThan(20);
    // Focus went to the list, so Tab reaches its links next.
    await until(() => related.shadowRoot!.activeElement?.tagName === 'SECTION', 'list focused');
    const ownP = paragraphAt(doc.doc!.blocks, start);
    const pair = collapse.querySelector<HTMLAnchorElement>('a[href^="#/compare/"]')!;
    expect(pair.getAttribute('href')).to.equal(`#/compare/${DJ}/${ANISIN}/p/${ownP}/50`);
    const href = pair.getAttribute('href')!;

    // Close gives focus back to the passage the list was for.
    [...related.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click();
    const own = doc.textMap!.element(doc.doc!.blocks.find((b) => b.start <= start && start < b.end)!.id)!;
    await until(() => doc.shadowRoot!.activeElement === own, 'focus on the passage');
    expect(deep(reader, 'cr-related')).to.equal(null);

    // Open side by side: both columns scrolled to their ¶, the left one focused.
    (document.activeElement as HTMLElement | null)?.blur();
    location.hash = href;
    const app = document.querySelector('cr-app')!;
    await customElements.whenDefined('cr-compare-view'); // the compare view is loaded when first opened
    const view = await until(() => deep(app, 'cr-compare-view') as CrCompareView | null, 'compare view', 10000);
    for (const [side, n] of [['left', ownP], ['right', 50]] as const) {
      const column = await until(() => view.column(side), `${side} column`);
      const el = await until(() => deep(column, 'cr-document')?.shadowRoot?.querySelector(`[data-n="${n}"]`) ?? null, `${side} ¶${n}`);
      await until(() => {
        const box = column.scrollContainer.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return column.scrollContainer.scrollTop > 0 && r.top >= box.top - 1 && r.top < box.bottom;
      }, `${side} column scrolled to ¶${n}`);
      if (side === 'left') await until(() => deep(column, 'cr-document')!.shadowRoot!.activeElement === el, 'the left ¶ focused: keys go on from there');
    }
  });

  it('an opened annotation offers its related passages; one click lists them', async () => {
    const store = await makeStore();
    const dj = await client.document(DJ);
    const start = dj.text.indexOf(QUOTE);
    const annotation = (await store.createAnnotation({ target: targetFor(dj, start, start + QUOTE.length) })).value;
    const { reader, panel } = await openReader(DJ, store);
    const card = await until(() => panel.shadowRoot!.querySelector<HTMLElement>(`[data-id="${annotation.id}"] button.quote`), 'card');
    card.click();
    const offer = await until(() => reader.shadowRoot!.querySelector<HTMLButtonElement>('button.related-offer'), 'offer of related passages');
    expect(deep(reader, 'cr-related')).to.equal(null); // nothing searched until asked
    offer.click();
    const related = await until(() => deep(reader, 'cr-related') as CrRelated | null, 'related list');
    await until(() => items(related).some((li) => li.dataset['source'] === ANISIN && li.dataset['paragraph'] === '50'), 'Anisin ¶50 listed');
    await until(() => related.shadowRoot!.activeElement?.tagName === 'SECTION', 'list focused');
  });

  it('an opened claim offers Add as evidence; one action adds passage and evidence, and Undo takes both back', async () => {
    const store = await makeStore();
    const dj = await client.document(DJ);
    const start = dj.text.indexOf(QUOTE);
    const { claim } = (await store.createClaimFromPassage({ target: targetFor(dj, start, start + QUOTE.length) }, { statement: 'The security forces stood down on purpose', stance: 'asserts' })).value;
    const app = await openApp(`#/claims/${claim.id}`, store);
    const related = await until(() => deep(app, 'cr-claims-view', `cr-claim-card[data-id="${claim.id}"]`, 'cr-related') as CrRelated | null, 'related in the claim', 10000);
    const first = await until(() => items(related).find((li) => li.dataset['source'] !== DJ) ?? null, 'a passage of another source');
    const against = [...first.querySelectorAll('button')].find((b) => b.textContent === 'Add as evidence: against')!;
    expect(against.getAttribute('aria-label')).to.match(/^Add \(.+, ¶\d+\) as evidence against the claim$/);
    const annotations = store.annotations.size;
    against.click();
    await until(() => store.getClaim(claim.id)!.evidence.length === 2, 'evidence added');
    const added = store.evidenceOf(claim.id)[1]!;
    expect(added.stance).to.equal('argues-against');
    expect(added.annotation.target.source).to.equal(first.dataset['source']);
    expect(store.annotations.size).to.equal(annotations + 1);
    await until(() => first.querySelector('.hint')?.textContent?.includes('Evidence of this claim (against)'), 'item says it is evidence now');
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('as evidence against the claim');
    toast.querySelector('button')!.click();
    await until(() => store.getClaim(claim.id)!.evidence.length === 1 && store.annotations.size === annotations, 'one undo takes both back');
  });

  it('says so when nothing in the other sources is similar, and closes with Escape', async () => {
    const store = await makeStore();
    const el = document.createElement('cr-related');
    el.entries = await client.index();
    el.documents = (id) => client.document(id);
    el.source = DJ;
    el.quote = 'Photosynthesis in alpine meadows converts sunlight';
    await withStore(store, document.body, el);
    await until(() => el.shadowRoot!.querySelector('p.hint')?.textContent === 'Nothing similar found in the other sources.', 'empty state');
    let closed = false;
    el.addEventListener('cr-related-close', () => (closed = true));
    el.shadowRoot!.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closed).to.equal(true);
  });
});
