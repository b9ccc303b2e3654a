/**
 * `npx tsx scripts/make-baselines.ts`: write test/fixtures/baselines/<source-id>.json, saved
 * annotations made with `describe()` on today's corpus (after Hypothesis's
 * `anchoring/test/html-baselines/`). Run once; test/node/anchoring-baselines.test.ts anchors them
 * on every run, so a corpus or engine change that moves an anchor fails a test. Regenerate only
 * on purpose (a deliberate corpus edit), and review the diff.
 *
 * Per source, passages chosen deterministically from its blocks: headings, table cells,
 * paragraphs with footnote markers, passages at the start and end of a block, passages across
 * two blocks, a single word, a sentence in the middle of a paragraph, long passages. Every quote
 * is unique in its text, so the quote alone also anchors exactly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { anchor, describe, type TextPositionSelector, type TextQuoteSelector } from '../src/anchoring/index.ts';
import { loadCorpus } from './corpus-files.ts';
import type { Block, DocModel } from '../src/corpus/types.ts';

/** One saved annotation with where it must anchor. */
export interface Baseline {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'Annotation';
  id: string;
  /** What the passage exercises (heading, table-cell, across-blocks, …). */
  kind: string;
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
  /** Where the selectors anchor today, with both selectors and with the quote alone. */
  expected: { start: number; end: number; quote: string; method: 'position'; quoteOnlyMethod: 'quote' };
}

/** One fixture file. */
export interface BaselineFile {
  source: string;
  /** DocModel.hash of the text the baselines were made on. */
  hash: string;
  textLength: number;
  annotations: Baseline[];
}

const OUT = fileURLToPath(new URL('../test/fixtures/baselines/', import.meta.url));

function hasFootnote(doc: DocModel, b: Block): boolean {
  const at = doc.html.indexOf(`data-block="${b.id}"`);
  const next = doc.html.indexOf('data-block="', at + 12);
  return doc.html.slice(at, next < 0 ? undefined : next).includes('class="fn"');
}

/** Up to `n` items spread evenly over `list`. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / n)]!);
}

/** Widen [start, end) outward to whole words (never past `lo`/`hi`). */
function words(text: string, start: number, end: number, lo = 0, hi = text.length): [number, number] {
  let s = Math.max(lo, start);
  let e = Math.min(hi, end);
  while (s > lo && /\S/.test(text[s - 1]!)) s--;
  while (e < hi && /\S/.test(text[e]!)) e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

function candidates(doc: DocModel): Array<[string, number, number]> {
  const { text, blocks } = doc;
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && b.end - b.start > 200);
  const out: Array<[string, number, number]> = [];
  for (const b of spread(blocks.filter((x) => x.kind === 'heading'), 3)) out.push(['heading', b.start, b.end]);
  for (const b of spread(blocks.filter((x) => x.kind === 'table-cell' && x.end - x.start >= 8), 3)) out.push(['table-cell', b.start, b.end]);
  for (const b of spread(blocks.filter((x) => x.kind === 'quote'), 1)) out.push(['block-quote', ...words(text, b.start, b.start + 120, b.start, b.end)]);
  for (const b of spread(blocks.filter((x) => hasFootnote(doc, x)), 3)) out.push(['footnote-paragraph', b.start, b.end]);
  for (const b of spread(paragraphs, 3)) out.push(['block-start', ...words(text, b.start, b.start + 60, b.start, b.end)]);
  for (const b of spread(paragraphs.slice(1), 3)) out.push(['block-end', ...words(text, b.end - 60, b.end, b.start, b.end)]);
  for (const b of spread(paragraphs.slice(2), 3)) {
    const next = blocks[blocks.indexOf(b) + 1];
    if (next) out.push(['across-blocks', ...words(text, b.end - 50, b.end, b.start, b.end).slice(0, 1), words(text, next.start, next.start + 50, next.start, next.end)[1]] as [string, number, number]);
  }
  for (const b of spread(paragraphs.slice(3), 3)) {
    // A single distinctive word from the middle of the paragraph.
    const mid = Math.floor((b.start + b.end) / 2);
    const [s, e] = words(text, mid, mid, b.start, b.end);
    out.push(['word', s, e]);
  }
  for (const b of spread(paragraphs.slice(4), 3)) {
    // A sentence in the middle of a paragraph.
    const inner = text.slice(b.start, b.end);
    const starts = [...inner.matchAll(/[.!?] +(?=[A-Z])/g)].map((m) => b.start + m.index + m[0].length);
    const s = starts[Math.floor(starts.length / 2)];
    if (s === undefined) continue;
    const e = text.indexOf('. ', s);
    if (e > s && e < b.end) out.push(['sentence', s, e + 1]);
  }
  for (const b of spread(paragraphs.filter((x) => x.end - x.start > 700), 2)) out.push(['long', ...words(text, b.start + 100, b.start + 700, b.start, b.end)]);
  return out;
}

function isUnique(text: string, quote: string): boolean {
  return quote.length > 0 && text.indexOf(quote) === text.lastIndexOf(quote);
}

/** The baselines of one document. */
export function baselinesFor(doc: DocModel): BaselineFile {
  const { text } = doc;
  const annotations: Baseline[] = [];
  for (const [kind, start, end] of candidates(doc)) {
    let [s, e] = [start, end];
    // A word or heading that recurs is widened by a word on the right until it is unique.
    while (!isUnique(text, text.slice(s, e)) && e < text.length) [s, e] = words(text, s, e + 2);
    if (!isUnique(text, text.slice(s, e))) continue;
    if (annotations.some((a) => a.expected.start === s && a.expected.end === e)) continue;
    const selector = describe(text, s, e);
    const both = anchor(text, selector);
    const alone = anchor(text, [selector[0]]);
    if (both.status !== 'anchored' || both.method !== 'position' || both.start !== s || both.end !== e) throw new Error(`${doc.meta.id} ${kind}: ${JSON.stringify(both)}`);
    if (alone.status !== 'anchored' || alone.method !== 'quote' || alone.start !== s || alone.end !== e) throw new Error(`${doc.meta.id} ${kind} (quote only): ${JSON.stringify(alone)}`);
    annotations.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: `urn:crossread:baseline:${doc.meta.id}:${annotations.length + 1}`,
      kind,
      target: { source: doc.meta.id, selector },
      expected: { start: s, end: e, quote: text.slice(s, e), method: 'position', quoteOnlyMethod: 'quote' },
    });
  }
  return { source: doc.meta.id, hash: doc.hash, textLength: text.length, annotations };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await mkdir(OUT, { recursive: true });
  for (const doc of await loadCorpus()) {
    const file = baselinesFor(doc);
    await writeFile(`${OUT}${doc.meta.id}.json`, JSON.stringify(file, null, 2) + '\n');
    const kinds = [...new Set(file.annotations.map((a) => a.kind))].join(', ');
    console.log(`${doc.meta.id}: ${file.annotations.length} baselines (${kinds})`);
  }
}
