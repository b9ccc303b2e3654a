import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { paragraphAt } from '../../../src/corpus/paragraphs.ts';
import type { CrEventsView } from '../../../src/components/events/cr-events-view.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { axeViolations, deep, makeStore, openApp, until } from '../helpers.ts';
import { ANISIN, DJ, KURMASHEV, annotate } from '../compare/harness.ts';
import { target } from '../../node/store-fixtures.ts';

/**
 * An event with passages and claims in two of the three sources: Duvanova & Junisbai (a claim
 * filed under it) and Anisin (a passage filed under it, with a claim made from it), the claims
 * contradicting each other; Kurmashev et al. has a passage, but on something else.
 */
async function seedEvent(store: CrossreadStore) {
  const event = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
  const dj = await annotate(store, DJ, 'the security forces, under the control of Abish', 'in its hour of need');
  const anisin = await annotate(store, ANISIN, 'the CSTO was sent in when protesters', 'security forces and police');
  await store.updateAnnotation(anisin.annotation.id, { events: [event.id] });
  await annotate(store, KURMASHEV, 'Kazakhstan', 'Kazakhstan');
  const stoodDown = (await store.createClaim({ statement: 'Security forces in Almaty were stood down on purpose', evidence: { annotation: dj.annotation.id, stance: 'asserts' }, events: [event.id] })).value;
  const overwhelmed = (await store.createClaim({ statement: 'Protesters overwhelmed the security forces in Almaty', evidence: { annotation: anisin.annotation.id, stance: 'asserts' } })).value;
  await store.createLink({ relation: 'contradicts', from: stoodDown.id, to: overwhelmed.id, rationale: 'Stood down, or overrun?' });
  const paragraph = (x: typeof dj) => paragraphAt(x.doc.blocks, x.annotation.target.selector[1].start)!;
  return { event, dj, anisin, stoodDown, overwhelmed, djParagraph: paragraph(dj), anisinParagraph: paragraph(anisin) };
}

const $ = <E extends Element = HTMLElement>(root: Element, s: string) => root.shadowRoot!.querySelector<E>(s);
const $$ = <E extends Element = HTMLElement>(root: Element, s: string) => [...root.shadowRoot!.querySelectorAll<E>(s)];

async function openView(hash: string, store: CrossreadStore): Promise<CrEventsView> {
  const app = await openApp(hash, store);
  await customElements.whenDefined('cr-events-view');
  return until(() => deep(app, 'cr-events-view') as CrEventsView | null, 'events view', 10000);
}

beforeEach(async () => {
  document.body.style.margin = '0';
  await setViewport({ width: 1400, height: 900 });
});
afterEach(() => document.querySelector('cr-app')?.remove());

describe('compare by event', () => {
  it('is reached from the events manager and shows one column per source, “Not discussed” exactly where true', async () => {
    const store = await makeStore();
    const s = await seedEvent(store);
    const app = await openApp('#/claims', store);
    const manager = await until(() => deep(app, 'cr-claims-view', 'cr-events-manager'), 'events manager', 10000);
    const link = await until(() => $<HTMLAnchorElement>(manager, `li[data-event="${s.event.id}"] a`), 'compare link');
    expect(link.textContent).to.equal('Compare sources on this event');
    link.click();
    await until(() => location.hash === `#/events/${s.event.id}`, 'route');
    await customElements.whenDefined('cr-events-view');
    const view = await until(() => deep(app, 'cr-events-view') as CrEventsView | null, 'events view', 10000);
    await until(() => $$(view, 'section.column').length === 3, 'three columns');
    expect($(view, 'h1')!.textContent).to.contain('Almaty violence');
    // Columns in the library's order; only Kurmashev et al. is silent (its passage is on something else).
    const columns = $$(view, 'section.column');
    expect(columns.map((c) => c.dataset.source)).to.deep.equal([ANISIN, DJ, KURMASHEV]);
    expect(columns.map((c) => !!c.querySelector('.silent'))).to.deep.equal([false, false, true]);
    expect(columns[2]!.querySelector('.silent')!.textContent).to.equal('Not discussed.');
    // Each passage with its ¶, once the sources have loaded, and its claim with the stance.
    await until(() => columns[1]!.querySelector('.para')?.textContent === `¶${s.djParagraph}`, 'DJ ¶');
    expect(columns[1]!.querySelector('.passage li')!.textContent).to.contain('asserts').and.contain('stood down on purpose');
    await until(() => columns[0]!.querySelector('.para')?.textContent === `¶${s.anisinParagraph}`, 'Anisin ¶');
    // Filed under the event (Anisin's passage) or only cited by a claim that is (Duvanova & Junisbai's): said in words.
    expect(columns[0]!.querySelector('.passage .mark')!.textContent).to.contain('filed under this event');
    expect(columns[1]!.querySelector('.passage .mark')).to.equal(null);
    // The contradiction between the columns reads at a glance.
    const links = $$(view, 'ul.links li');
    expect(links).to.have.length(1);
    const words = links[0]!.textContent.replace(/\s+/g, ' ');
    expect(words).to.match(/Anisin 2026: Protesters overwhelmed .*contradicts.*Duvanova & Junisbai 2022: Security forces in Almaty were stood down on purpose/);
    // The summary: one claim each, each contradicted by the other, nothing from Kurmashev et al.
    const cell = (row: string, other: string) => $(view, `tr[data-source="${row}"] td[data-other="${other}"]`)!.textContent.replace(/\s+/g, ' ');
    expect(cell(DJ, ANISIN)).to.equal('0 supported / 1 contradicted');
    expect(cell(ANISIN, DJ)).to.equal('0 supported / 1 contradicted');
    expect(cell(KURMASHEV, DJ)).to.equal('0 supported / 0 contradicted');
    expect(await axeViolations()).to.deep.equal([]);
  });

  it('opens a passage in the reader at its ¶', async () => {
    const store = await makeStore();
    const s = await seedEvent(store);
    const view = await openView(`#/events/${s.event.id}`, store);
    const quote = await until(() => {
      const a = $<HTMLAnchorElement>(view, `section[data-source="${DJ}"] a.quote`);
      return a?.getAttribute('href')?.endsWith(`/p/${s.djParagraph}`) ? a : null;
    }, 'passage link with its ¶');
    quote.click();
    await until(() => location.hash === `#/read/${DJ}/p/${s.djParagraph}`, 'reader route');
    const reader = await until(() => deep(document.querySelector('cr-app')!, 'cr-reader') as CrReader | null, 'reader', 10000);
    await until(() => reader.doc?.meta.id === DJ && reader.paragraph === s.djParagraph, 'reader at the ¶');
  });

  it('exports the comparison as Markdown with citations', async () => {
    const store = await makeStore();
    const s = await seedEvent(store);
    const view = await openView(`#/events/${s.event.id}`, store);
    await until(() => $(view, `section[data-source="${ANISIN}"] .para`)?.textContent === `¶${s.anisinParagraph}`, 'paragraphs placed');
    // The download is the link downloadText clicks: take it before the browser does.
    const saved = new Promise<{ name: string; text: Promise<string> }>((resolve) => {
      const take = (e: Event) => {
        const a = e.target;
        if (!(a instanceof HTMLAnchorElement) || !a.download) return; // e.g. the button's own click
        e.preventDefault();
        document.body.removeEventListener('click', take, true);
        resolve({ name: a.download, text: fetch(a.href).then((r) => r.text()) });
      };
      document.body.addEventListener('click', take, true);
    });
    [...view.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Export Markdown')!.click();
    const { name, text } = await saved;
    expect(name).to.equal('almaty-violence-by-source.md');
    const md = await text;
    expect(md).to.contain('# Compare sources on “Almaty violence”');
    expect(md).to.contain(`(Anisin 2026, ¶${s.anisinParagraph})`);
    expect(md).to.contain(`(Duvanova & Junisbai 2022, ¶${s.djParagraph})`);
    expect(md).to.contain('## Kurmashev et al. 2018\n\nNot discussed.');
    expect(md).to.contain('— contradicts —');
  });

  it('switches to a tag with the picker, lists a reader’s own source too, and follows the store', async () => {
    const store = await makeStore();
    const s = await seedEvent(store);
    await store.updateClaim(s.overwhelmed.id, { tags: ['security forces'] });
    // A passage on a file of the reader's own, not open in this tab.
    const own = (await store.createAnnotation({ target: target('user-0a1b2c', 0, 'the police left'), tags: ['security forces'] })).value;
    const view = await openView(`#/events/${s.event.id}`, store);
    await until(() => $$(view, 'section.column').length === 4, 'the reader’s source has a column too');
    const select = $<HTMLSelectElement>(view, 'select[name=topic]')!;
    select.value = 'tag:security forces';
    select.dispatchEvent(new Event('change'));
    await until(() => location.hash === '#/events/tag/security%20forces', 'tag route');
    await until(() => view.tag === 'security forces' && $(view, 'h1')!.textContent.includes('security forces'), 'tag shown');
    const silent = () => $$(view, 'section.column').map((c) => !!c.querySelector('.silent'));
    expect(silent()).to.deep.equal([false, true, true, false]);
    const mine = $(view, 'section[data-source="user-0a1b2c"]')!;
    expect(mine.querySelector('.note')!.textContent).to.contain('not open in this tab');
    expect(mine.querySelector('a')).to.equal(null); // nothing to open it in
    // Another change arrives: the view follows it.
    await store.deleteAnnotations([own.id]);
    await until(() => $$(view, 'section.column').length === 3, 'column gone with its passages');
  });

  it('says what to do when there are no events, and when an event has nothing filed under it', async () => {
    const store = await makeStore();
    let view = await openView('#/events', store);
    await until(() => $(view, '.empty h2')?.textContent === 'No events yet', 'no events');
    const event = (await store.createEvent({ name: 'CSTO deployment', start: '2022-01-06' })).value;
    view = await openView(`#/events/${event.id}`, store);
    await until(() => $(view, '.empty h2')?.textContent === 'Nothing is filed under this event yet', 'nothing filed');
    expect($$(view, 'section.column')).to.have.length(0);
    expect(await axeViolations()).to.deep.equal([]);
  });
});
