// ADR 0005: every component reaches the store through the context and one controller, which
// follows the store for as long as the component is in the page, wherever it is moved.
import { expect } from '@open-wc/testing';
import { targetFor } from '../../../src/annotate/anchored.ts';
import type { CrStoreProvider } from '../../../src/components/store/cr-store-provider.ts';
import { deep, openReader, until, makeStore } from '../helpers.ts';
import { $, card, claimFrom, mount, shownIds } from '../claims/harness.ts';

afterEach(() => {
  document.querySelector('cr-app')?.remove();
  document.querySelector('main.test')?.remove();
});

describe('reaching the store', () => {
  it('the reader keeps following the store after it is moved in the DOM', async () => {
    const store = await makeStore({}, false);
    const { reader, doc, panel } = await openReader('anisin-2026', store);
    // Moving an element disconnects and reconnects it; it used to stop listening here.
    const box = document.createElement('div');
    reader.parentElement!.append(box);
    box.append(reader);
    await reader.updateComplete;
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 9)!;
    const made = (await store.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 50), note: 'after the move' })).value;
    await until(() => reader.annotations.placed.some((x) => x.annotation.id === made.id), 'placed after the move');
    await until(() => panel.shadowRoot!.querySelector(`[data-id="${made.id}"]`), 'card after the move');
    expect(deep(reader, 'cr-document')).to.equal(doc);
  });

  it('the claims view keeps following the store after it is moved, and follows a new store', async () => {
    const store = await makeStore();
    const view = await mount(store);
    const provider = view.parentElement as CrStoreProvider;
    const box = document.createElement('section');
    provider.append(box);
    box.append(view);
    await view.updateComplete;
    const claim = await claimFrom(store, 'duvanova-junisbai-2022', 3, 'Elites fought each other in Almaty');
    await card(view, claim.id);
    expect(shownIds(view)).to.deep.equal([claim.id]);

    // The provider hands a different store down: the view shows that store's claims instead.
    const other = await makeStore();
    const theirs = await claimFrom(other, 'anisin-2026', 5, 'The CSTO came for a popular uprising');
    provider.store = other;
    await until(() => shownIds(view).join() === theirs.id, 'the other store shown');
    await claimFrom(store, 'anisin-2026', 7, 'Not shown: the first store is no longer followed');
    await claimFrom(other, 'kurmashev-et-al-2018', 4, 'Shown: a change in the store provided now');
    await until(() => shownIds(view).length === 2, 'the new store followed');
    expect($(view, 'h1')!.textContent).to.equal('Claims');
  });
});
