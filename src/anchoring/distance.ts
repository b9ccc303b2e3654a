/**
 * Bit-parallel edit distance (Myers 1999, in Hyyrö's formulation). For patterns of at most 32
 * characters, one machine word per text character: stored context against the text around a
 * candidate, which happens for every candidate and so must not allocate. For longer strings,
 * `sweep`, by blocks of 32 rows: a quote against a place (gap.ts).
 */

/** Longest pattern the single-word routines accept. */
export const WORD = 32;

// Match masks per UTF-16 code unit, shared by all calls: filled for the pattern's characters
// on entry and cleared on exit, so no call allocates. Not reentrant, and needs not be.
const peq = new Int32Array(65536);

function fill(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) {
    // A UTF-16 code unit is always inside the 65,536-entry table.
    const k = pattern.charCodeAt(i);
    peq[k] = peq[k]! | (1 << i);
  }
}

function clear(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) peq[pattern.charCodeAt(i)] = 0;
}

/**
 * Edit distance between `pattern` and the best-matching suffix of `text`: how well `text`
 * ends with `pattern` (a prefix selector against the text before a candidate).
 */
export function endDistance(pattern: string, text: string): number {
  return endScan(pattern, text, undefined);
}

/**
 * Edit distance between `pattern` and the best-matching prefix of `text`: how well `text`
 * starts with `pattern` (a suffix selector against the text after a candidate).
 */
export function startDistance(pattern: string, text: string): number {
  const m = pattern.length;
  if (m === 0) return 0;
  if (m > WORD) throw new RangeError('pattern longer than 32');
  fill(pattern);
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq[text.charCodeAt(j)]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    // Anchored start: the top row is D[0][j] = j, a +1 carried in at every column.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  clear(pattern);
  return best;
}

/**
 * For every end `j` in 0..text.length, the edit distance between `pattern` and the
 * best-matching substring of `text` ending at `j` (free start): out[j] = endDistance(pattern,
 * text.slice(0, j)), all in one pass. Finds, around a match, where stored context ends.
 */
export function endDistances(pattern: string, text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  out[0] = pattern.length;
  endScan(pattern, text, out);
  return out;
}

// Myers' bit-parallel scan with a free start in the text; the score after each character goes
// to `out` when given. One loop for both uses: the branch on `out` is predictable and cheap.
function endScan(pattern: string, text: string, out: Int32Array | undefined): number {
  const m = pattern.length;
  if (m === 0) return 0;
  if (m > WORD) throw new RangeError('pattern longer than 32');
  fill(pattern);
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq[text.charCodeAt(j)]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    // Free start in the text: the top row stays 0, so nothing is carried in.
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (out) out[j + 1] = score;
  }
  clear(pattern);
  return score;
}

/** `s` backwards, by UTF-16 code unit: matching a pattern from a place onwards is matching it
 * reversed, ending there, in reversed text. */
export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

// For each pair of bytes (bit r of the low byte: a +1 step at row r; of the high byte: a -1 step),
// the sum of the eight steps and the least sum of their first 1..8, offset by 8 to fit a byte.
let steps: Uint8Array | undefined;
function stepTable(): Uint8Array {
  if (steps) return steps;
  steps = new Uint8Array(2 * 65536);
  for (let x = 0; x < 65536; x++) {
    let sum = 0;
    let least = 8;
    for (let r = 0; r < 8; r++) {
      sum += ((x >> r) & 1) - ((x >> (r + 8)) & 1);
      least = Math.min(least, sum);
    }
    steps[2 * x] = sum + 8;
    steps[2 * x + 1] = least + 8;
  }
  return steps;
}

/**
 * The edit distances of `q`'s prefixes against `t`'s, column by column: bit-parallel (Myers 1999,
 * by blocks of 32 rows), `t` down the rows and `q` across the columns. After column k,
 * `visit(k, least, last)` gets the least distance of `q.slice(0, k)` to any prefix of `t` (k plus
 * the least running sum of the column's vertical steps, read a byte at a time from a table) and
 * its distance to all of `t`; columns after a `false` are not computed. O(|q|·|t|/32).
 */
export function sweep(q: string, t: string, visit: (k: number, least: number, last: number) => boolean): void {
  const m = q.length;
  const n = t.length;
  if (!visit(0, 0, n)) return;
  if (n === 0) {
    for (let k = 1; k <= m; k++) if (!visit(k, k, k)) return;
    return;
  }
  const blocks = (n + 31) >> 5;
  // Match masks of the text's rows, per character of the quote.
  const eqs = new Map<number, Int32Array>();
  const none = new Int32Array(blocks);
  for (let k = 0; k < m; k++) eqs.set(q.charCodeAt(k), none);
  for (let i = 0; i < n; i++) {
    const code = t.charCodeAt(i);
    let eq = eqs.get(code);
    if (eq === undefined) continue;
    if (eq === none) eqs.set(code, (eq = new Int32Array(blocks)));
    eq[i >> 5]! |= 1 << (i & 31);
  }
  // Column 0: D[i][0] = i, every step +1.
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBits = n - ((blocks - 1) << 5);
  const lastMask = lastBits === 32 ? -1 : (1 << lastBits) - 1;
  const table = stepTable();
  for (let k = 1; k <= m; k++) {
    const eqb = eqs.get(q.charCodeAt(k - 1))!;
    // The top row is D[0][k] = k: a +1 enters the first block from above.
    let hin = 1;
    let running = 0;
    let least = 0;
    for (let b = 0; b < blocks; b++) {
      let eq = eqb[b]!;
      const p = pv[b]!;
      const x = mv[b]!;
      const xv = eq | x;
      if (hin < 0) eq |= 1;
      const xh = (((eq & p) + p) ^ p) | eq;
      let ph = x | ~(xh | p);
      let mh = p & xh;
      const hout = ph & 0x80000000 ? 1 : mh & 0x80000000 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      const np = mh | ~(xv | ph);
      const nm = ph & xv;
      pv[b] = np;
      mv[b] = nm;
      hin = hout;
      // Only the text's rows count in the last block.
      const mask = b === blocks - 1 ? lastMask : -1;
      const up = np & mask;
      const down = nm & mask;
      for (let shift = 0; shift < 32; shift += 8) {
        const at = 2 * (((up >>> shift) & 0xff) | (((down >>> shift) & 0xff) << 8));
        least = Math.min(least, running + table[at + 1]! - 8);
        running += table[at]! - 8;
      }
    }
    if (!visit(k, k + least, k + running)) return;
  }
}
