/**
 * A cheap, linear look at how deeply a Markdown source nests, before the parser sees it.
 * micromark and the tree steps after it recurse per level and pair delimiters in ways that grow
 * faster than the input: `- ` × 10,000 or a long run of `*` overflows the stack, and thousands
 * of unmatched `*`, `[` or `](` in one paragraph take seconds per kilobyte. Real writing nests a
 * few levels, so generous limits refuse only files built to stall a reader. The counts are upper
 * bounds (code spans and indented code are not told apart), never below the parser's depth.
 */

/** Deepest nesting read: lists and quotes per line, open emphasis and brackets per paragraph. */
export const NESTING_LIMIT = 100;
/** Most emphasis marks and brackets read in one paragraph. */
export const DELIMITER_LIMIT = 2000;
/** Widest table read: the page lays a table out in one go across (2,000 columns took 200 ms). */
export const COLUMN_LIMIT = 200;
/** Most cells read in one table (50,000 rows of 3 open; rows are laid out a few at a time). */
export const CELL_LIMIT = 250_000;

/** The deepest nesting found in a source. */
export interface Nesting {
  /** List items and block quotes open on one line (markers, plus indentation in steps of 2). */
  containers: number;
  /** Emphasis marks and `[` opened and not yet closed within one paragraph. */
  inline: number;
  /** Emphasis runs and brackets in one paragraph. */
  delimiters: number;
  /** Columns of the widest table (cells of its delimiter row, `|---|---|`). */
  columns: number;
  /** Cells of the largest table: columns × rows, header included. */
  cells: number;
}

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t';
const FENCE = /^(`{3,}|~{3,})/;

/** Cells of a table's delimiter row (`|:--|--:|`), or 0 when `line` is not one. Linear, no regex. */
function delimiterCells(line: string): number {
  let cells = 0;
  let dash = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '-') {
      if (!dash) cells++;
      dash = true;
    } else if (c === '|') dash = false;
    else if (c !== ':' && c !== ' ' && c !== '\t') return 0;
  }
  return cells;
}

/** Measure a source's nesting in one pass. */
export function measureNesting(source: string): Nesting {
  const max: Nesting = { containers: 0, inline: 0, delimiters: 0, columns: 0, cells: 0 };
  // The table being read: its columns (0: none) and rows so far.
  let columns = 0;
  let rows = 0;
  let emphasis = 0;
  let brackets = 0;
  let delimiters = 0;
  let fence = '';
  for (let from = 0; from <= source.length; ) {
    let to = source.indexOf('\n', from);
    if (to < 0) to = source.length;
    const line = source.slice(from, to);
    from = to + 1;

    // Container markers at the start of the line: indentation, then `>`, `-`, `+`, `*`, `1.`, `1)`.
    let i = 0;
    let indent = 0;
    for (; line[i] === ' ' || line[i] === '\t'; i++) indent += line[i] === '\t' ? 4 : 1;
    let markers = 0;
    for (;;) {
      const c = line[i];
      let next = i;
      if (c === '>') next = i + 1;
      else if ((c === '-' || c === '+' || c === '*') && isSpace(line[i + 1])) next = i + 1;
      else {
        let d = i;
        while (d < line.length && d - i < 9 && line.charCodeAt(d) >= 48 && line.charCodeAt(d) <= 57) d++;
        if (d > i && (line[d] === '.' || line[d] === ')') && isSpace(line[d + 1])) next = d + 1;
      }
      if (next === i) break;
      markers++;
      for (i = next; line[i] === ' ' || line[i] === '\t'; i++);
    }
    const rest = line.slice(i).replace(/\r$/, '');

    if (fence) {
      if (rest.startsWith(fence)) fence = '';
      continue;
    }
    const opening = FENCE.exec(rest);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    max.containers = Math.max(max.containers, markers + Math.floor(indent / 2));
    // A table: a delimiter row under its header row, then rows until a blank line.
    if (!rest.trim()) columns = 0;
    else if (columns) rows++;
    else if (rest.includes('|')) {
      columns = delimiterCells(rest);
      rows = 1;
    }
    if (columns) {
      max.columns = Math.max(max.columns, columns);
      max.cells = Math.max(max.cells, columns * rows);
    }
    // A blank line or a new block starts a new paragraph: emphasis and links never cross it.
    if (!rest.trim() || markers > 0 || rest[0] === '#' || rest[0] === '|') emphasis = brackets = delimiters = 0;

    for (let j = 0; j < rest.length; j++) {
      const c = rest[j]!;
      if (c === '\\') j++;
      else if (c === '[') {
        brackets++;
        delimiters++;
      } else if (c === ']') {
        if (brackets > 0) brackets--;
        delimiters++;
      } else if (c === '*' || c === '_' || c === '~') {
        let k = j;
        while (rest[k + 1] === c) k++;
        const run = k - j + 1;
        const closes = !isSpace(rest[j - 1]) && j > 0 ? Math.min(run, emphasis) : 0;
        emphasis -= closes;
        if (!closes && !isSpace(rest[k + 1])) emphasis += run;
        delimiters++;
        j = k;
      } else continue;
      max.inline = Math.max(max.inline, emphasis + brackets);
      max.delimiters = Math.max(max.delimiters, delimiters);
    }
  }
  return max;
}

/** Why a source nests too deeply to read, phrased to follow the file's name, or undefined. */
export function nestingProblem(source: string): string | undefined {
  const n = measureNesting(source);
  const tail = 'a file built like this can freeze a reader, so it was not opened';
  const count = (x: number) => x.toLocaleString('en');
  if (n.containers > NESTING_LIMIT) return `nests lists or quotes ${count(n.containers)} levels deep, more than the ${NESTING_LIMIT} Crossread reads; ${tail}`;
  if (n.inline > NESTING_LIMIT) return `nests emphasis or brackets ${count(n.inline)} levels deep, more than the ${NESTING_LIMIT} Crossread reads; ${tail}`;
  if (n.columns > COLUMN_LIMIT) return `has a table of ${count(n.columns)} columns, more than the ${COLUMN_LIMIT} Crossread shows; ${tail}`;
  if (n.cells > CELL_LIMIT) return `has a table of ${count(n.cells)} cells, more than the ${count(CELL_LIMIT)} Crossread shows in one table; ${tail}`;
  if (n.delimiters > DELIMITER_LIMIT) return `has a paragraph with ${count(n.delimiters)} emphasis marks or brackets, more than the ${count(DELIMITER_LIMIT)} Crossread reads in one paragraph; ${tail}`;
  return undefined;
}
