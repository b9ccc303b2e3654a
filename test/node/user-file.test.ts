import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as sniff from '../../src/corpus/user-file/sniff.ts';
import * as nesting from '../../src/corpus/user-file/nesting.ts';
import * as read from '../../src/corpus/user-file/read.ts';
import * as held from '../../src/corpus/user-file/held-images.ts';
import { decodeText, signatureOf, type Decoded } from '../../src/corpus/user-file/sniff.ts';
import { CELL_LIMIT, COLUMN_LIMIT, DELIMITER_LIMIT, measureNesting, NESTING_LIMIT, nestingProblem } from '../../src/corpus/user-file/nesting.ts';
import { readUserFile, userSourceId, type UserFileResult } from '../../src/corpus/user-file/read.ts';
import { HELD_IMAGE_CLASS } from '../../src/corpus/user-file/held-images.ts';
import { buildDocument } from '../../src/corpus/pipeline.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: Array<number[] | string>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const why = (d: Decoded) => ('problem' in d ? d.problem : '');
const problem = (r: UserFileResult) => ('problem' in r ? r.problem : undefined);
const corpus = ['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018'].map((id) => readFileSync(new URL(`../../corpus/${id}.md`, import.meta.url), 'utf8'));

it('exports fixed public APIs', () => {
  expect(Object.keys(sniff).sort()).toEqual(['decodeText', 'signatureOf']);
  expect(Object.keys(nesting).sort()).toEqual(['CELL_LIMIT', 'COLUMN_LIMIT', 'DELIMITER_LIMIT', 'NESTING_LIMIT', 'measureNesting', 'nestingProblem']);
  expect(Object.keys(read).sort()).toEqual(['readUserFile', 'userSourceId']);
  expect(Object.keys(held).sort()).toEqual(['HELD_IMAGE_CLASS', 'LOAD_IMAGE_CLASS', 'holdImages']);
});

describe('telling text from other files', () => {
  it('names the known binary formats by their first bytes', () => {
    expect(decodeText(bytes(PNG, 'IHDR rest of an image'))).toEqual({ problem: 'looks like an image (PNG), not text' });
    expect(decodeText(bytes('%PDF-1.7\n%âãÏÓ'))).toEqual({ problem: 'looks like a PDF document, not text' });
    expect(signatureOf(bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toMatch(/^a ZIP archive/);
    expect(signatureOf(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('an image (JPEG)');
    expect(signatureOf(bytes('GIF89a'))).toBe('an image (GIF)');
    expect(signatureOf(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('an image (WebP)');
    // Two-byte signatures need a byte no text has: a note starting "BM" is text.
    expect(signatureOf(bytes('BM is a person’s initials'))).toBeUndefined();
    expect(signatureOf(bytes('BM', [0x36, 0x0c, 0, 0]))).toBe('an image (BMP)');
  });

  it('refuses NUL bytes, invalid UTF-8 and control characters; reads UTF-8 (with or without BOM) and UTF-16 with BOM', () => {
    expect(why(decodeText(bytes('abc', [0], 'def')))).toContain('NUL bytes');
    expect(why(decodeText(bytes('caf', [0xe9], ' au lait')))).toContain('is not UTF-8 text');
    expect(decodeText(bytes('a\x01b\x02c\x03d\x04e\x05f'))).toEqual({ problem: 'contains binary data, not text' });
    expect(decodeText(bytes('Café — “quoted”\r\n\tform\ffeed'))).toEqual({ text: 'Café — “quoted”\r\n\tform\ffeed' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], '# Title'))).toEqual({ text: '# Title' });
    const le = new Uint8Array([0xff, 0xfe, ...[...'Hi é'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(le)).toEqual({ text: 'Hi é' });
  });

  it('refuses random bytes, seed after seed', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    for (let run = 0; run < 20; run++) {
      const b = Uint8Array.from({ length: 4096 }, rnd);
      expect(decodeText(b), `run ${run}`).toHaveProperty('problem');
    }
  });
});

describe('the nesting pre-scan', () => {
  it('measures real writing as shallow', () => {
    for (const md of corpus) {
      const n = measureNesting(md);
      expect(n.containers).toBeLessThan(5);
      expect(n.inline).toBeLessThan(5);
      expect(n.delimiters).toBeLessThan(50);
      expect(nestingProblem(md)).toBeUndefined();
    }
    expect(measureNesting('- a\n  - b\n    - c\n\n> > quoted *twice* and [a **link**](x)')).toEqual({ containers: 3, inline: 3, delimiters: 6, columns: 0, cells: 0 });
  });

  it('counts what the parser nests or pairs: list and quote markers, open emphasis and brackets, marks per paragraph', () => {
    expect(measureNesting('- '.repeat(10_000)).containers).toBe(10_000);
    expect(measureNesting('> '.repeat(300) + 'x').containers).toBe(300);
    expect(measureNesting(`${' '.repeat(400)}- deep`).containers).toBe(201);
    expect(measureNesting('*'.repeat(500) + 'a' + '*'.repeat(500)).inline).toBe(500);
    expect(measureNesting('*a **b '.repeat(100)).inline).toBe(300);
    expect(measureNesting('['.repeat(1000)).inline).toBe(1000);
    expect(measureNesting('a* '.repeat(3000)).delimiters).toBe(3000);
    expect(measureNesting('[a]('.repeat(3000)).delimiters).toBe(6000);
    // Paragraphs and list items each start afresh; fenced code is not Markdown.
    expect(measureNesting('*a '.repeat(60) + '\n\n' + '*a '.repeat(60)).inline).toBe(60);
    expect(measureNesting('- *a\n'.repeat(500)).delimiters).toBe(1);
    expect(measureNesting('```\n' + '- '.repeat(500) + '\n```\nafter').containers).toBe(0);
    expect(measureNesting('\\*\\[ escaped').delimiters).toBe(0);
  });

  it('counts the columns and cells of tables, header included, each table apart', () => {
    const table = (cols: number, rows: number) => `|${'h|'.repeat(cols)}\n|${':-|'.repeat(cols)}\n${`|${'c|'.repeat(cols)}\n`.repeat(rows)}`;
    expect(measureNesting(table(3, 4))).toMatchObject({ columns: 3, cells: 15 });
    expect(measureNesting(`${table(2, 10)}\nText after.\n\n${table(5, 1)}`)).toMatchObject({ columns: 5, cells: 22 });
    expect(measureNesting('a | b\n--- | ---:\n1 | 2')).toMatchObject({ columns: 2, cells: 4 });
    // A rule or a heading's underline is not a table; neither is a table in fenced code.
    expect(measureNesting('Title\n---\n\n***\n\n- - -')).toMatchObject({ columns: 0, cells: 0 });
    expect(measureNesting('```\n' + table(500, 1) + '```')).toMatchObject({ columns: 0 });
    expect(nestingProblem(table(COLUMN_LIMIT, 2))).toBeUndefined();
    expect(nestingProblem(table(COLUMN_LIMIT + 1, 2))).toBe(`has a table of 201 columns, more than the ${COLUMN_LIMIT} Crossread shows; a file built like this can freeze a reader, so it was not opened`);
    expect(nestingProblem(table(3, 50_000))).toBeUndefined();
    expect(nestingProblem(table(5, CELL_LIMIT / 5))).toMatch(/^has a table of 250,005 cells, more than the 250,000 Crossread shows in one table/);
  });

  it('words a refusal with the depth and the limit', () => {
    expect(nestingProblem('- '.repeat(10_000))).toBe(`nests lists or quotes 10,000 levels deep, more than the ${NESTING_LIMIT} Crossread reads; a file built like this can freeze a reader, so it was not opened`);
    expect(nestingProblem('['.repeat(100_000))).toMatch(/^nests emphasis or brackets 100,000 levels deep/);
    expect(nestingProblem('a* '.repeat(DELIMITER_LIMIT + 1))).toMatch(/^has a paragraph with 2,001 emphasis marks or brackets, more than the 2,000/);
    expect(nestingProblem('- '.repeat(NESTING_LIMIT) + 'x')).toBeUndefined();
  });
});

describe('reading a user file', () => {
  const md = (s: string, name = 'notes.md') => readUserFile(utf8(s), name, 'markdown');

  it('gives a document with a user id and kind, and reports its stages', () => {
    const stages: string[] = [];
    const r = readUserFile(utf8('# Week 1\n\nStood down.'), 'Week 1.md', 'markdown', (s) => stages.push(s));
    if (!('doc' in r)) throw new Error(r.problem);
    expect(r.doc.meta.id).toMatch(/^user-week-1-[0-9a-z]{10}$/);
    expect(r.doc.meta.title).toBe('Week 1');
    expect(r.doc.meta.kind).toBe('your file');
    expect(stages).toEqual(['checking', 'parsing']);
  });

  it('refuses binary, whitespace-only, deep and empty-of-text files before or instead of a title from garbage', () => {
    expect(problem(readUserFile(bytes(PNG, [0, 0, 0, 13]), 'photo.md', 'markdown'))).toBe('looks like an image (PNG), not text');
    expect(problem(md(' \n\n\t'))).toBe('is empty');
    expect(problem(md('- '.repeat(10_000)))).toMatch(/^nests lists or quotes 10,000 levels/);
    expect(problem(md('<!-- only a comment -->'))).toBe('has no text to read');
    expect(problem(md('---\nauthors: 12\n---\ntext'))).toBe('has a header (the lines between --- at the top) whose “authors” is not what Crossread expects (for example, authors as a list and year as a number); correct or remove that line and open the file again');
    expect(problem(md('---\ntitle: [unclosed\n---\ntext'))).toBe('has a header (the lines between --- at the top) that is not valid YAML; correct or remove it and open the file again');
    // Plain text is never interpreted, so its nesting does not matter.
    expect(readUserFile(utf8('- '.repeat(10_000)), 'dashes.txt', 'text')).toHaveProperty('doc');
  });

  it('keys a file by its content, named by the file', () => {
    const a = userSourceId('notes', 'one text');
    expect(a).toMatch(/^user-notes-[0-9a-z]{10}$/);
    expect(userSourceId('notes', 'one text')).toBe(a);
    expect(userSourceId('notes', 'another text')).not.toBe(a);
    expect(userSourceId('user-notes', 'one text')).toBe(a);
    expect(userSourceId('', 'x')).toMatch(/^user-file-/);
    expect(userSourceId('a'.repeat(200), 'x').length).toBeLessThan(70);
    const id = (s: string) => { const r = md(s, 'Week 1.md'); return 'doc' in r ? r.doc.meta.id : r.problem; };
    expect(id('# Week 1\n\nStood down.')).not.toBe(id('# Week 1\n\nCollapsed.'));
    expect(id('# Week 1\n\nStood down.')).toBe(id('# Week 1\n\nStood down.'));
  });
});

describe('images in a user file', () => {
  const src = 'A pixel ![seen](https://tracker.example/p.gif?u=1) here.\n\n![](/local.png)';

  it('are held as placeholders with their address, apart from the text', () => {
    const r = readUserFile(utf8(src), 'pixel.md', 'markdown');
    if (!('doc' in r)) throw new Error(r.problem);
    expect(r.doc.html).not.toMatch(/<img/);
    expect(r.doc.html).toContain(`<span class="${HELD_IMAGE_CLASS}" data-nontext="" data-src="https://tracker.example/p.gif?u=1" data-alt="seen">`);
    expect(r.doc.html).toContain('Image not loaded: “seen”');
    expect(r.doc.html.match(/<button type="button" class="load-image">Load image<\/button>/g)).toHaveLength(2);
    // The text (what annotations anchor on) is the same as with the images shown.
    expect(r.doc.text).toBe(buildDocument(src).text);
  });

  it('are kept in the built-in sources (none has any today)', () => {
    expect(buildDocument(src).html).toContain('<img src="https://tracker.example/p.gif?u=1" alt="seen">');
  });
});
