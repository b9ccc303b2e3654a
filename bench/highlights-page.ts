/**
 * Page side of bench/highlights.ts (bundled by esbuild, run in headless Chromium). Renders the
 * longest source the way the app's `cr-document` does: its HTML in an `<article class="prose">`
 * inside a shadow root styled with the app's prose styles (the bench does not mount
 * cr-document itself, so that its toolbar and own highlights stay out of the measurement).
 * Exposes `window.highlightBench` for the Node side to drive one step at a time.
 *
 * Timing a step: wait for a requestAnimationFrame callback (the start of a frame, before its
 * style, layout and paint), start the clock there, do the work synchronously, then post a
 * MessageChannel message. That message is a task queued during the frame's main-thread update,
 * so it runs only after the frame's style recalc, layout and paint have finished: the clock
 * stops once the change is painted. This counts no vsync wait (a double requestAnimationFrame
 * would add up to a whole idle frame, so every result would be rounded up to ~16.7 ms) and no
 * setTimeout clamping. Raster and display on the compositor side are not included.
 */
import type { Block, DocModel } from '../src/corpus/types.ts';
import { TextMap } from '../src/reader/text-map.ts';
import { CorpusClient } from '../src/app/corpus-client.ts';
import { proseStyles } from '../src/components/reader/prose-styles.ts';
import { unwrapMarks, wrapRange } from './mark-wrap.ts';
import { rng } from '../test/shared/rng.ts';

const HIGHLIGHT = 'bench';
const COLOUR = 'rgb(255 196 0 / 0.42)';

export interface Span {
  start: number;
  end: number;
}

/** One timed step, ms: `total` from the start of the frame until it is painted, `ranges` of
 * that spent creating Ranges from offsets, `work` the synchronous part (ranges included). */
export interface StepTiming {
  total: number;
  work: number;
  ranges: number;
}

export interface SetupInfo {
  docId: string;
  textLength: number;
  blocks: number;
  highlights: number;
  crossBlock: number;
  charsCovered: number;
  mode: 'shadow-dom';
}

export interface HighlightBench {
  setup(docId: string, count: number, seed: number): Promise<SetupInfo>;
  /** Ranges from offsets on the untouched DOM, nothing else. */
  createRanges(): Promise<StepTiming>;
  showApi(): Promise<StepTiming & { painted: number }>;
  clearApi(): Promise<StepTiming>;
  showMarks(): Promise<StepTiming & { painted: number }>;
  clearMarks(): Promise<StepTiming>;
}

declare global {
  interface Window {
    highlightBench: HighlightBench;
  }
}


/** Random spans of 15–300 characters, overlaps allowed; one in six is drawn to straddle a block
 * boundary (the uniform ones cross boundaries too, at whatever rate the text gives). */
export function randomSpans(textLength: number, blocks: readonly Block[], count: number, seed: number): Span[] {
  const r = rng(seed);
  const out: Span[] = [];
  while (out.length < count) {
    const len = 15 + Math.floor(r() * 286);
    let start: number;
    if (r() < 1 / 6 && blocks.length > 1) {
      const b = blocks[Math.floor(r() * (blocks.length - 1))]!;
      start = b.end - 1 - Math.floor(r() * Math.min(len - 1, b.end - b.start));
    } else {
      start = Math.floor(r() * (textLength - len));
    }
    start = Math.max(0, start);
    out.push({ start, end: Math.min(textLength, start + len) });
  }
  return out;
}

const nextFrame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()));
const afterPaint = () =>
  new Promise<void>((ok) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      ok();
    };
    ch.port2.postMessage(null);
  });

async function timed(work: () => number): Promise<StepTiming> {
  await nextFrame();
  const t0 = performance.now();
  const ranges = work();
  const work1 = performance.now();
  await afterPaint();
  return { total: performance.now() - t0, work: work1 - t0, ranges };
}

/** Every node of a subtree as type:length (or tag), to prove the DOM came back exactly. */
function shape(root: Node): string {
  const parts: string[] = [];
  const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = w.nextNode(); n; n = w.nextNode()) parts.push(n instanceof Text ? `#${n.length}` : n.nodeName);
  return parts.join(' ');
}

let doc: DocModel;
let article: HTMLElement;
let map: TextMap;
/** For wrapping, which splits text nodes: a map that reads the DOM afresh on every call. */
let liveMap: TextMap;
let spans: Span[] = [];
let marks: HTMLElement[] = [];
let pristine: { html: string; shape: string; text: string };

function rangesFor(): Range[] {
  return spans.map((s) => {
    const r = map.offsetsToRange(s.start, s.end);
    if (!r) throw new Error(`no range for ${s.start}-${s.end}`);
    return r;
  });
}

function assertPristine(what: string): void {
  if (article.innerHTML !== pristine.html) throw new Error(`${what}: HTML differs from before`);
  if (article.textContent !== pristine.text) throw new Error(`${what}: text differs from before`);
  if (shape(article) !== pristine.shape) throw new Error(`${what}: node structure differs from before`);
}

window.highlightBench = {
  async setup(docId, count, seed) {
    doc = await new CorpusClient(new URL('/corpus/build/', location.href)).document(docId);
    const host = document.createElement('div');
    host.id = 'document';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    // The highlight's style must live in the shadow root, where the text is.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { display: block; padding: 1.5rem 0 0 4rem; }
      ::highlight(${HIGHLIGHT}) { background-color: ${COLOUR}; }
      mark.bench { background-color: ${COLOUR}; color: inherit; }
    `);
    root.adoptedStyleSheets = [proseStyles.styleSheet!, sheet];
    article = document.createElement('article');
    article.className = 'prose';
    article.lang = 'en';
    article.innerHTML = doc.html;
    root.append(article);
    map = new TextMap(article, doc.blocks);
    liveMap = new TextMap(article, doc.blocks, { live: true });
    spans = randomSpans(doc.text.length, doc.blocks, count, seed);
    rangesFor(); // every span maps
    pristine = { html: article.innerHTML, shape: shape(article), text: article.textContent ?? '' };
    // Normalising after unwrapping restores the DOM only if it started normalised.
    const probe = article.cloneNode(true);
    probe.normalize();
    if (shape(probe) !== pristine.shape) throw new Error('the rendered document is not normalised');
    const covered = new Uint8Array(doc.text.length);
    for (const s of spans) covered.fill(1, s.start, s.end);
    return {
      docId,
      textLength: doc.text.length,
      blocks: doc.blocks.length,
      highlights: spans.length,
      crossBlock: spans.filter((s) => map.blockAt(s.start) !== map.blockAt(s.end - 1)).length,
      charsCovered: covered.reduce((a, b) => a + b, 0),
      mode: 'shadow-dom',
    };
  },

  createRanges() {
    return timed(() => {
      const t0 = performance.now();
      rangesFor();
      return performance.now() - t0;
    });
  },

  async showApi() {
    const t = await timed(() => {
      const t0 = performance.now();
      const ranges = rangesFor();
      const t1 = performance.now();
      CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
      return t1 - t0;
    });
    return { ...t, painted: CSS.highlights.get(HIGHLIGHT)?.size ?? 0 };
  },

  async clearApi() {
    const t = await timed(() => {
      CSS.highlights.delete(HIGHLIGHT);
      return 0;
    });
    if (CSS.highlights.size !== 0) throw new Error('highlights left after clearing');
    assertPristine('highlight API');
    return t;
  },

  async showMarks() {
    const make = () => {
      const m = document.createElement('mark');
      m.className = 'bench';
      return m;
    };
    const t = await timed(() => {
      let rangeMs = 0;
      marks = [];
      // Each range is made just before its wrap: wrapping splits and moves text nodes, which
      // would leave Ranges made earlier pointing at the wrong places.
      for (const s of spans) {
        const t0 = performance.now();
        const r = liveMap.offsetsToRange(s.start, s.end)!;
        rangeMs += performance.now() - t0;
        for (const m of wrapRange(r, make)) marks.push(m);
      }
      return rangeMs;
    });
    return { ...t, painted: article.querySelectorAll('mark.bench').length };
  },

  async clearMarks() {
    const t = await timed(() => {
      unwrapMarks(marks);
      return 0;
    });
    marks = [];
    assertPristine('mark wrapping');
    return t;
  },
};
