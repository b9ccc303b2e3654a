// Fidelity checker for corpus/*.md against the raw transcriptions in ../shared/sources/.
// See docs/corpus-format.md. Every function returns a list of problems (empty = faithful) so
// that a failing test prints all of them with enough context to find the spot.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REMOVAL_KINDS = ['running-header', 'author-line', 'pull-quote', 'stray-fragment', 'caption'] as const;
export const NORMALISATION_KINDS = [
  'line-join',
  'dehyphenation',
  'footnote-markers',
  'table-rebuild',
  'moved-to-metadata',
  'markup',
] as const;
export const REPAIR_KINDS: readonly string[] = [...REMOVAL_KINDS, ...NORMALISATION_KINDS];
export const DOC_KINDS: readonly string[] = ['journal article', 'policy memo'];

export interface Repair {
  kind: string;
  text?: string;
  count?: number;
  kept?: string[];
  caption?: string;
  /** table-rebuild: how the raw block lists the body cells; absent = either order accepted. */
  order?: 'rows' | 'columns';
  note?: string;
}

export interface FrontMatter {
  id: string;
  title: string;
  authors: string[];
  venue: string;
  year: number;
  date?: string;
  kind: string;
  raw: string;
  note?: string;
  repairs: Repair[];
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Collapse every whitespace run (newlines, tabs, NBSP) to one space and trim. */
export const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();
export const tokenise = (s: string): string[] => s.split(/\s+/u).filter((t) => t !== '');

/** A raw word; `brk` = it starts a raw line or tab-separated cell (used for table cell boundaries). */
export interface RawTok {
  word: string;
  brk: boolean;
}
export function tokeniseRaw(s: string): RawTok[] {
  return [...s.matchAll(/(\s*)(\S+)/gu)].map((m) => ({ word: m[2]!, brk: m.index === 0 || /[\n\t]/.test(m[1]!) }));
}
const show = (s: string): string => JSON.stringify(s);

// ---------------------------------------------------------------------------------------------
// Front matter

export function splitFrontMatter(md: string): { data: unknown; body: string; bodyLine: number; problems: string[] } {
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(md.replace(/\r\n/g, '\n'));
  if (!m) return { data: undefined, body: md, bodyLine: 1, problems: ['no YAML front matter (file must start with ---)'] };
  try {
    const data: unknown = parseYaml(m[1]!);
    return { data, body: md.replace(/\r\n/g, '\n').slice(m[0].length), bodyLine: m[0].split('\n').length, problems: [] };
  } catch (e) {
    return { data: undefined, body: '', bodyLine: 1, problems: [`front matter is not valid YAML: ${String(e)}`] };
  }
}

/** Validates the front matter shape; returns it typed when valid enough to run the word check. */
export function validateFrontMatter(
  data: unknown,
  slug: string,
  sourcesDir: string,
): { fm?: FrontMatter; problems: string[] } {
  const p: string[] = [];
  if (!isDict(data)) return { problems: ['front matter is not a YAML mapping'] };
  if (data.id !== slug) p.push(`id ${show(String(data.id))} must equal the file slug ${show(slug)}`);
  if (!nonEmptyString(data.title)) p.push('title: non-empty string required');
  if (!Array.isArray(data.authors) || data.authors.length === 0 || !data.authors.every(nonEmptyString))
    p.push('authors: non-empty list of names required');
  if (!nonEmptyString(data.venue)) p.push('venue: non-empty string required');
  if (typeof data.year !== 'number' || !Number.isInteger(data.year) || data.year < 1800 || data.year > 2100)
    p.push(`year: a number (e.g. 2018) required, got ${show(String(data.year))}`);
  if (data.date !== undefined) {
    const d = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date;
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) p.push('date: ISO date YYYY-MM-DD required');
    else if (typeof data.year === 'number' && !d.startsWith(String(data.year))) p.push(`date ${d} disagrees with year ${data.year}`);
  }
  if (typeof data.kind !== 'string' || !DOC_KINDS.includes(data.kind))
    p.push(`kind: one of ${DOC_KINDS.map(show).join(', ')} required, got ${show(String(data.kind))}`);
  if (!nonEmptyString(data.raw)) p.push('raw: file name in ../shared/sources/ required');
  else if (!existsSync(join(sourcesDir, data.raw))) p.push(`raw: ${data.raw} does not exist in ${sourcesDir}`);
  const repairs: Repair[] = [];
  if (!Array.isArray(data.repairs)) p.push('repairs: list required (may be empty: [])');
  else
    data.repairs.forEach((r: unknown, i: number) => {
      const where = `repairs[${i}]`;
      if (!isDict(r) || typeof r.kind !== 'string') return void p.push(`${where}: mapping with a kind required`);
      if (!REPAIR_KINDS.includes(r.kind)) return void p.push(`${where}: unknown kind ${show(r.kind)} (spec: ${REPAIR_KINDS.join(', ')})`);
      const needsText = (REMOVAL_KINDS as readonly string[]).includes(r.kind) || r.kind === 'moved-to-metadata';
      if (needsText && !nonEmptyString(r.text)) p.push(`${where} (${r.kind}): text required`);
      if (r.count !== undefined && (typeof r.count !== 'number' || !Number.isInteger(r.count) || r.count < 1))
        p.push(`${where}: count must be a positive integer`);
      if (r.kept !== undefined && (!Array.isArray(r.kept) || !r.kept.every((k) => typeof k === 'string' && /^\S+-\S+$/u.test(k))))
        p.push(`${where}: kept must be a list of hyphenated words like anti-terrorist`);
      if (r.kind === 'table-rebuild' && !nonEmptyString(r.caption)) p.push(`${where} (table-rebuild): caption required`);
      if (r.order !== undefined && r.order !== 'rows' && r.order !== 'columns') p.push(`${where}: order must be rows or columns`);
      repairs.push({
        kind: r.kind,
        text: typeof r.text === 'string' ? r.text : undefined,
        count: typeof r.count === 'number' ? r.count : undefined,
        kept: Array.isArray(r.kept) ? r.kept.map(String) : undefined,
        caption: typeof r.caption === 'string' ? r.caption : undefined,
        order: r.order === 'rows' || r.order === 'columns' ? r.order : undefined,
      });
    });
  if (p.length > 0) return { problems: p };
  const fm: FrontMatter = {
    id: String(data.id),
    title: String(data.title),
    authors: (data.authors as unknown[]).map(String),
    venue: String(data.venue),
    year: Number(data.year),
    kind: String(data.kind),
    raw: String(data.raw),
    repairs,
  };
  if (typeof data.date === 'string') fm.date = data.date;
  if (typeof data.note === 'string') fm.note = data.note;
  return { fm, problems: p };
}

// ---------------------------------------------------------------------------------------------
// Raw side

const count = (hay: string, needle: string): number => {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};

/** `X-\nY` (any whitespace after the line break, e.g. blank lines left by a removal) → `XY`,
 *  or `X-Y` when `X-Y` is listed in `kept`. X and Y are the letter/digit runs around the hyphen. */
export function dehyphenate(text: string, kept: ReadonlySet<string>, used?: Set<string>): string {
  return text.replace(/([\p{L}\p{N}]+)-[ \t\u00a0]*\n\s*([\p{L}\p{N}]+)/gu, (_m, x: string, y: string) => {
    const word = `${x}-${y}`;
    if (kept.has(word)) {
      used?.add(word);
      return word;
    }
    return x + y;
  });
}

/** Strips emphasis asterisks (the raw may already carry `*italics*`, e.g. 002's references). */
const stripStars = (s: string): string => s.replace(/\*/g, '');

/** Applies the declared removals and normalisations to the raw text. */
export function normaliseRaw(raw: string, fm: FrontMatter): { text: string; problems: string[] } {
  const p: string[] = [];
  let text = raw.replace(/\r\n/g, '\n');
  const has = (k: string): boolean => fm.repairs.some((r) => r.kind === k);

  // Removals, in the order listed. Every occurrence is removed; `count`, if given, must equal
  // the number of occurrences (so a `text` that also occurs in the body needs more context).
  fm.repairs.forEach((r, i) => {
    const isRemoval = (REMOVAL_KINDS as readonly string[]).includes(r.kind) || r.kind === 'moved-to-metadata';
    if (!isRemoval || r.text === undefined) return;
    const n = count(text, r.text);
    const where = `repairs[${i}] (${r.kind}) text ${show(r.text.length > 70 ? `${r.text.slice(0, 70)}…` : r.text)}`;
    if (n === 0) return void p.push(`${where} does not occur in the raw file (after earlier removals); it must be the exact raw text, line breaks and trailing spaces included`);
    if (r.count !== undefined && n !== r.count) p.push(`${where} occurs ${n} times in the raw file, count says ${r.count}`);
    if (r.kind === 'moved-to-metadata') {
      const fields = [fm.title, fm.venue, fm.date ?? '', String(fm.year), ...fm.authors, fm.authors.join(', ')].map(squash);
      if (!fields.some((f) => f.includes(squash(r.text as string))))
        p.push(`${where}: moved-to-metadata text is not contained in any front matter field`);
    }
    text = text.split(r.text).join('');
  });

  if (has('markup')) text = text.replace(/<\/?i>/g, '');

  const dh = fm.repairs.find((r) => r.kind === 'dehyphenation');
  if (dh) {
    const kept = new Set(dh.kept ?? []);
    const used = new Set<string>();
    text = dehyphenate(text, kept, used);
    for (const k of kept) if (!used.has(k)) p.push(`dehyphenation: kept ${show(k)} is never used (no line-end hyphen X-\\nY with X-Y = ${k} in the raw file)`);
  }
  return { text: stripStars(text), problems: p };
}

// ---------------------------------------------------------------------------------------------
// Corpus side

export interface Tok {
  word: string;
  line: number;
}
export type Segment =
  | { kind: 'text'; toks: Tok[] }
  | { kind: 'table'; line: number; cells: string[][]; toks: Tok[]; before: string; rebuilt: boolean; order?: 'rows' | 'columns' };

const FOOTNOTE = /\[\^(\d+)\]/g;
/** Markdown → plain words: footnote marker `[^n]` glued back as `n`, emphasis and escapes dropped. */
export const plainInline = (s: string, markers: 'glue' | 'drop' = 'glue'): string =>
  stripStars(s.replace(FOOTNOTE, markers === 'glue' ? '$1' : ''))
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');

const isTableLine = (l: string): boolean => l.trimStart().startsWith('|');
const isDelimiterRow = (l: string): boolean => /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(l);
const splitRow = (l: string): string[] =>
  l
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
const stripBlockSyntax = (l: string): string => l.replace(/^\s*(>\s?)+/, '').replace(/^\s{0,3}#{1,6}\s+/, '');

/** Splits the body into text and table segments (line numbers relative to the whole file).
 *  A table counts as rebuilt (compared as a multiset) only when its caption is a table-rebuild's
 *  caption; other tables (e.g. a tab-separated raw table turned into cells) are compared in order. */
export function corpusSegments(body: string, firstLine = 1, rebuilds: readonly Repair[] = []): Segment[] {
  const caps = new Map(rebuilds.filter((r) => r.caption !== undefined).map((r) => [squash(plainInline(r.caption as string)), r]));
  const lines = body.split('\n');
  const segs: Segment[] = [];
  let text: Tok[] = [];
  let lastBlock = '';
  for (let i = 0; i < lines.length; i++) {
    const line = firstLine + i;
    if (isTableLine(lines[i]!)) {
      const cells: string[][] = [];
      const toks: Tok[] = [];
      const start = line;
      for (; i < lines.length && isTableLine(lines[i]!); i++) {
        if (isDelimiterRow(lines[i]!)) continue;
        const row = splitRow(lines[i]!).map((c) => squash(plainInline(c)));
        cells.push(row);
        for (const c of row) for (const w of tokenise(c)) toks.push({ word: w, line: firstLine + i });
      }
      i--;
      segs.push({ kind: 'text', toks: text });
      segs.push({ kind: 'table', line: start, cells, toks, before: lastBlock, rebuilt: false });
      text = [];
      continue;
    }
    const plain = plainInline(stripBlockSyntax(lines[i]!));
    if (plain.trim() !== '') lastBlock = squash(plain);
    for (const w of tokenise(plain)) text.push({ word: w, line });
  }
  segs.push({ kind: 'text', toks: text });
  for (const s of segs)
    if (s.kind === 'table') {
      s.rebuilt = caps.has(s.before);
      s.order = caps.get(s.before)?.order;
    }
  return segs.filter((s) => s.kind === 'table' || s.toks.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Comparison

const context = (words: readonly string[], at: number, before = 8, after = 8): string =>
  `${at > before ? '… ' : ''}${words.slice(Math.max(0, at - before), at).join(' ')} ⟦${words[at] ?? '<end>'}⟧ ${words
    .slice(at + 1, at + 1 + after)
    .join(' ')}${at + 1 + after < words.length ? ' …' : ''}`;

function diagnose(raw: readonly string[], i: number, cor: readonly Tok[], j: number): string {
  const r = raw[i];
  const c = cor[j]?.word;
  if (c !== undefined && raw[i + 1] === c && raw[i + 2] === cor[j + 1]?.word) return `corpus lacks raw word ${show(r ?? '')}`;
  if (r !== undefined && cor[j + 1]?.word === r && cor[j + 2]?.word === raw[i + 1]) return `corpus adds word ${show(c ?? '')}`;
  if (r !== undefined && c !== undefined && r === cor[j + 1]?.word && c === raw[i + 1]) return `words swapped: ${show(r)} and ${show(c)}`;
  if (r !== undefined && c !== undefined && r.replace(/\d+$/, '') === c.replace(/\d+$/, '') && r !== c)
    return `footnote marker differs at ${show(r)}: corpus has ${show(c)} (markers must be glued where the raw has the number)`;
  if (r !== undefined && c !== undefined && /\d$/.test(r) && r.replace(/\d+$/, '') !== '' && c === r.replace(/\d+$/, ''))
    return `raw ${show(r)} carries a number the corpus lacks here (missing or moved footnote marker?)`;
  // Longer insertions/losses: the sequences resynchronise after k words on one side.
  const same = (a: number, b: number): boolean => [0, 1, 2].every((q) => raw[a + q] !== undefined && raw[a + q] === cor[b + q]?.word);
  for (let k = 2; k <= 60; k++) {
    if (same(i, j + k)) return `corpus adds ${k} words: ${show(cor.slice(j, j + k).map((t) => t.word).join(' '))}`;
    if (same(i + k, j)) return `corpus lacks ${k} raw words: ${show(raw.slice(i, i + k).join(' '))}`;
  }
  if (r === undefined) return `corpus has extra words at the end`;
  if (c === undefined) return `corpus ends early`;
  return `raw has ${show(r)}, corpus has ${show(c)}`;
}

/** The body rows' cells (header excluded) must appear in the raw block in reading order: column by
 *  column (a linearised PDF table) or row by row (a tab-separated one). Catches a cell put in the
 *  wrong row or column, which the multiset and contiguity checks cannot see. */
function cellOrderProblem(rows: readonly string[][], block: readonly string[], order?: 'rows' | 'columns'): string | null {
  const walk = (o: 'rows' | 'columns'): string | null => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const seq: [number, number][] = [];
    if (o === 'columns') for (let c = 0; c < width; c++) for (let r = 0; r < rows.length; r++) seq.push([r, c]);
    else for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) seq.push([r, c]);
    let at = 0;
    for (const [r, c] of seq) {
      const cell = rows[r]?.[c] ?? '';
      const cw = tokenise(cell);
      if (cw.length === 0) continue;
      let k = at;
      while (k + cw.length <= block.length && !cw.every((w, q) => block[k + q] === w)) k++;
      if (k + cw.length > block.length)
        return (
          `cell ${show(cell)} (row ${r + 2}, column ${c + 1}) is out of the raw ${o === 'columns' ? 'column-by-column' : 'row-by-row'} ` +
          `order (expected after raw ${show(block.slice(Math.max(0, at - 6), at).join(' '))}); a cell in the wrong row or column?`
        );
      at = k + cw.length;
    }
    return null;
  };
  if (order !== undefined) return walk(order);
  const cols = walk('columns');
  return cols === null || walk('rows') === null ? null : `${cols} (no order given; row-by-row fails too)`;
}

/** Compares normalised raw words with the corpus segments: text exactly, tables as multisets. */
export function compareWords(rawToks: readonly RawTok[], segs: readonly Segment[]): string[] {
  const rawWords = rawToks.map((t) => t.word);
  let i = 0;
  for (const seg of segs) {
    if (seg.kind === 'text' || !seg.rebuilt) {
      const cw = seg.toks.map((t) => t.word);
      for (let j = 0; j < seg.toks.length; j++, i++) {
        if (rawWords[i] === cw[j]) continue;
        return [
          `word mismatch at corpus line ${seg.toks[j]!.line} (raw word #${i + 1}): ${diagnose(rawWords, i, seg.toks, j)}\n` +
            `  raw:    ${context(rawWords, i)}\n  corpus: ${context(cw, j)}`,
        ];
      }
      continue;
    }
    const n = seg.toks.length;
    const block = rawWords.slice(i, i + n);
    const tally = new Map<string, number>();
    for (const w of block) tally.set(w, (tally.get(w) ?? 0) + 1);
    for (const t of seg.toks) tally.set(t.word, (tally.get(t.word) ?? 0) - 1);
    const missing = [...tally].filter(([, k]) => k > 0).map(([w, k]) => (k > 1 ? `${w} ×${k}` : w));
    const extra = [...tally].filter(([, k]) => k < 0).map(([w, k]) => (k < -1 ? `${w} ×${-k}` : w));
    if (missing.length > 0 || extra.length > 0)
      return [
        `table at corpus line ${seg.line}: its ${n} words are not a permutation of the next ${n} raw words` +
          ` (raw word #${i + 1} on: ${show(block.slice(0, 12).join(' '))}…)\n` +
          `  raw words missing from the table: ${missing.join(', ') || '-'}\n  table words not in the raw block: ${extra.join(', ') || '-'}`,
      ];
    // Each cell must be a contiguous run of the raw block; body cells must also start and end at
    // a raw line break or tab (header cells may share a raw line: "External Factors Internal Factors").
    const brk = rawToks.slice(i, i + n).map((t) => t.brk);
    const p: string[] = [];
    seg.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const cw = tokenise(cell);
        if (cw.length === 0) return;
        let contiguous = false;
        let delimited = false;
        for (let k = 0; k + cw.length <= n; k++) {
          if (!cw.every((w, q) => block[k + q] === w)) continue;
          contiguous = true;
          if ((k === 0 || brk[k]) && (k + cw.length === n || brk[k + cw.length])) delimited = true;
        }
        const where = `table at corpus line ${seg.line}, row ${r + 1}, column ${c + 1}: cell ${show(cell)}`;
        if (!contiguous) p.push(`${where} does not occur contiguously in the raw table block`);
        else if (r > 0 && !delimited) p.push(`${where} does not start and end at a raw line break (cells were split at the wrong place?)`);
      }),
    );
    if (p.length > 0) return p;
    const order = cellOrderProblem(seg.cells.slice(1), block, seg.order);
    if (order !== null) return [`table at corpus line ${seg.line}: ${order}`];
    i += n;
  }
  if (i < rawWords.length) return [`corpus ends early: raw continues with ${show(rawWords.slice(i, i + 12).join(' '))}… (${rawWords.length - i} words left)`];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Structure checks

export function footnoteMarkers(body: string): number[] {
  return [...body.matchAll(FOOTNOTE)].map((m) => Number(m[1]));
}

/** Problems with the body's block structure (see "Body" in docs/corpus-format.md). */
export function structureProblems(body: string, fm: FrontMatter, bodyLine = 1): string[] {
  const p: string[] = [];
  const lines = body.split('\n');
  lines.forEach((l, i) => {
    const n = bodyLine + i;
    const prev = lines[i - 1] ?? '';
    if (l.trim() !== '' && prev.trim() !== '' && !(isTableLine(l) && isTableLine(prev)) && !(/^\s*>/.test(l) && /^\s*>/.test(prev)))
      p.push(`line ${n}: hard line break inside a block (blocks are separated by a blank line): ${show(l.slice(0, 60))}`);
    if (/^\s*\[\^\d+\]:/.test(l)) p.push(`line ${n}: footnote definition; note texts are not in the transcription, none may be written`);
    if (/<\/?(i|b|em|strong|br|p|span|div|sup|sub)\b[^>]*>/i.test(l))
      p.push(`line ${n}: raw HTML in the body`);
    if (/\S\s+\[\^\d+\]/.test(l)) p.push(`line ${n}: footnote marker not glued to the preceding character`);
  });
  const markers = footnoteMarkers(body);
  const declared = fm.repairs.some((r) => r.kind === 'footnote-markers');
  if (!declared && markers.length > 0) p.push(`body has footnote markers but repairs lists no footnote-markers`);
  if (declared) {
    const expected = markers.map((_, k) => k + 1);
    if (markers.length === 0) p.push('footnote-markers is listed but the body has no [^n] markers');
    else if (markers.join(',') !== expected.join(','))
      p.push(`footnote markers must be 1..${markers.length} in order, each once; got ${markers.join(',')}`);
  }
  // Tables: each table-rebuild caption is the block right before exactly one table.
  const captions = fm.repairs.flatMap((r) => (r.kind === 'table-rebuild' && r.caption !== undefined ? [r.caption] : []));
  const tables = corpusSegments(body, bodyLine, fm.repairs.filter((r) => r.kind === 'table-rebuild')).filter((s): s is Extract<Segment, { kind: 'table' }> => s.kind === 'table');
  for (const cap of captions) {
    const n = tables.filter((t) => t.before === squash(plainInline(cap))).length;
    if (n !== 1) p.push(`table-rebuild caption ${show(cap)} must be the block right before exactly one table; found ${n}`);
  }
  for (const t of tables) {
    const widths = new Set(t.cells.map((r) => r.length));
    if (widths.size > 1) p.push(`table at line ${t.line}: rows have different numbers of cells (${[...widths].join(', ')})`);
  }
  return p;
}

/** Pull quotes (and stray pull-quote fragments) are removed as duplicates: the body must keep them. */
export function pullQuoteProblems(body: string, fm: FrontMatter): string[] {
  const dh = fm.repairs.find((r) => r.kind === 'dehyphenation');
  const kept = new Set(dh?.kept ?? []);
  const plainBody = ` ${squash(
    body
      .split('\n')
      .map((l) => plainInline(stripBlockSyntax(l), 'drop'))
      .join('\n'),
  )} `;
  return fm.repairs
    .filter((r) => (r.kind === 'pull-quote' || r.kind === 'stray-fragment') && r.text !== undefined)
    .map((r) => ({ r, q: squash(stripStars(dehyphenate(r.text as string, kept))) }))
    .filter(({ q }) => !plainBody.includes(` ${q}`))
    .map(({ r, q }) => `${r.kind} ${show(q)} was removed as a repeat, but it does not occur in the corpus body`);
}

// ---------------------------------------------------------------------------------------------
// Whole-file check

export interface CheckResult {
  fm?: FrontMatter;
  body: string;
  problems: string[];
}

/** Runs every check for one corpus file. `readRaw` maps the front matter's `raw` to its text. */
export function checkCorpusFile(
  md: string,
  slug: string,
  sourcesDir: string,
  readRaw: (name: string) => string,
): CheckResult {
  const split = splitFrontMatter(md);
  if (split.problems.length > 0) return { body: split.body, problems: split.problems };
  const { fm, problems } = validateFrontMatter(split.data, slug, sourcesDir);
  if (!fm) return { body: split.body, problems };
  const raw = normaliseRaw(readRaw(fm.raw), fm);
  const segs = corpusSegments(
    split.body,
    split.bodyLine,
    fm.repairs.filter((r) => r.kind === 'table-rebuild'),
  );
  return {
    fm,
    body: split.body,
    problems: [
      ...raw.problems,
      ...compareWords(tokeniseRaw(raw.text), segs),
      ...structureProblems(split.body, fm, split.bodyLine),
      ...pullQuoteProblems(split.body, fm),
    ],
  };
}
