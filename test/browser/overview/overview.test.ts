import { expect } from '@open-wc/testing';
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import type { CrOverview } from '../../../src/components/overview/cr-overview.ts';
import type { DocModel } from '../../../src/corpus/types.ts';
import type { Claim, CrossreadStore, IncomingRecord } from '../../../src/store/index.ts';
import { axeViolations, catchDownloads, deep, makeStore, openApp, openReader, until } from '../helpers.ts';

const DJ = 'duvanova-junisbai-2022';
const client = new CorpusClient('/corpus/build/');

// Real passages of Duvanova & Junisbai 2022 (as in the sample seminar map).
const STOOD = 'Second, the security forces, under the control of Abish, were de-mobilized at an opportune moment, leaving the city abandoned, rather than reinforced, in its hour of need.';
const DISLOYAL = 'Well aware of the disloyalty of his own security services, Tokayev had no other choice.';
const LABEL = 'By labeling protestors international terrorists, Tokayev sought to justify the use of military force against unarmed civilians and subsequent repression.';

async function claim(store: CrossreadStore, doc: DocModel, quote: string, statement: string): Promise<Claim> {
  const start = doc.text.indexOf(quote);
  return (await store.createClaimFromPassage({ target: targetFor(doc, start, start + quote.length) }, { statement, stance: 'asserts' })).value.claim;
}

/** A student's map, made in a profile of their own (so a layer of its own), as the records its file brings. */
async function studentMap(doc: DocModel, name: string, statements: { stood: string; disloyal: string }, relation: 'supports' | 'contradicts', extra?: string): Promise<IncomingRecord[]> {
  const s = await makeStore();
  await s.setCreatorName(name);
  const stood = await claim(s, doc, STOOD, statements.stood);
  const disloyal = await claim(s, doc, DISLOYAL, statements.disloyal);
  await s.createLink({ relation, from: stood.id, to: disloyal.id, rationale: `${name}'s reading` });
  if (extra) await claim(s, doc, LABEL, extra);
  return [
    ...[...s.annotations.values()].map((record) => ({ collection: 'annotations' as const, record })),
    ...[...s.claims.values()].map((record) => ({ collection: 'claims' as const, record })),
    ...[...s.links.values()].map((record) => ({ collection: 'links' as const, record })),
  ];
}

/** The instructor's own map and two students' maps brought in through the one door. */
async function seminar(): Promise<CrossreadStore> {
  const doc = await client.document(DJ);
  const store = await makeStore();
  await store.setCreatorName('Dr. Example');
  const stood = await claim(store, doc, STOOD, 'Security forces under Abish were stood down on purpose');
  const disloyal = await claim(store, doc, DISLOYAL, 'Tokayev called in the CSTO because his security services were disloyal');
  await store.createLink({ relation: 'supports', from: stood.id, to: disloyal.id });
  await store.receive({ put: await studentMap(doc, 'Ann', { stood: 'Abish demobilised the security forces', disloyal: 'Tokayev distrusted his services' }, 'contradicts', 'Terrorism was a pretext') }, 'import');
  await store.receive({ put: await studentMap(doc, 'Ben', { stood: 'Security forces under Abish were stood down on purpose!', disloyal: 'Tokayev did not trust his own security services' }, 'supports') }, 'import');
  return store;
}

const section = (view: CrOverview, id: string) => view.shadowRoot!.querySelector(`section[aria-labelledby=${id}]`)!;

describe('class overview', () => {
  it('asks for students\u2019 maps when there are none', async () => {
    const app = await openApp('#/overview', await makeStore());
    const view = await until(() => deep(app, 'cr-overview') as CrOverview | null, 'overview');
    const empty = await until(() => view.shadowRoot?.querySelector('.empty'), 'empty state');
    expect(empty.textContent).to.contain('Import students\u2019 maps (Settings › Import) to compare them here');
    expect(view.shadowRoot!.querySelector('[data-export]')).to.equal(null);
  });

  it('shows the passages students marked, the claims they share and the links that disagree; exports them; opens the reader with the heat strip', async () => {
    const store = await seminar();
    const app = await openApp('#/overview', store);
    const view = await until(() => deep(app, 'cr-overview') as CrOverview | null, 'overview');
    await until(() => view.shadowRoot?.querySelector('section'), 'sections');
    expect(app.shadowRoot!.querySelector('nav a[aria-current=page]')?.textContent).to.equal('Class');
    expect(view.shadowRoot!.querySelector('.sub')?.textContent).to.match(/Compared with the map of\s+Dr\. Example \(you, instructor\) · 2 students:\s+Ann,\s+Ben/);

    const passages = [...section(view, 'passages').querySelectorAll('ol.passages > li')];
    expect(passages.map((li) => li.querySelector('.count')!.textContent)).to.deep.equal(['Marked by 2 of 2 students', 'Marked by 2 of 2 students', 'Marked by 1 of 2 students']);
    expect(passages[0]!.querySelector('blockquote')!.textContent).to.equal(STOOD);
    expect(passages[0]!.querySelector('.names')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('Ann, Ben');

    const groups = [...section(view, 'shared').querySelectorAll('ol.groups > li')];
    expect(groups).to.have.length(2);
    expect(groups[0]!.querySelector('.why')!.textContent).to.contain('Same passage · Near-identical wording · 3 maps');
    expect([...groups[1]!.querySelectorAll('ul li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Dr. Example (you, instructor): Tokayev called in the CSTO because his security services were disloyal',
      'Ann: Tokayev distrusted his services',
      'Ben: Tokayev did not trust his own security services',
    ]);

    const disagreements = [...section(view, 'disagree').querySelectorAll('ol.disagreements > li')];
    expect(disagreements).to.have.length(1); // Ben agrees with the instructor; Ann does not
    const sides = [...disagreements[0]!.querySelectorAll('.side')].map((s) => s.textContent.replace(/\s+/g, ' ').trim());
    expect(sides[0]).to.match(/^Dr\. Example \(you, instructor\) .*▲ supports/);
    expect(sides[1]).to.match(/^Ann “Abish demobilised the security forces” ⨯ contradicts “Tokayev distrusted his services” Ann's reading$/);
    expect(await axeViolations()).to.deep.equal([]);

    const button = (kind: string) => view.shadowRoot!.querySelector<HTMLButtonElement>(`[data-export=${kind}]`)!;
    const [md] = await catchDownloads(() => button('markdown').click());
    expect(md!.name).to.equal('class-overview.md');
    expect(await md!.text).to.contain('### Duvanova & Junisbai 2022, ¶10: 2 of 2 students');
    const [csv] = await catchDownloads(() => button('csv').click());
    expect(csv!.name).to.equal('class-overview.csv');
    expect((await csv!.text).split('\r\n')[1]).to.match(/^passage,1,Ann; Ben,student,Duvanova & Junisbai 2022,10,2,2,/);

    // The ¶ opens in the reader, the heat strip beside it.
    const link = passages[0]!.querySelector<HTMLAnchorElement>('.meta a')!;
    expect(link.getAttribute('href')).to.equal(`#/read/${DJ}/p/10?heat`);
    link.click();
    const reader = await until(() => deep(app, 'cr-reader'), 'reader');
    const doc = await until(() => deep(reader, 'cr-document'), 'document');
    const strips = await until(() => {
      const found = [...doc.shadowRoot!.querySelectorAll('.heat-strip')];
      return found.length === 3 ? found : null;
    }, 'heat strips');
    const stood = strips.find((s) => s.parentElement!.querySelector('.pnum')?.textContent === '10')!;
    expect(stood.getAttribute('aria-label')).to.equal('Marked by 2 of 2 students');
    expect(stood.getAttribute('role')).to.equal('img');
    expect(reader.shadowRoot!.querySelector('.heat-toggle a')!.textContent).to.contain('Hide how many students marked each ¶');
  });

  it('shows the heat strip in the reader only when asked, and offers it only with students\u2019 maps', async () => {
    const store = await seminar();
    const { reader, root } = await openReader(DJ, store);
    const toggle = await until(() => reader.shadowRoot!.querySelector<HTMLAnchorElement>('.heat-toggle a'), 'toggle');
    expect(root.querySelector('.heat-strip')).to.equal(null);
    expect(toggle.getAttribute('href')).to.equal(`#/read/${DJ}?heat`);
    toggle.click();
    await until(() => root.querySelectorAll('.heat-strip').length === 3, 'strips shown');
    expect(root.querySelector('.heat-strip')!.hasAttribute('data-nontext')).to.equal(true); // apparatus: never in a quote or a copy

    const alone = await makeStore();
    const own = await openReader(DJ, alone);
    await own.reader.updateComplete;
    expect(own.reader.shadowRoot!.querySelector('.heat-toggle')).to.equal(null);
  });
});
