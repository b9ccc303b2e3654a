import { expect } from '@open-wc/testing';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { mapSvg } from '../../../src/components/map/map-files.ts';
import { pngOf } from '../../../src/components/map/map-export.ts';
import { wrapLabel } from '../../../src/components/map/geometry.ts';
import { makeStore } from '../helpers.ts';
import { $, $$, canvasOf, choose, claimFrom, drawn, drawnIds, mountMap, nodeOf, placeOf, seed, until, warmLayout } from './harness.ts';

let store: CrossreadStore;
before(async function () {
  this.timeout(90000);
  await warmLayout();
});
afterEach(() => {
  document.querySelector('main.test')?.remove();
});

describe('cr-map-view drawing', () => {
  it('draws the claims made in the test: statement as text, a marker per source, passages, a mark for a passage against', async () => {
    store = await makeStore();
    const { a, b, c, d } = await seed(store);
    const against = await claimFrom(store, 'kurmashev-et-al-2018', 6, 'Terrorism is the main threat to Kazakhstan', { stance: 'argues-against' });
    await store.createLink({ relation: 'contradicts', from: a.id, to: b.id });
    await store.createLink({ relation: 'supports', from: d.id, to: a.id });
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id, against.id]);
    const node = nodeOf(canvas, a.id)!;
    expect(node.querySelector('text.label')!.textContent).to.equal(wrapLabel(a.statement).join(' '));
    const decor = (id: string) => nodeOf(canvas, id)!.nextElementSibling!;
    expect(decor(a.id).querySelectorAll('.marker').length).to.equal(1);
    expect(decor(a.id).querySelector('.count text')!.textContent).to.equal('❝1');
    expect(node.getAttribute('aria-label')).to.equal(`${a.statement}. Sources: Duvanova & Junisbai 2022. 1 passage. 2 links.`);
    expect(decor(a.id).querySelector('.against-mark')).to.equal(null);
    expect(decor(against.id).querySelector('.against-mark')).not.to.equal(null);
    // The contradiction joins claims made in two sources: it is drawn heavier, without arrowhead; support has one.
    const edges = $$<SVGGElement>(canvas, 'g.edge');
    expect(edges.map((e) => [...e.classList].filter((x) => ['supports', 'contradicts', 'cross'].includes(x)).join(' ')).sort()).to.deep.equal(['contradicts cross', 'supports']);
    expect(edges.find((e) => e.classList.contains('contradicts'))!.querySelector('.line')!.hasAttribute('marker-end')).to.equal(false);
    expect(edges.find((e) => e.classList.contains('supports'))!.querySelector('.line')!.getAttribute('marker-end')).to.equal('url(#arrow-supports)');
    expect($(view, '.legend')!.textContent).to.contain('contradiction across sources');
    expect(canvas.shadowRoot!.querySelector('svg.map')!.getAttribute('aria-label')).to.equal('Argument map: 5 claims, 2 links');
  });

  it('follows the store by its diffs: a new claim is added without moving or redrawing the others', async () => {
    store = await makeStore();
    const { a, b, c, d } = await seed(store);
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    const before = new Map([a, b, c, d].map((x) => [x.id, nodeOf(canvas, x.id)!]));
    const places = new Map([...before].map(([id, el]) => [id, placeOf(el)]));
    const e = await claimFrom(store, 'anisin-2026', 9, 'Police units collapsed');
    await until(() => nodeOf(canvas, e.id), 'new node drawn', 20000);
    for (const [id, el] of before) {
      expect(nodeOf(canvas, id), 'same element').to.equal(el);
      expect(placeOf(el)).to.deep.equal(places.get(id));
    }
    await store.updateClaim(b.id, { statement: 'The CSTO came because the regime asked for it' });
    await until(() => nodeOf(canvas, b.id)!.textContent.includes('asked for it'), 'statement redrawn');
    expect(nodeOf(canvas, b.id)).to.equal(before.get(b.id));
    await store.deleteClaims([c.id]);
    await until(() => !nodeOf(canvas, c.id), 'deleted claim gone');
    expect(drawnIds(canvas).sort()).to.deep.equal([a.id, b.id, d.id, e.id].sort());
  });

  it('filters by source, tag and relation, says when nothing matches, and clears', async () => {
    store = await makeStore();
    const { a, b, c, d } = await seed(store);
    await store.createLink({ relation: 'contradicts', from: a.id, to: b.id });
    await store.createLink({ relation: 'supports', from: d.id, to: a.id });
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    const select = (name: string) => $<HTMLSelectElement>(view, `select[name=${name}]`)!;
    choose(select('source'), 'anisin-2026');
    await until(() => drawnIds(canvas).length === 2, 'source filter');
    expect(drawnIds(canvas).sort()).to.deep.equal([b.id, d.id].sort());
    expect($(view, '.shown')!.textContent).to.equal('Showing 2 of 4 claims');
    choose(select('source'), '');
    choose(select('relation'), 'supports');
    await until(() => $$(canvas, 'g.edge').length === 1, 'relation filter');
    expect($(canvas, 'g.edge')!.classList.contains('supports')).to.equal(true);
    choose(select('relation'), '');
    choose(select('tag'), 'CSTO');
    await until(() => drawnIds(canvas).length === 1, 'tag filter');
    choose(select('source'), 'kurmashev-et-al-2018');
    const empty = await until(() => $(view, '.empty'), 'empty state');
    expect(empty.textContent).to.contain('No claim matches these filters');
    expect(empty.querySelector('a[href="#/claims"]')).not.to.equal(null);
    empty.querySelector('button')!.click();
    const again = await canvasOf(view);
    await until(() => drawnIds(again).length === 4, 'filters cleared');
  });

  it('clusters by source on request, without touching the stored map, and back', async () => {
    store = await makeStore();
    const { a, b, c, d } = await seed(store);
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    const stored = await until(() => (store.mapPositions().size === 4 ? new Map(store.mapPositions()) : null), 'stored');
    choose($<HTMLSelectElement>(view, 'select[name=cluster]')!, 'source');
    await until(() => $$(canvas, 'g.cluster').length === 3, 'three source clusters');
    expect($$(canvas, 'g.cluster text').map((t) => t.textContent).sort()).to.deep.equal(['Anisin 2026', 'Duvanova & Junisbai 2022', 'Kurmashev et al. 2018']);
    // Each claim lies inside the frame of the source that makes it.
    const frame = (label: string) => $$(canvas, 'g.cluster').find((g) => g.querySelector('text')!.textContent === label)!.querySelector('rect')!;
    const inside = (id: string, label: string) => {
      const n = nodeOf(canvas, id)!.querySelector('.box')!.getBoundingClientRect();
      const f = frame(label).getBoundingClientRect();
      return n.left >= f.left && n.right <= f.right && n.top >= f.top && n.bottom <= f.bottom;
    };
    await until(() => inside(b.id, 'Anisin 2026') && inside(d.id, 'Anisin 2026') && inside(a.id, 'Duvanova & Junisbai 2022'), 'claims in their frames');
    expect(new Map(store.mapPositions())).to.deep.equal(stored);
    choose($<HTMLSelectElement>(view, 'select[name=cluster]')!, 'none');
    await until(() => $$(canvas, 'g.cluster').length === 0, 'no clusters');
    await until(() => [a, b, c, d].every((x) => JSON.stringify(placeOf(nodeOf(canvas, x.id)!)) === JSON.stringify(stored.get(x.id))), 'back where stored');
  });

  it('says there are no claims yet, with the way to make one', async () => {
    store = await makeStore();
    const view = await mountMap(store);
    const empty = await until(() => $(view, '.empty'), 'empty state');
    expect(empty.textContent).to.contain('No claims to map yet');
    expect(empty.querySelector('a[href="#/claims"]')).not.to.equal(null);
    expect($(view, 'cr-map-canvas')).to.equal(null);
  });

  it('exports a valid, self-contained SVG with every label as text, and a PNG of it', async () => {
    store = await makeStore();
    const claims = Object.values(await seed(store));
    await store.createLink({ relation: 'qualifies', from: claims[0]!.id, to: claims[2]!.id });
    const view = await mountMap(store);
    const canvas = await drawn(view, claims.map((c) => c.id));
    const text = mapSvg(canvas);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).to.match(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent.trim());
    for (const c of claims) expect(texts, c.statement).to.include(wrapLabel(c.statement).join(' '));
    // Self-contained: colours inline, no classes, no link to a stylesheet.
    expect(doc.querySelector('[class]')).to.equal(null);
    expect(doc.querySelector('polyline')!.getAttribute('style')).to.match(/stroke:\s*rgb/);
    expect(text).not.to.contain('var(--');
    const png = await pngOf(text, 1);
    expect(png.type).to.equal('image/png');
    const bitmap = await createImageBitmap(png);
    expect(bitmap.width).to.be.greaterThan(200);
  });
});
