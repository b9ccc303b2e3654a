import { describe, it, expect, beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import * as corpus from '../../src/corpus/index.ts';
import { buildDocument, type DocModel } from '../../src/corpus/index.ts';
import { loadCorpus, CORPUS_DIR } from '../../scripts/corpus-files.ts';
import { splitMarkers } from '../../src/corpus/footnote-markers.ts';

const IDS = ['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018'];
let docs: DocModel[];
beforeAll(async () => {
  docs = await loadCorpus();
});
const doc = (id: string) => docs.find((d) => d.meta.id === id)!;

describe('corpus pipeline', () => {
  it('exports its public API', () => {
    expect(Object.keys(corpus).sort()).toEqual(
      ['BLOCK_SEPARATOR', 'FrontMatterSchema', 'NONTEXT_ATTR', 'blockAt', 'blockBefore', 'blockIndexAt', 'buildDocument', 'citeLabel', 'citeOf', 'fullCitation', 'hashString', 'inlineCitation', 'paragraphAt', 'paragraphsOfSpan', 'parseFrontMatter', 'slugify'],
    );
  });

  it('reads the front matter of the three sources', () => {
    expect(docs.map((d) => d.meta.id)).toEqual(IDS);
    const d = doc('duvanova-junisbai-2022').meta;
    expect(d.authors).toEqual(['Dinissa Duvanova', 'Barbara Junisbai']);
    expect(d.year).toBe(2022);
    expect(d.kind).toBe('policy memo');
    expect(d.cite).toBe('Duvanova & Junisbai 2022');
    expect(doc('kurmashev-et-al-2018').meta.cite).toBe('Kurmashev et al. 2018');
    expect(doc('anisin-2026').meta.date).toBe('2026-01-28');
    for (const m of docs.map((x) => x.meta)) {
      expect(m.wordCount).toBeGreaterThan(1000);
      expect(m.readingMinutes).toBe(Math.round(m.wordCount / 230));
    }
  });

  it('gives every block an id, a paragraph number and its span of the plain text', () => {
    for (const d of docs) {
      const ids = new Set(d.blocks.map((b) => b.id));
      expect(ids.size).toBe(d.blocks.length);
      let prevEnd = -1;
      let prevN = 0;
      for (const b of d.blocks) {
        expect(b.start).toBe(prevEnd + 1); // blocks are contiguous, one separator apart
        expect(b.end).toBeGreaterThan(b.start);
        expect(b.n).toBeGreaterThanOrEqual(prevN);
        expect(d.html).toContain(`data-block="${b.id}"`);
        prevEnd = b.end;
        if (b.kind !== 'heading') prevN = b.n;
      }
      expect(prevEnd).toBe(d.text.length);
      const numbered = d.blocks.filter((b) => b.numbered).map((b) => b.n);
      expect(numbered).toEqual(numbered.map((_, i) => i + 1)); // ¶1..¶N, no gaps
    }
  });

  it('keeps footnote markers out of the text and renders them as markers', () => {
    const k = doc('kurmashev-et-al-2018');
    expect(k.html.match(/<sup class="fn"/g)).toHaveLength(42);
    expect(k.text).toContain('researchers.');
    expect(k.text).not.toMatch(/researchers\.1\b/);
    expect(k.text).not.toContain('[^');
    expect(splitMarkers('a.[^1] b[^22]')).toEqual([{ text: 'a.' }, { note: '1' }, { text: ' b' }, { note: '22' }]);
  });

  it('renders the tables of 001 and 002 as tables with their cells as blocks', () => {
    expect(doc('kurmashev-et-al-2018').html.match(/<table>/g)).toHaveLength(2);
    const a = doc('anisin-2026');
    expect(a.html.match(/<table>/g)).toHaveLength(1);
    const cells = a.blocks.filter((b) => b.kind === 'table-cell');
    expect(cells.length).toBeGreaterThan(30);
    expect(new Set(cells.map((c) => c.n)).size).toBe(1); // one ¶ for the whole table
    expect(cells.filter((c) => c.numbered)).toHaveLength(1);
    expect(a.text).toContain('2020 Belarus'); // kept as published, under Interventions
  });

  it('is deterministic across rebuilds', async () => {
    const again = await loadCorpus();
    expect(again).toEqual(docs);
  });

  it('keeps other blocks\' ids when one paragraph is edited, inserted or removed', async () => {
    const src = await readFile(`${CORPUS_DIR}anisin-2026.md`, 'utf8');
    const before = buildDocument(src, { fileName: 'anisin-2026.md' });
    const para = before.blocks.find((b) => b.kind === 'paragraph' && b.n === 10)!;
    const paraText = before.text.slice(para.start, para.end);
    const words = paraText.split(' ');
    const target = words.slice(0, 6).join(' ');
    expect(src).toContain(target);

    const edited = buildDocument(src.replace(target, target + ' (edited)'), { fileName: 'anisin-2026.md' });
    const diff = before.blocks.filter((b, i) => edited.blocks[i]!.id !== b.id);
    expect(diff.map((b) => b.id)).toEqual([para.id]);

    const inserted = buildDocument(src.replace(target, 'A new paragraph.\n\n' + target), { fileName: 'anisin-2026.md' });
    const oldIds = new Set(before.blocks.map((b) => b.id));
    expect(inserted.blocks.filter((b) => !oldIds.has(b.id)).map((b) => inserted.text.slice(b.start, b.end))).toEqual(['A new paragraph.']);
    expect(inserted.blocks.filter((b) => oldIds.has(b.id))).toHaveLength(before.blocks.length);

    const removed = buildDocument(src.replace(paraText, ''), { fileName: 'anisin-2026.md' });
    expect(removed.blocks.map((b) => b.id)).toEqual(before.blocks.filter((b) => b.id !== para.id).map((b) => b.id));
  });

  it('gives repeated cells and paragraphs distinct ids', () => {
    const d = buildDocument('Same.\n\nSame.\n\n| a | b |\n|---|---|\n| x | No |\n| y | No |\n');
    const ids = d.blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });
});

describe('sanitization of user files', () => {
  const evil = [
    '# Title',
    '<script>alert(1)</script>',
    '[click](javascript:alert(1)) and <img src=x onerror=alert(1)> and <a href="#" onclick="alert(1)">x</a>',
    '![img](javascript:alert(2))',
    '<div onmouseover="alert(3)">hover</div>',
  ].join('\n\n');

  it('drops scripts, javascript: URLs and event attributes', () => {
    const d = buildDocument(evil, { fileName: 'evil.md' });
    expect(d.html).not.toMatch(/<script|javascript:|onerror|onclick|onmouseover/i);
    expect(d.html).toContain('<a>click</a>');
    expect(d.meta.title).toBe('Title');
    expect(d.meta.id).toBe('evil');
  });

  it('keeps plain text files as text: nothing in them is markup', () => {
    const d = buildDocument('# not a heading\nsecond line\n\n<b>bold?</b> *no*', { format: 'text', fileName: 'Notes 1.txt' });
    expect(d.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(d.text).toBe('# not a heading second line\n<b>bold?</b> *no*');
    expect(d.html).toContain('&#x3C;b>bold?&#x3C;/b>');
    expect(d.meta.id).toBe('notes-1');
  });

  it('reports bad front matter with the file and field', () => {
    expect(() => buildDocument('---\ntitle: [unclosed\n---\ntext', { fileName: 'a.md' })).toThrow(/a\.md: front matter is not valid YAML/);
    expect(() => buildDocument('---\nauthors: 12\n---\ntext', { fileName: 'b.md' })).toThrow(/b\.md: front matter field "authors"/);
  });
});
