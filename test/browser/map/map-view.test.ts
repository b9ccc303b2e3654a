import { expect } from '@open-wc/testing';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { makeStore } from '../helpers.ts';
import { drawn, mountMap, nodeOf, seed } from './harness.ts';

let store: CrossreadStore;
afterEach(() => {
  document.querySelector('main.test')?.remove();
});

describe('cr-map-view', () => {
  it('draws the claims made in the test, with their statements as text', async () => {
    store = await makeStore();
    const { a, b, c, d } = await seed(store);
    await store.createLink({ relation: 'contradicts', from: a.id, to: b.id });
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    expect(nodeOf(canvas, a.id)!.querySelector('text.label')!.textContent!.replace(/\s+/g, ' ')).to.contain('The violence in Almaty');
    expect(canvas.shadowRoot!.querySelectorAll('g.edge').length).to.equal(1);
  });
});
