/**
 * Saved-annotation baselines (after Hypothesis's `anchoring/test/html-baselines/`): annotations
 * made with `describe()` on the corpus as it was, kept in test/fixtures/baselines/ and anchored
 * on every run. A corpus or engine change that moves an anchor, or finds it other than exactly,
 * fails here, whether they are anchored one by one or together. The fixtures are written once by scripts/make-baselines.ts and never regenerated
 * by a test.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe as group, expect, it } from 'vitest';
import { anchor, anchorAll, type Selector } from '../../src/anchoring/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import type { BaselineFile } from '../../scripts/make-baselines.ts';

const DIR = fileURLToPath(new URL('../fixtures/baselines/', import.meta.url));
const files = (await readdir(DIR)).filter((f) => f.endsWith('.json')).sort();

let texts = new Map<string, string>();
beforeAll(async () => {
  texts = new Map((await loadCorpus()).map((d) => [d.meta.id, d.text]));
});

it('has a baseline file for every corpus source', async () => {
  const ids = (await loadCorpus()).map((d) => `${d.meta.id}.json`).sort();
  expect(files).toEqual(ids);
});

for (const file of files) {
  group(file, async () => {
    const baseline = JSON.parse(await readFile(DIR + file, 'utf8')) as BaselineFile;

    it('covers headings, block edges, passages across blocks, short and long ones', () => {
      const kinds = new Set(baseline.annotations.map((a) => a.kind));
      for (const k of ['heading', 'block-start', 'block-end', 'across-blocks', 'word', 'long']) expect(kinds).toContain(k);
      expect(baseline.annotations.length).toBeGreaterThanOrEqual(15);
    });

    it.each(baseline.annotations.map((a) => [`${a.kind} ${a.id}`, a] as const))('anchors %s where it was, exactly', (_, a) => {
      const text = texts.get(baseline.source);
      expect(text, `source ${baseline.source}`).toBeDefined();
      const { start, end, quote, method, quoteOnlyMethod } = a.expected;
      const withPosition = anchor(text!, a.target.selector);
      expect(withPosition).toMatchObject({ status: 'anchored', start, end, method });
      const quoteOnly = anchor(text!, [a.target.selector[0]]);
      expect(quoteOnly).toMatchObject({ status: 'anchored', start, end, method: quoteOnlyMethod });
      expect(text!.slice(start, end)).toBe(quote);
    });

    // The app places a source's annotations together (annotate/anchored.ts): anchorAll must
    // agree with anchor() on each, with and without the stored positions.
    it('anchors them all together where each was, as the reader places them', () => {
      const text = texts.get(baseline.source)!;
      const expected = baseline.annotations.map((a) => ({ status: 'anchored', start: a.expected.start, end: a.expected.end }));
      const places = (selectors: Selector[][]) =>
        anchorAll(text, selectors).map((a) => (a.status === 'anchored' ? { status: a.status, start: a.start, end: a.end } : a));
      expect(places(baseline.annotations.map((a) => a.target.selector))).toEqual(expected);
      expect(places(baseline.annotations.map((a) => [a.target.selector[0]]))).toEqual(expected);
    });
  });
}
