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

/**
 * A light English stemmer for matching word forms: plurals, -ed, -ing, -ly, -ation, -ion and a final
 * -e go, and British -is- becomes -iz-, so "collapse", "collapsed" and "collapsing" meet, as do
 * "mobilised" and "mobilization". Deliberately conservative (no -er, -al, -ity): a stem that
 * merges unrelated words costs more than a missed form. Takes a normalised word.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  w = w.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  // -ation, -ing and -ed leave a stem that may double its last consonant ("stopping" → "stopp").
  let cut = false;
  const strip = (ending: string) => w.endsWith(ending) && w.length - ending.length >= 3;
  if (w.endsWith('ied') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (strip('ation')) [w, cut] = [w.slice(0, -5), true];
  else if (/[st]ion$/.test(w) && w.length > 6) w = w.slice(0, -3);
  else if (strip('ing')) [w, cut] = [w.slice(0, -3), true];
  else if (strip('ed')) [w, cut] = [w.slice(0, -2), true];
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  // "stopping" → "stopp" → "stop"; but "fall", "pass", "buzz" keep their double letter.
  if (cut && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
