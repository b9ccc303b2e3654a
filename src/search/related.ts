/**
 * Related passages across sources: given a quoted passage, the paragraphs of the other sources
 * that treat the same thing, best first. Lexical relevance, offline, no model: BM25 over
 * paragraphs (¶n, the numbers readers cite) with the corpus's own term statistics, stop words
 * removed, word forms stemmed (terms.ts), and names, figures and acronyms of the quote weighted
 * up. Pure in behaviour; the index of a set of documents is built once and cached.
 *
 * Measured on hand-judged pairs from the three built-in texts (test/node/related-cases.ts,
 * `npm run bench`): what each weighting adds is recorded there, not guessed here.
 */
import type { DocModel } from '../corpus/types.ts';
import { apparatusBlocks } from '../corpus/apparatus.ts';
import { isStopWord, normalise, stem } from './terms.ts';

/** A passage of another source related to the quote. */
export interface RelatedPassage {
  /** The source's id (`DocMeta.id`). */
  source: string;
  /** The ¶ number readers see (`Block.n`, src/corpus/paragraphs.ts). */
  paragraph: number;
  /** BM25 relevance; comparable only within one call. */
  score: number;
}

/** Options of {@link related}. */
export interface RelatedOptions {
  /** A source to leave out, usually the quote's own. */
  exclude?: string;
  /** At most this many passages (default 10). */
  limit?: number;
}

/** BM25 saturation and length normalisation: a little above the usual 1.2 and 0.75, which ranked
 * the tuning half of the evaluation pairs slightly better (long paragraphs match many words by
 * chance, so their length counts more). */
const K1 = 1.6;
const B = 0.9;
/** Weight of a name, figure or acronym of the quote against an ordinary word (1 → 2 raised the
 * check half's MRR from 0.57 to 0.69). */
const NAME_WEIGHT = 2;
/** A passage must match at least this share of the quote's weighted terms, so a lone common word is no relation. */
const MIN_COVERAGE = 0.12;
/** One paragraph as a bag of terms. */
interface Unit {
  source: string;
  paragraph: number;
  /** Position of its document in the call's `docs`, for a stable order of ties. */
  doc: number;
  length: number;
}

/** A set of documents' paragraphs, indexed. */
interface Index {
  docs: readonly DocModel[];
  units: Unit[];
  /** term → [unit index, term frequency] pairs. */
  postings: Map<string, Array<[number, number]>>;
  avgLength: number;
}

/** One document's paragraphs as term counts; cached per model. */
interface DocTerms {
  paragraphs: Array<{ paragraph: number; terms: Map<string, number>; length: number }>;
}

const docCache = new WeakMap<DocModel, DocTerms>();
const indexCache = new WeakMap<readonly DocModel[], Index>();

/**
 * The paragraphs of `docs` that treat what `quote` treats, best first (ties in document and
 * reading order), leaving out the source `exclude`. Term statistics come from every paragraph
 * of every document given, the excluded one included. A quote with no word of substance, or
 * no paragraph sharing enough of its terms, gives an empty list.
 */
export function related(docs: readonly DocModel[], quote: string, options: RelatedOptions = {}): RelatedPassage[] {
  const limit = options.limit ?? 10;
  if (limit <= 0) return [];
  const query = queryTerms(quote);
  if (query.size === 0) return [];
  const index = indexOf(docs);
  const n = index.units.length;
  const scores = new Float64Array(n);
  const matched = new Float64Array(n);
  let total = 0;
  for (const [term, weight] of query) {
    const list = index.postings.get(term);
    const df = list?.length ?? 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    total += weight * idf;
    if (!list) continue;
    for (const [u, tf] of list) {
      const norm = K1 * (1 - B + (B * index.units[u]!.length) / index.avgLength);
      scores[u]! += (weight * idf * (tf * (K1 + 1))) / (tf + norm);
      matched[u]! += weight * idf;
    }
  }
  const found: Array<{ unit: Unit; score: number }> = [];
  for (let u = 0; u < n; u++) {
    const unit = index.units[u]!;
    if (scores[u]! > 0 && unit.source !== options.exclude && matched[u]! >= MIN_COVERAGE * total) found.push({ unit, score: scores[u]! });
  }
  found.sort((a, b) => b.score - a.score || a.unit.doc - b.unit.doc || a.unit.paragraph - b.unit.paragraph);
  return found.slice(0, limit).map(({ unit, score }) => ({ source: unit.source, paragraph: unit.paragraph, score }));
}

/**
 * The quote's terms with their weights: stemmed content words; a word written as a name
 * (capitalised inside a sentence), a figure or an acronym weighs more, since it pins down what
 * the passage is about ("Zhanaozen", "CSTO", "1956") better than its rarity alone says.
 */
function queryTerms(quote: string): Map<string, number> {
  const terms = new Map<string, number>();
  let sentenceStart = true;
  for (const m of joinDigits(quote).matchAll(TOKEN)) {
    const token = m[0];
    if (/^[.!?:;]$/.test(token)) {
      sentenceStart = true;
      continue;
    }
    const named = /\p{N}/u.test(token) || /^\p{Lu}{2,}$/u.test(token) || (!sentenceStart && /^\p{Lu}/u.test(token));
    for (const term of termsOfToken(token)) terms.set(term, Math.max(terms.get(term) ?? 0, named ? NAME_WEIGHT : 1));
    sentenceStart = false;
  }
  return terms;
}

/** A word (run of letters, marks and digits) or a sentence-ending mark. */
const TOKEN = /[\p{L}\p{M}\p{N}]+|[.!?:;]/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const stems = new Map<string, string>();

/**
 * The terms of one token: its normalised words (terms.ts; most tokens are plain ASCII, whose
 * normal form is their lower case), stop words dropped, stemmed. Stems are remembered: a
 * corpus has a few thousand distinct words, and stemming each occurrence afresh made building
 * the index three times slower.
 */
function termsOfToken(token: string): string[] {
  const words = ASCII_WORD.test(token) ? [token.toLowerCase()] : normalise(token).split(' ');
  const out: string[] = [];
  for (const word of words) {
    if (!word || isStopWord(word)) continue;
    let s = stems.get(word);
    if (s === undefined) {
      if (stems.size > 100_000) stems.clear();
      stems.set(word, (s = stem(word)));
    }
    out.push(s);
  }
  return out;
}

/** "10,000" and "2.5" as one figure, not "10" and "000". */
function joinDigits(text: string): string {
  return text.replace(/(\d)[,.](?=\d)/g, '$1');
}

/** The index of `docs`, cached on the array while it holds the same models. */
function indexOf(docs: readonly DocModel[]): Index {
  const cached = indexCache.get(docs);
  if (cached && cached.docs.length === docs.length && cached.docs.every((d, i) => d === docs[i])) return cached;
  const index: Index = { docs: [...docs], units: [], postings: new Map(), avgLength: 0 };
  let lengths = 0;
  docs.forEach((doc, d) => {
    for (const p of termsOf(doc).paragraphs) {
      const u = index.units.push({ source: doc.meta.id, paragraph: p.paragraph, doc: d, length: p.length }) - 1;
      lengths += p.length;
      for (const [term, tf] of p.terms) {
        const list = index.postings.get(term);
        if (list) list.push([u, tf]);
        else index.postings.set(term, [[u, tf]]);
      }
    }
  });
  index.avgLength = index.units.length ? lengths / index.units.length : 1;
  indexCache.set(docs, index);
  return index;
}

/** A document's paragraphs (¶n; headings and apparatus, corpus/apparatus.ts, left out) as term counts. */
function termsOf(doc: DocModel): DocTerms {
  const cached = docCache.get(doc);
  if (cached) return cached;
  const texts = new Map<number, string[]>();
  const apparatus = apparatusBlocks(doc);
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading' || apparatus[i]) return;
    const text = doc.text.slice(b.start, b.end);
    const list = texts.get(b.n);
    if (list) list.push(text);
    else texts.set(b.n, [text]);
  });
  const paragraphs: DocTerms['paragraphs'] = [];
  for (const [paragraph, parts] of texts) {
    const terms = new Map<string, number>();
    let length = 0;
    for (const m of joinDigits(parts.join('\n')).matchAll(TOKEN)) {
      for (const term of termsOfToken(m[0])) {
        terms.set(term, (terms.get(term) ?? 0) + 1);
        length++;
      }
    }
    if (length) paragraphs.push({ paragraph, terms, length });
  }
  const result = { paragraphs };
  docCache.set(doc, result);
  return result;
}
