// Layers in the claims view (ADR 0013): a legend names both layers; another layer's claim says
// whose it is, offers no control that would change it, and lets the reader link a claim of theirs to it.
import { expect } from '@open-wc/testing';
import { axeViolations, makeStore } from '../helpers.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';
import type { CrLinkDialog } from '../../../src/components/claims/cr-link-dialog.ts';
import { layerColour } from '../../../src/components/shared/layer-colours.ts';
import { $, $$, card, dialogOf, expand, focused, isOpen, mount, press, tabUntil, type, until } from '../claims/harness.ts';
import { twoLayers } from './harness.ts';

let store: CrossreadStore | undefined;
before(() => (document.title = 'Claims — Crossread')); // as the app names the page
afterEach(() => {
  document.querySelector('main.test')?.remove();
  store = undefined;
});

describe('layers in the claims view', () => {
  it('shows no legend while the reader’s own work is all there is', async () => {
    store = await makeStore();
    const view = await mount(store);
    const legend = $(view, 'cr-layer-legend')!;
    await (legend as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(legend.hidden).to.equal(true);
    expect(legend.shadowRoot!.querySelector('li')).to.equal(null);
  });

  it('names both layers in a legend, and marks the other layer’s claim with its colour and name', async () => {
    const two = await twoLayers();
    store = two.store;
    const view = await mount(store);
    const legend = $(view, 'cr-layer-legend')!;
    const entries = await until(() => {
      const li = [...legend.shadowRoot!.querySelectorAll<HTMLElement>('li.layer-entry')];
      return li.length === 2 ? li : undefined;
    }, 'two legend entries');
    expect(entries.map((li) => li.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['Bo (you)', 'Ana Student']);
    const swatch = entries[1]!.querySelector<HTMLElement>('.layer-swatch')!;
    const ana = store.layers().find((l) => !l.local)!;
    expect(swatch.style.background).to.equal(toRgb(layerColour(ana.colour)));

    const theirs = await card(view, two.theirs.id);
    expect($(theirs, '.layer-tag')!.textContent).to.contain('Ana’s map');
    expect($(theirs, 'article')!.style.borderLeftColor).to.equal(toRgb(layerColour(ana.colour)));
    const mine = await card(view, two.mine.id);
    expect($(mine, '.layer-tag')).to.equal(null);
    expect(await axeViolations()).to.deep.equal([]);
  });

  it('offers no Edit, Delete, Merge or stance controls on the other layer’s claim, but a read-only line', async () => {
    const two = await twoLayers();
    store = two.store;
    const view = await mount(store);
    const theirs = await expand(view, two.theirs.id);
    expect($(theirs, '.read-only')!.textContent).to.contain('From Ana’s map (read-only)');
    expect($(theirs, 'button.edit')).to.equal(null);
    expect($(theirs, '[data-intent=delete]')).to.equal(null);
    expect($(theirs, '[data-intent=merge]')).to.equal(null);
    expect($(theirs, 'select[name=stance]')).to.equal(null);
    expect($$(theirs, 'button').map((b) => b.textContent.trim())).to.not.include('Remove');
    // So is Ana's event, in the events list beside the claims.
    const manager = $(view, 'cr-events-manager')!;
    const event = await until(() => $(manager, `li[data-event="${two.theirs.events[0]}"]`), 'Ana’s event');
    expect(event.querySelector('.read-only')!.textContent).to.contain('From Ana’s map (read-only)');
    expect(event.querySelector('button')).to.equal(null);
    // The reader's own claim keeps every control.
    const mine = await expand(view, two.mine.id);
    expect($(mine, 'button.edit')).to.not.equal(null);
    expect($(mine, '[data-intent=delete]')).to.not.equal(null);
    expect($(mine, 'select[name=stance]')).to.not.equal(null);
    expect(await axeViolations()).to.deep.equal([]);
  });

  it('links a claim of the reader’s own to the other layer’s claim, by keyboard; the link is the reader’s', async () => {
    const two = await twoLayers();
    store = two.store;
    const view = await mount(store);
    const theirs = await expand(view, two.theirs.id);
    $(theirs, '#statement')!.focus();
    const button = await tabUntil((el) => (el as HTMLElement).dataset['intent'] === 'link', 'Link a claim of mine…');
    expect(button.textContent).to.contain('Link a claim of mine');
    await press('Enter');
    const dialog = dialogOf<CrLinkDialog>(view, 'cr-link-dialog');
    await until(() => isOpen(dialog) && focused()?.getAttribute('role') === 'combobox', 'dialog open on the picker');
    expect(dialog.shadowRoot!.querySelector('h2')!.textContent).to.equal('Link a claim of yours to this one');
    // Ana's own claim is not offered: only the reader's claims can link from.
    await type('CSTO');
    const input = focused() as HTMLInputElement;
    const picker = dialog.shadowRoot!.querySelector('cr-claim-picker')!;
    await until(() => picker.shadowRoot!.querySelector('.none'), 'no match among the reader’s claims');
    input.select();
    await type('Elites');
    await until(() => picker.shadowRoot!.querySelector('[role=option]'), 'the reader’s claim offered');
    await press('Enter');
    await tabUntil((el) => el.textContent === 'Save link', 'Save');
    await press('Enter');
    await until(() => !isOpen(dialog), 'dialog closed');
    const links = [...store.links.values()];
    expect(links.map((l) => [l.from, l.to, l.layer])).to.deep.equal([[two.mine.id, two.theirs.id, store.localLayer]]);
  });
});

/** A CSS colour as an inline style reports it back (`rgb(…)` for a hex colour). */
function toRgb(colour: string): string {
  const el = document.createElement('span');
  el.style.color = colour;
  return el.style.color;
}
