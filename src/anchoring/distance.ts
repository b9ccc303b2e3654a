/**
 * Bit-parallel edit distance (Myers 1999, in Hyyrö's formulation) for patterns of at most 32
 * characters: one machine word per text character. Used to compare stored context with the text
 * around a candidate, which happens for every candidate and so must not allocate.
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
