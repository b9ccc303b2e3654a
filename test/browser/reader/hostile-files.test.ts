import { expect } from '@open-wc/testing';
import { deep, openApp, until } from '../helpers.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';
import { isStall, listed, md, open, randomBytes, watchLongTasks, withoutStall } from './hostile-files-harness.ts';

// Issue 8 §4: a hostile file never freezes the tab. Each file is opened through the library's
// file input, as a user would, while a long-task observer watches the page's main thread.
// The 5 MB files are in hostile-large-file.test.ts (a page of their own: a fresh heap).

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

afterEach(() => document.querySelector('cr-app')?.remove());

describe('a hostile file never freezes the tab', function () {
  this.timeout(180_000);

  it('sees a stall when the app has one (the watch can fail)', async () => {
    const watch = watchLongTasks();
    await watch.started;
    // A task of 120 ms of script, as parsing on the page would be (only far shorter).
    await new Promise<void>((done) =>
      setTimeout(() => {
        const t = performance.now();
        while (performance.now() - t < 120);
        done();
      }),
    );
    const tasks = await watch.stop();
    expect(tasks.filter(isStall), listed(tasks)).to.have.length.greaterThan(0);
  });

  const refusals: Array<[string, () => File, string]> = [
    ['100 KB of nested emphasis', () => md('*a **b '.repeat(14_300), 'emphasis.md'), 'nests emphasis or brackets 42,900 levels deep, more than the 100 Crossread reads'],
    ['a run of 50,000 * on each side of a word', () => md(`${'*'.repeat(50_000)}a${'*'.repeat(50_000)}`, 'stars.md'), 'nests emphasis or brackets 50,000 levels deep'],
    ['`- ` × 10,000 (nested lists)', () => md('- '.repeat(10_000), 'lists.md'), 'nests lists or quotes 10,000 levels deep'],
    ['100 KB of brackets', () => md('['.repeat(100_000), 'brackets.md'), 'nests emphasis or brackets 100,000 levels deep'],
    ['thousands of unmatched emphasis marks in one paragraph', () => md('a* '.repeat(30_000), 'closers.md'), 'has a paragraph with 30,000 emphasis marks or brackets'],
    ['4 MB of random bytes', () => md(randomBytes(4_000_000), 'random.md'), 'so it is not a text file'],
    ['a table of 2,000 columns', () => md(`# Wide\n\n|${'h|'.repeat(2000)}\n|${'-|'.repeat(2000)}\n|${'c|'.repeat(2000)}\n`, 'wide.md'), '“wide.md” has a table of 2,000 columns, more than the 200 Crossread shows'],
    ['a PNG renamed .md', () => md(new Uint8Array([...PNG, ...randomBytes(20_000)]), 'photo.md'), '“photo.md” looks like an image (PNG), not text.'],
  ];
  for (const [what, file, message] of refusals) {
    it(`refuses ${what} with a clear message, without a long task`, async () => {
      const f = file();
      const refused = await withoutStall(async () => {
        const app = await openApp('#/');
        const watch = watchLongTasks();
        await watch.started;
        const { refused } = await open(app, f);
        return { tasks: await watch.stop(), result: refused };
      });
      expect(refused).to.contain(message);
      expect(refused).not.to.match(/call stack|RangeError|TypeError/);
      expect(location.hash).to.equal('#/');
    });
  }

  it('opens a table of 10,000 rows and lays it out row by row, without a stall', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `|${i}|x|y|`).join('\n');
    const file = md(`# Long\n\nBefore.\n\n|a|b|c|\n|-|-|-|\n${rows}\n\nAfter.\n`, 'long.md');
    const { reader, refused } = await withoutStall(async () => {
      const app = await openApp('#/');
      const watch = watchLongTasks();
      await watch.started;
      const opened = await open(app, file, 150_000);
      await opened.reader?.document.updateComplete;
      return { tasks: await watch.stop(performance.now()), result: opened };
    });
    expect(refused).to.equal(undefined);
    const doc = reader!.document;
    // Whole and in order, between the paragraphs, in chunks of rows (one head); its ¶ number once.
    const root = doc.shadowRoot!;
    expect(root.querySelectorAll('table tbody tr')).to.have.length(10_000);
    expect(root.querySelectorAll('table thead')).to.have.length(1);
    expect(root.querySelectorAll('.table-wrap.chunked').length).to.equal(root.querySelectorAll('table').length).and.be.greaterThan(40);
    expect(root.querySelectorAll('.table-wrap > a.pnum')).to.have.length(1);
    const { blocks, text } = reader!.doc!;
    expect([...root.querySelectorAll('[data-block]')].map((el) => el.getAttribute('data-block'))).to.deep.equal(blocks.map((b) => b.id));
    const last = blocks.at(-4)!; // the last row's first cell
    expect(text.slice(last.start, last.end)).to.equal('9999');
    expect(doc.textMap!.textNodes(doc.textMap!.element(last.id)!).map((t) => t.data).join('')).to.equal('9999');
    expect(doc.textMap!.rangeToOffsets(doc.textMap!.offsetsToRange(last.start, last.end)!)).to.deep.equal({ start: last.start, end: last.end });
  });
});

describe('images in a file of your own', function () {
  this.timeout(60_000);

  it('are not fetched until the reader chooses to load them', async () => {
    const key = crypto.randomUUID();
    const one = `/docs/screenshots/reader.png?held=${key}`;
    const two = `/docs/screenshots/library.png?held=${key}`;
    const raw = `/docs/screenshots/compare.png?raw=${key}`;
    // An observer, not getEntriesByType: the test page's modules fill the resource buffer.
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => requested.push(...list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource' });
    const fetched = (url: string) => requested.some((name) => name.endsWith(url));
    const app = await openApp('#/');
    const { reader } = await open(app, md(`# Pixels\n\nA tracking pixel ![pixel](${one}) here.\n\n![chart](${two})\n\n<img src="${raw}">`, 'pixels.md'));
    const doc = deep(reader!, 'cr-document') as CrDocument;
    const root = doc.shadowRoot!;
    // Nothing to fetch with: no image element at all, only placeholders with the addresses.
    expect(root.querySelector('img')).to.equal(null);
    const held = [...root.querySelectorAll<HTMLElement>('.held-image')];
    expect(held.map((h) => h.querySelector('.held-src')!.textContent)).to.deep.equal([one, two]);
    expect(root.querySelector('.images-bar')!.textContent).to.contain('2 images of this file are not loaded');
    // The reader loads one: only it is fetched, and focus stays where it was.
    held[0]!.querySelector('button')!.click();
    await until(() => fetched(one), 'the chosen image fetched');
    expect(fetched(two), 'the other image').to.equal(false);
    expect(root.activeElement).to.equal(held[0]);
    // Then the rest, from the bar.
    const all = root.querySelector<HTMLButtonElement>('.images-bar button')!;
    expect(all.textContent).to.equal('Load it');
    all.click();
    await until(() => fetched(two), 'the other image fetched');
    expect(root.querySelector('.images-bar')).to.equal(null);
    expect(root.querySelectorAll('.held-image img')).to.have.length(2);
    // Raw HTML never becomes an image, loaded or not; the text is unchanged by any of it.
    expect(fetched(raw)).to.equal(false);
    expect(doc.doc!.text).to.equal('Pixels\nA tracking pixel  here.');
    observer.disconnect();
  });
});

