import { expect } from '@open-wc/testing';
import { chooseFile, deep, openApp, until } from '../helpers.ts';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';

// Issue 8 §4: a hostile file never freezes the tab. Each file is opened through the library's
// file input, as a user would, while a long-task observer watches the page's main thread.

/** Long tasks (over 50 ms) on the main thread in tasks that start from now until stop(), each
 * with the scripts that ran in it (from long-animation-frame entries) to say whose it was.
 * Work to watch goes after `await watch.started`, in a task of its own. */
function watchLongTasks() {
  const t0 = performance.now();
  const seen: PerformanceEntry[] = [];
  const frames: LongFrame[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  const frameObserver = new PerformanceObserver((list) => frames.push(...(list.getEntries() as LongFrame[])));
  frameObserver.observe({ type: 'long-animation-frame', buffered: true });
  const scriptsIn = (t: PerformanceEntry) =>
    frames
      .filter((f) => f.startTime <= t.startTime + t.duration && f.startTime + f.duration >= t.startTime)
      .flatMap((f) => f.scripts.map((x) => `${x.invoker} ${x.sourceURL.split('/').pop()?.split('?')[0]} ${Math.round(x.duration)} ms`));
  return {
    started: new Promise((r) => setTimeout(r)),
    /** Stop watching once the page has had a frame after the outcome (a task is reported when it ends). */
    async stop(until = Infinity) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      seen.push(...observer.takeRecords());
      frames.push(...(frameObserver.takeRecords() as LongFrame[]));
      observer.disconnect();
      frameObserver.disconnect();
      return seen
        .filter((t) => t.startTime >= t0 && t.startTime < until)
        .map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.startTime - t0)} ms [${scriptsIn(t).join('; ')}]`);
    },
  };
}

/** The parts of a long-animation-frame entry used here (not in TypeScript's DOM types yet). */
interface LongFrame extends PerformanceEntry {
  scripts: Array<{ invoker: string; sourceURL: string; duration: number }>;
}

/** Open a file from the library; resolves with what came of it: a refusal's message or the reader. */
async function open(app: CrApp, file: File, ms = 60_000): Promise<{ refused?: string; reader?: CrReader }> {
  const lib = await until(() => deep(app, 'cr-library'), 'library');
  chooseFile(lib, file);
  return until(() => {
    const toast = app.shadowRoot!.querySelector('.toast')?.textContent ?? '';
    if (toast.includes(`“${file.name}”`)) return { refused: toast };
    const reader = deep(app, 'cr-reader') as CrReader | null;
    const doc = reader && (deep(reader, 'cr-document') as CrDocument | null);
    return doc?.textMap && reader.doc?.meta.title ? { reader } : null;
  }, `an outcome for ${file.name}`, ms);
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, i + 65536));
  return b;
}

/** About `bytes` of real Markdown: the three corpus sources' bodies, repeated. */
async function realisticMarkdown(bytes: number): Promise<string> {
  const ids = ['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018'];
  const bodies = await Promise.all(ids.map(async (id) => (await (await fetch(`/corpus/${id}.md`)).text()).replace(/^---\n[\s\S]*?\n---\n/, '')));
  let md = '# A semester of readings\n\n';
  for (let i = 0; md.length < bytes; i++) md += `${bodies[i % 3]}\n\n`;
  return md;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const md = (content: BlobPart, name: string) => new File([content], name, { type: 'text/markdown' });

afterEach(() => document.querySelector('cr-app')?.remove());

describe('a hostile file never freezes the tab', function () {
  this.timeout(180_000);
  // The test machine's cores are shared: a busy neighbour can stretch a short task past 50 ms
  // once. A stall of the app's own (parsing on the page, a quadratic step) fails every try.
  this.retries(2);

  it('sees a long task when there is one (the watch can fail)', async () => {
    const watch = watchLongTasks();
    await watch.started;
    const t = performance.now();
    while (performance.now() - t < 120);
    expect(await watch.stop()).to.have.length.greaterThan(0);
  });

  const refusals: Array<[string, () => File, string]> = [
    ['100 KB of nested emphasis', () => md('*a **b '.repeat(14_300), 'emphasis.md'), 'nests emphasis or brackets 42,900 levels deep, more than the 100 Crossread reads'],
    ['a run of 50,000 * on each side of a word', () => md(`${'*'.repeat(50_000)}a${'*'.repeat(50_000)}`, 'stars.md'), 'nests emphasis or brackets 50,000 levels deep'],
    ['`- ` × 10,000 (nested lists)', () => md('- '.repeat(10_000), 'lists.md'), 'nests lists or quotes 10,000 levels deep'],
    ['100 KB of brackets', () => md('['.repeat(100_000), 'brackets.md'), 'nests emphasis or brackets 100,000 levels deep'],
    ['thousands of unmatched emphasis marks in one paragraph', () => md('a* '.repeat(30_000), 'closers.md'), 'has a paragraph with 30,000 emphasis marks or brackets'],
    ['4 MB of random bytes', () => md(randomBytes(4_000_000), 'random.md'), 'so it is not a text file'],
    ['a PNG renamed .md', () => md(new Uint8Array([...PNG, ...randomBytes(20_000)]), 'photo.md'), '“photo.md” looks like an image (PNG), not text.'],
  ];
  for (const [what, file, message] of refusals) {
    it(`refuses ${what} with a clear message, without a long task`, async () => {
      const app = await openApp('#/');
      const f = file();
      const watch = watchLongTasks();
      await watch.started;
      const { refused } = await open(app, f);
      expect(await watch.stop(), 'long tasks while opening').to.deep.equal([]);
      expect(refused).to.contain(message);
      expect(refused).not.to.match(/call stack|RangeError|TypeError/);
      expect(location.hash).to.equal('#/');
    });
  }

  it('opens a 5 MB file of real Markdown without a long task until it is handed to the reader', async () => {
    const app = await openApp('#/');
    const file = md(await realisticMarkdown(4_900_000), 'semester.md');
    let handedOver = Infinity;
    const onHash = (e: HashChangeEvent) => (handedOver = Math.min(handedOver, e.timeStamp));
    window.addEventListener('hashchange', onHash);
    const watch = watchLongTasks();
    await watch.started;
    const { reader } = await open(app, file, 150_000);
    window.removeEventListener('hashchange', onHash);
    // Reading, checking, parsing and receiving the document: nothing over 50 ms. Laying out
    // 5 MB of HTML in the reader afterwards is one long task (see the report of issue 8).
    expect(await watch.stop(handedOver), 'long tasks before the reader got the document').to.deep.equal([]);
    expect(reader!.doc!.meta.title).to.equal('A semester of readings');
    expect(reader!.doc!.blocks.length).to.be.greaterThan(10_000);
  });

  it('stops a file that takes longer than the time limit, and says so', async () => {
    const app = await openApp('#/');
    app.fileTimeLimitMs = 1000;
    const file = md(await realisticMarkdown(4_900_000), 'slow.md');
    const terminated = spyOnTerminate();
    const watch = watchLongTasks();
    await watch.started;
    const { refused } = await open(app, file);
    expect(await watch.stop(), 'long tasks while opening').to.deep.equal([]);
    expect(refused).to.contain('“slow.md” took longer than 1 s to read, so Crossread stopped reading it.');
    expect(terminated()).to.equal(1);
  });

  it('cancels opening: the worker stops, the library is idle again and focus is back on "Open a file…"', async () => {
    const app = await openApp('#/');
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    const file = md(await realisticMarkdown(4_900_000), 'cancel me.md');
    const terminated = spyOnTerminate();
    for (const how of ['click', 'Escape'] as const) {
      chooseFile(lib, file);
      const cancel = await until(() => lib.shadowRoot!.querySelector<HTMLButtonElement>('.opening .cancel'), 'Cancel button');
      // The progress shows the steps; the parser is at work when it says "Laying out".
      await until(() => lib.shadowRoot!.querySelector('.opening [role=status]')?.textContent?.startsWith('Laying out'), 'parsing', 60_000);
      expect(lib.shadowRoot!.activeElement, 'focus on Cancel').to.equal(cancel);
      if (how === 'click') cancel.click();
      else cancel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await until(() => !lib.shadowRoot!.querySelector('.opening'), 'library idle again');
      expect(terminated(), how).to.equal(how === 'click' ? 1 : 2);
      expect(app.shadowRoot!.querySelector('.toast')?.textContent).to.contain('Stopped opening “cancel me.md”.');
      expect(lib.shadowRoot!.activeElement?.classList.contains('choose'), 'focus on Open a file…').to.equal(true);
      expect(location.hash).to.equal('#/');
    }
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

let restoreTerminate: (() => void) | undefined;
afterEach(() => restoreTerminate?.());

/** Count calls of Worker.terminate from now on (restored after the test). */
function spyOnTerminate(): () => number {
  const descriptor = Object.getOwnPropertyDescriptor(Worker.prototype, 'terminate')!;
  const original = descriptor.value as (this: Worker) => void;
  let calls = 0;
  Worker.prototype.terminate = function (this: Worker) {
    calls++;
    original.call(this);
  };
  restoreTerminate = () => Object.defineProperty(Worker.prototype, 'terminate', descriptor);
  return () => calls;
}
