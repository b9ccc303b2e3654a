/**
 * The one way text becomes search terms, for every index in `src/search/` (claims, the
 * search box, related passages): case, accents and punctuation ignored, so "Tokayev's",
 * "TOKAYEV" and "Tokáyev" meet. Pure.
 */

/** Lower case, no accents, punctuation as spaces, single spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, normalised, in order (stop words kept: see {@link isStopWord}). */
export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(' ') : [];
}

/**
 * English function words: they say nothing of what a passage is about. Kept short on purpose:
 * "not", "against", "without" carry stance and stay searchable.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have he her hers him his ' +
    'i if in into is it its itself me my of on or our ours she so than that the their theirs them then there ' +
    'these they this those to too us was we were what when where which while who whom whose why will with ' +
    'would you your also may might must shall should such very s t'
  ).split(' '),
);

/** Whether a normalised word is a stop word. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The words of a text that say what it is about: normalised, stop words removed. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !isStopWord(w));
}
