/** A run of one side's text: words both sides share, or words only this side has. */
export interface DiffPiece {
  text: string;
  changed: boolean;
}

/** Each side of a word diff, in pieces that join to give that side's text exactly. */
export interface WordDiff {
  before: DiffPiece[];
  after: DiffPiece[];
}

/** Beyond this many words a side, no diff is worked out (quadratic): the texts are shown as they are. */
export const MAX_DIFF_WORDS = 600;

// Words with the whitespace after them, so that joining them gives the text back.
const words = (s: string): string[] => s.match(/\S+\s*|\s+/g) ?? [];

/**
 * Word-level difference of a stored quote and the text it anchors to now, for reviewing a
 * fuzzy match: a longest common subsequence of words, compared without their whitespace. Each
 * side keeps its own spacing, and its words that the other side lacks are `changed`. Returns
 * `undefined` when either side is longer than MAX_DIFF_WORDS words.
 */
export function wordDiff(before: string, after: string): WordDiff | undefined {
  const a = words(before);
  const b = words(after);
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) return undefined;
  const key = (w: string) => w.trim();
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: WordDiff = { before: [], after: [] };
  const push = (side: DiffPiece[], text: string, changed: boolean) => {
    const last = side[side.length - 1];
    if (last?.changed === changed) last.text += text;
    else side.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      push(out.before, a[i++]!, false);
      push(out.after, b[j++]!, false);
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      push(out.after, b[j++]!, true);
    } else {
      push(out.before, a[i++]!, true);
    }
  }
  return out;
}
