import { expect, it } from 'vitest';
import * as slices from '../../src/app/doc-slices.ts';
import { DocAssembler, sliceDoc } from '../../src/app/doc-slices.ts';
import { buildDocument } from '../../src/corpus/pipeline.ts';

it('exports a fixed public API', () => {
  expect(Object.keys(slices).sort()).toEqual(['DocAssembler', 'sliceDoc']);
});

it('cuts a large document into small slices and puts it together again unchanged', () => {
  const para = (i: number) => `Paragraph ${i} with *emphasis*, a [link](https://example.org/${i}) and “quotes” — ${'words '.repeat(40)}`;
  const doc = buildDocument(`# Long\n\n${Array.from({ length: 5000 }, (_, i) => para(i)).join('\n\n')}`, { fileName: 'long.md' });
  expect(doc.html.length).toBeGreaterThan(1_000_000);
  const cut = [...sliceDoc(doc)];
  expect(cut.at(-1)!.slice).toBe('rest');
  for (const s of cut) expect(JSON.stringify(s).length).toBeLessThan(600_000);
  const assembler = new DocAssembler();
  const got = cut.map((s) => assembler.add(s));
  expect(got.slice(0, -1).every((d) => d === undefined)).toBe(true);
  expect(got.at(-1)).toEqual(doc);
});

it('hands over a tiny document in one slice per field', () => {
  const doc = buildDocument('# Tiny\n\ntext', { fileName: 'tiny.md' });
  expect([...sliceDoc(doc)].map((s) => s.slice)).toEqual(['html', 'text', 'blocks', 'toc', 'rest']);
});

it('hands over the contents of a file of headings in slices too', () => {
  const doc = buildDocument(Array.from({ length: 5000 }, (_, i) => `## Heading ${i}`).join('\n'), { fileName: 'headings.md' });
  expect(doc.toc.length).toBe(5000);
  const cut = [...sliceDoc(doc)];
  const tocs = cut.flatMap((s) => (s.slice === 'toc' ? [s.toc.length] : []));
  expect(tocs).toEqual([2000, 2000, 1000]);
  const rest = cut.at(-1)!;
  expect(rest.slice === 'rest' && 'toc' in rest.rest).toBe(false);
  const assembler = new DocAssembler();
  expect(cut.map((s) => assembler.add(s)).at(-1)).toEqual(doc);
});
