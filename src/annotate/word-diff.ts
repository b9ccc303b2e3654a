/** A run of words that both texts share, or that only the old or only the new one has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many words a side, no diff is worked out (quadratic): the texts are shown as they are. */
export const MAX_DIFF_WORDS = 600;

// Words with the whitespace after them, so that joining the parts gives the text back.
const words = (s: string): string[] => s.match(/\S+\s*|\s+/g) ?? [];

/**
 * Word-level difference of a stored quote and the text it anchors to now, for reviewing a
 * fuzzy match: longest common subsequence of words (whitespace ignored in comparing). Joining
 * the `same` and `added` parts gives `after`; the `same` and `removed` parts give `before`'s
 * words (shared words keep `after`'s spacing).
 * Returns `undefined` when either side is longer than MAX_DIFF_WORDS words.
 */
export function wordDiff(before: string, after: string): DiffPart[] | undefined {
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
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      // Shared word: the new text's spacing, which is what the reader sees now.
      push('same', b[j]!);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      push('added', b[j++]!);
    } else {
      push('removed', a[i++]!);
    }
  }
  return parts;
}
