import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openApp, openReader, until, deep, makeStore, withStore } from '../helpers.ts';
import { openUserFile } from '../../../src/app/open-file.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';
import type { CrToc } from '../../../src/components/reader/cr-toc.ts';
import { CiteCopiedEvent } from '../../../src/components/shared/events.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

describe('library', () => {
  it('lists the three sources with their metadata and opens one', async () => {
    const app = await openApp('#/');
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    const cards = await until(() => { const c = lib.shadowRoot!.querySelectorAll('li'); return c.length ? c : null; }, 'cards');
    expect(cards.length).to.equal(3);
    const byId = Object.fromEntries([...cards].map((c): [string, HTMLLIElement] => [c.getAttribute('data-id') ?? '', c]));
    const dj = byId['duvanova-junisbai-2022']!;
    expect(dj.querySelector('h2')!.textContent).to.contain('Outsourcing Violence');
    expect(dj.querySelector('.authors')!.textContent).to.equal('Dinissa Duvanova, Barbara Junisbai');
    expect(dj.querySelector('.venue')!.textContent).to.contain('PONARS Eurasia Policy Memo No. 781');
    expect(dj.querySelector('.year')!.textContent).to.equal('2022');
    expect(dj.querySelector('.kind')!.textContent).to.equal('policy memo');
    expect(dj.querySelector('.words')!.textContent).to.match(/^[\d,]+ words$/);
    expect(dj.querySelector('.minutes')!.textContent).to.match(/^\d+ min read$/);
    expect(byId['anisin-2026']!.querySelector('.year')!.textContent).to.equal('2026');
    expect(byId['kurmashev-et-al-2018']!.querySelector('.kind')!.textContent).to.equal('journal article');

    // Opened by the keyboard: focus starts at the source's title, not lost with the library's link.
    (byId['anisin-2026']!.querySelector('h2 a') as HTMLAnchorElement).focus();
    await sendKeys({ press: 'Enter' });
    const reader = await until(() => deep(app, 'cr-reader') as CrReader | null, 'reader after Enter');
    await until(() => reader.doc?.meta.id === 'anisin-2026', 'anisin loaded');
    expect(location.hash).to.equal('#/read/anisin-2026');
    await until(() => reader.shadowRoot!.activeElement?.tagName === 'H1', 'the title focused');
  });
});

describe('reader', () => {
  it('renders headings, the two tables of 001 as real tables', async () => {
    const { root } = await openReader('#/read/kurmashev-et-al-2018');
    expect(root.querySelectorAll('h2').length).to.be.greaterThan(4);
    const tables = root.querySelectorAll('table');
    expect(tables.length).to.equal(2);
    const heads = [...tables].map((t) => [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim()));
    expect(heads[0]).to.deep.equal(['External Factors', 'Internal Factors']);
    expect(heads[1]).to.deep.equal(['Strengths', 'Weaknesses']);
    expect(tables[0]!.querySelectorAll('tbody tr').length).to.be.greaterThan(2);
    expect(root.querySelectorAll('sup.fn').length).to.equal(42);
  });

  it('renders Table 1 of 002 with its row groups, as published', async () => {
    const { root } = await openReader('#/read/anisin-2026');
    const table = root.querySelector('table')!;
    const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    expect(head[0]).to.equal('Case');
    expect(head).to.include('Protest');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));
    const groupAt = (label: string) => rows.findIndex((r) => r[0] === label);
    expect(groupAt('Non-interventions')).to.equal(0);
    expect(table.querySelector('tbody em')!.textContent).to.equal('Non-interventions');
    const belarus = rows.findIndex((r) => r[0] === '2020 Belarus');
    expect(belarus).to.be.greaterThan(groupAt('Interventions'));
    expect(root.querySelectorAll('blockquote').length).to.be.greaterThan(0);
  });

  it('shows the title block with a full citation', async () => {
    const { reader } = await openReader('#/read/duvanova-junisbai-2022');
    const sr = reader.shadowRoot!;
    expect(sr.querySelector('h1')!.textContent).to.contain('Outsourcing Violence');
    expect(sr.querySelector('.cite')!.textContent).to.contain('Duvanova, Dinissa, and Barbara Junisbai. 2022.');
  });

  it('a search\'s words in a table: the cell holding the first is focused, not the table\'s first', async () => {
    const { reader, root } = await openReader('#/read/anisin-2026/p/22/mark/Belarus');
    const cell = await until(() => (reader.doc ? [...root.querySelectorAll('td')].find((td) => td.textContent === '2020 Belarus') : undefined), 'the table');
    await until(() => root.activeElement === cell, 'the cell with the match focused');
    expect(cell.classList.contains('current')).to.equal(true);
    expect(reader.document.currentParagraph).to.equal(22);
    // Without marks, ¶22 is the table from its first cell.
    location.hash = '#/read/anisin-2026/p/21';
    await until(() => reader.paragraph === 21, '¶21');
    location.hash = '#/read/anisin-2026/p/22';
    await until(() => root.activeElement?.textContent === 'Case', 'the table\'s first cell');
  });

  it('navigates by the table of contents and marks the current section', async () => {
    const { reader, doc } = await openReader('#/read/anisin-2026');
    const toc = deep(reader, 'aside cr-toc') as CrToc;
    const links = [...toc.shadowRoot!.querySelectorAll('a')];
    const target = links.find((a) => a.textContent.includes('Research design'))!;
    target.click();
    await reader.updateComplete;
    await toc.updateComplete;
    const heading = doc.textMap!.element(target.dataset['id']!)!;
    const top = heading.getBoundingClientRect().top;
    expect(top).to.be.within(-2, 150);
    await until(() => target.getAttribute('aria-current') === 'true', 'current section marked');
    expect(location.hash).to.match(/^#\/read\/anisin-2026\/p\/\d+$/);
  });

  it('marks the section containing ¶n after a jump to it (deep link, route, paragraph link, contents)', async () => {
    const { reader, doc, root } = await openReader('#/read/anisin-2026/p/5');
    const model = doc.doc!;
    const toc = deep(reader, 'aside cr-toc') as CrToc;
    const marked = () => toc.shadowRoot!.querySelector('a[aria-current="true"]')?.getAttribute('data-id');
    // The section of ¶n, from the model alone: the last heading before the paragraph.
    const sectionOf = (n: number) => {
      const at = model.blocks.findIndex((b) => b.numbered && b.n === n);
      return model.toc.filter((t) => model.blocks.findIndex((b) => b.id === t.id) < at).at(-1)?.id;
    };
    const expectSection = async (n: number) => {
      await until(() => root.querySelector('.current')?.getAttribute('data-n') === String(n), `¶${n} current`);
      await toc.updateComplete;
      await new Promise((r) => requestAnimationFrame(r)); // the scroll spy runs on the next frame
      await new Promise((r) => requestAnimationFrame(r));
      expect(marked(), `section of ¶${n}`).to.equal(sectionOf(n));
    };
    await expectSection(5);
    // The last paragraph of each section: the next heading lies right below it once it is at the top.
    const lasts = model.toc.slice(1).map((t) => model.blocks.findIndex((b) => b.id === t.id))
      .map((i) => model.blocks.slice(0, i).filter((b) => b.numbered).at(-1)?.n)
      .filter((n): n is number => n !== undefined && n > 5);
    expect(lasts.length).to.be.greaterThan(2);
    for (const n of lasts.slice(0, 4)) {
      location.hash = `#/read/anisin-2026/p/${n}`;
      await expectSection(n);
    }
    // Back to an earlier section by its paragraph number in the margin.
    (root.querySelector('a.pnum[href$="/p/5"]') as HTMLAnchorElement).click();
    await expectSection(5);
    // A heading from the contents, then a jump to a paragraph of another section.
    const entry = model.toc.at(-1)!;
    (toc.shadowRoot!.querySelector(`a[data-id="${entry.id}"]`) as HTMLAnchorElement).click();
    await until(() => marked() === entry.id, 'the chosen section');
    location.hash = '#/read/anisin-2026/p/5';
    await expectSection(5);
  });

  it('marks the section of ¶n also when the end of the text keeps ¶n from the top', async () => {
    // A long first section, then two short ones: near the end the page cannot scroll ¶n to the
    // top, so the heading last above the top of the viewport is the previous section's.
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of the first section, long enough to take a few lines of the column when it is set in the reader's measure.`).join('\n\n');
    const md = `# Sections\n\n## First\n\n${long}\n\n## Second\n\nThe only paragraph of the second section.\n\n## Third\n\nThe only paragraph of the third section.`;
    const model = await openUserFile(new File([md], 'sections.md', { type: 'text/markdown' }));
    const reader = document.createElement('cr-reader');
    reader.doc = model;
    await withStore(await makeStore(), document.body, reader);
    const doc = await until(() => deep(reader, 'cr-document') as CrDocument | null, 'document');
    await until(() => doc.textMap, 'text map');
    const toc = deep(reader, 'aside cr-toc') as CrToc;
    const marked = () => toc.shadowRoot!.querySelector('a[aria-current="true"]')?.textContent;
    const para = (text: string) => model.blocks.find((b) => b.numbered && model.text.slice(b.start, b.end).startsWith(text))!.n;
    for (const [section, n] of [['Second', para('The only paragraph of the second')], ['Third', para('The only paragraph of the third')], ['First', para('Paragraph 30 ')]] as const) {
      reader.paragraph = n;
      await until(() => doc.currentParagraph === n, `¶${n} current`);
      await new Promise((r) => requestAnimationFrame(r)); // the scroll spy runs on the next frame
      await new Promise((r) => requestAnimationFrame(r));
      expect(marked(), `section of ¶${n}`).to.equal(section);
    }
    // Scrolling on lets the position decide again.
    window.scrollTo({ top: 0 });
    await until(() => marked() === 'Sections', 'the first heading after scrolling to the top');
    document.querySelector('cr-store-provider')?.remove();
  });

  it('scrolls a deep link to its paragraph and focuses it', async () => {
    const { doc, root } = await openReader('#/read/anisin-2026/p/30');
    const el = await until(() => root.querySelector('.current'), 'current paragraph');
    expect(el.getAttribute('data-n')).to.equal('30');
    expect(el.getBoundingClientRect().top).to.be.within(-2, 150);
    expect(doc.shadowRoot!.activeElement).to.equal(el);
  });

  it('says so when a link names a paragraph the source does not have, and no toast for one it has', async () => {
    const { root } = await openReader('#/read/duvanova-junisbai-2022/p/3');
    await until(() => root.querySelector('.current')?.getAttribute('data-n') === '3', '¶3');
    const app = document.querySelector('cr-app')!;
    expect(app.shadowRoot!.querySelector('.toast')).to.equal(null);
    location.hash = '#/read/duvanova-junisbai-2022/p/40';
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('This source has no ¶40: its paragraphs are numbered 1 to 17.');
  });

  it('follows back and forward between paragraph links', async () => {
    const { root } = await openReader('#/read/anisin-2026/p/5');
    location.hash = '#/read/anisin-2026/p/40';
    await until(() => root.querySelector('.current')?.getAttribute('data-n') === '40', '¶40');
    history.back();
    await until(() => root.querySelector('.current')?.getAttribute('data-n') === '5', 'back to ¶5');
  });

  it('moves between paragraphs with j and k', async () => {
    const { root } = await openReader('#/read/duvanova-junisbai-2022/p/3');
    await until(() => root.querySelector('.current'), 'current');
    const press = (key: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    const at = (n: string) => until(() => root.querySelector('.current')?.getAttribute('data-n') === n, `¶${n}`);
    press('j');
    await at('4');
    press('k');
    await at('3');
    press('k');
    await at('2');
  });

  it('copies a citation link from a paragraph number', async () => {
    const { doc, root } = await openReader('#/read/duvanova-junisbai-2022');
    const pnum = root.querySelector('a.pnum[href$="/p/7"]') as HTMLAnchorElement;
    expect(pnum.getAttribute('aria-label')).to.equal('Paragraph 7: copy link');
    const copied = new Promise<CiteCopiedEvent>((ok) => doc.addEventListener('cr-cite-copied', ok, { once: true }));
    pnum.click();
    const e = await copied;
    expect(e.text).to.equal(new URL('#/read/duvanova-junisbai-2022/p/7', location.href).href);
    expect(location.hash).to.equal('#/read/duvanova-junisbai-2022/p/7');
  });

  it('copies a selected passage as plain text with "(Author Year, ¶n)"', async () => {
    const { doc, root } = await openReader('#/read/duvanova-junisbai-2022');
    const p2 = doc.doc!.blocks.find((b) => b.numbered && b.n === 2)!;
    const range = doc.textMap!.offsetsToRange(p2.start, p2.start + 60)!;
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    const data = new DataTransfer();
    root.querySelector('article')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
    expect(data.getData('text/plain')).to.equal(`${doc.doc!.text.slice(p2.start, p2.start + 60).trim()} (Duvanova & Junisbai 2022, ¶2)`);
    sel.removeAllRanges();
  });

  it('shows a clear page for an unknown source', async () => {
    const app = await openApp('#/read/no-such-source');
    const status = await until(() => app.shadowRoot!.querySelector('.status h1'), 'status');
    expect(status.textContent).to.equal('No such source');
  });
});
