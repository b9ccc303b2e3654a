// Layers in the reader, the map and the compare view (ADR 0013): another layer's passages,
// annotations, claims and nodes carry its colour and name; a legend names the layers.
import { expect } from '@open-wc/testing';
import { axeViolations, deep, makeStore, openReader, until } from '../helpers.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { layerColour, paletteIndex } from '../../../src/components/shared/layer-colours.ts';
import { $, drawn, isOpen, mountMap, nodeOf, press } from '../map/harness.ts';
import { notices } from '../claims/harness.ts';
import { ANISIN, annotate, CompareHarness, DJ } from '../compare/harness.ts';
import { everything, twoLayers } from './harness.ts';

/** Ana's layer as the store lists it. */
const anaOf = (store: CrossreadStore) => store.layers().find((l) => !l.local)!;

/** The text of a legend's entries, in a shadow root. */
const legendText = (root: ShadowRoot | Element) =>
  [...root.querySelectorAll('li.layer-entry')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());

afterEach(() => document.querySelector('main.test')?.remove());

/** A colour as the browser writes it back (`rgb(…)`). */
function rgb(colour: string): string {
  const probe = document.createElement('span');
  probe.style.color = colour.trim();
  return probe.style.color;
}

describe('layers in the reader', () => {
  it('underlines the other layer’s passage in its colour and names it on its card, with no Edit or Delete', async () => {
    const { store, theirs } = await twoLayers();
    const ana = anaOf(store);
    const { doc, panel } = await openReader(ANISIN, store);
    const name = `cr-l${paletteIndex(ana.colour)}`;
    await until(() => doc.highlighter.count(name) === 1, 'Ana’s passage underlined in her colour');
    // The rule that draws it, in the document's styles: an underline in the layer's colour.
    const rules = doc.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).map((r) => r.cssText);
    const rule = rules.find((r) => r.startsWith(`::highlight(${name})`))!;
    expect(rule).to.contain('underline').and.contain(rgb(layerColour(ana.colour)));

    const id = store.getClaim(theirs.id)!.evidence[0]!.annotation;
    const card = await until(() => panel.shadowRoot!.querySelector<HTMLElement>(`.card[data-id="${id}"]`), 'Ana’s annotation card');
    expect(card.querySelector('.layer-tag')!.textContent).to.contain('Ana’s map');
    card.click();
    await until(() => card.getAttribute('aria-current') === 'true' && card.querySelector('.read-only'), 'chosen, read-only');
    expect(card.querySelector('.read-only')!.textContent).to.contain('From Ana’s map (read-only)');
    expect([...card.querySelectorAll('button')].map((b) => b.textContent.trim())).to.not.include.members(['Edit', 'Delete']);

    const legend = panel.shadowRoot!.querySelector('cr-layer-legend')!;
    await until(() => legendText(legend.shadowRoot!).length === 2, 'legend of two layers');
    expect(legendText(legend.shadowRoot!)).to.deep.equal(['Bo (you)', 'Ana Student']);
    expect(await axeViolations()).to.deep.equal([]);
  });

  it('leaves the reader’s own passages as they were: no underline, no legend', async () => {
    const store = await makeStore();
    const { annotation } = await annotate(store, ANISIN, 'the CSTO was sent in when protesters', 'security forces and police');
    const { doc, panel } = await openReader(ANISIN, store);
    await until(() => panel.shadowRoot!.querySelector(`.card[data-id="${annotation.id}"]`), 'own card');
    for (let i = 1; i <= 7; i++) expect(doc.highlighter.count(`cr-l${i}`)).to.equal(0);
    expect(panel.shadowRoot!.querySelector('.layer-tag')).to.equal(null);
    expect(panel.shadowRoot!.querySelector<HTMLElement>('cr-layer-legend')!.hidden).to.equal(true);
  });
});

describe('layers on the map', () => {
  it('stripes each node in its layer’s colour, names the layer to screen readers and lists the layers in the legend', async () => {
    const { store, mine, theirs } = await twoLayers();
    const ana = anaOf(store);
    const view = await mountMap(store);
    const canvas = await drawn(view, [mine.id, theirs.id]);
    const stripe = (id: string) => nodeOf(canvas, id)!.nextElementSibling!.querySelector<SVGRectElement>('.layer-stripe')!;
    expect(getComputedStyle(stripe(theirs.id)).fill).to.equal(rgb(layerColour(ana.colour)));
    expect(stripe(mine.id).style.fill).to.equal(layerColour(0)); // the app's accent (no theme sheet here)
    expect(nodeOf(canvas, theirs.id)!.getAttribute('aria-label')).to.contain('From Ana’s map, read-only.');
    expect(nodeOf(canvas, mine.id)!.getAttribute('aria-label')).to.not.contain('From');
    expect(legendText(view.shadowRoot!.querySelector('.legend')!)).to.deep.equal(['Bo (you)', 'Ana Student']);
  });

  it('says the other layer’s claim is read-only when Delete is pressed on its node, and deletes nothing', async () => {
    const { store, theirs } = await twoLayers();
    const view = await mountMap(store);
    const canvas = await drawn(view, [theirs.id]);
    nodeOf(canvas, theirs.id)!.focus();
    notices.length = 0;
    await press('Delete');
    const notice = await until(() => notices.find((n) => n.message.includes('read-only')), 'a read-only notice');
    expect(notice.message).to.equal('This claim is from Ana’s map: it is read-only here.');
    expect(isOpen($(view, 'cr-confirm-dialog')!)).to.equal(false);
    expect(store.getClaim(theirs.id)).to.not.equal(undefined);
  });

  it('draws no stripes while the map holds the reader’s claims only', async () => {
    const { there, theirs } = await twoLayers();
    const view = await mountMap(there);
    const canvas = await drawn(view, [theirs.id]);
    expect(nodeOf(canvas, theirs.id)!.nextElementSibling!.querySelector('.layer-stripe')).to.equal(null);
    expect(view.shadowRoot!.querySelector('.legend li.layer-entry')).to.equal(null);
  });
});

describe('layers in the compare view', () => {
  it('marks the other layer’s margin card and passage with its colour and name', async () => {
    const store = await makeStore();
    const there = await makeStore();
    await there.setCreatorName('Ana');
    const { annotation: dj } = await annotate(there, DJ, 'the security forces, under the control of Abish', 'in its hour of need');
    await there.createClaim({ statement: 'Security forces in Almaty were stood down on purpose', evidence: { annotation: dj.id, stance: 'asserts' } });
    const { annotation: anisin } = await annotate(store, ANISIN, 'the CSTO was sent in when protesters', 'security forces and police');
    await store.createClaim({ statement: 'Protesters overwhelmed the security forces in Almaty', evidence: { annotation: anisin.id, stance: 'asserts' } });
    await store.receive({ put: everything(there) }, 'import');
    const ana = anaOf(store);

    const h = await CompareHarness.open(DJ, ANISIN, store);
    await h.scrollTo('left', dj.id);
    const theirs = await h.card('left', 'stood down');
    expect(theirs.classList.contains('other')).to.equal(true);
    expect(theirs.querySelector('.layer-tag')!.textContent).to.contain('Ana’s map');
    expect(theirs.style.getPropertyValue('--layer')).to.equal(layerColour(ana.colour));
    await h.scrollTo('right', anisin.id);
    const mine = await h.card('right', 'overwhelmed');
    expect(mine.querySelector('.layer-tag')).to.equal(null);
    await until(() => h.doc('left')!.highlighter.count(`cr-l${paletteIndex(ana.colour)}`) === 1, 'Ana’s passage underlined');
    const legend = deep(h.view, 'cr-layer-legend')!;
    await until(() => legendText(legend.shadowRoot!).length === 2, 'legend of two layers');
    expect(await axeViolations()).to.deep.equal([]);
  });
});
