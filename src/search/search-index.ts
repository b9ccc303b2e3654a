/**
 * The search box's index: one minisearch index over the sources' blocks, claims, notes, tags
 * and events (`documents.ts`), ranked by BM25 with prefix and fuzzy matching, results grouped
 * by kind with marked snippets. Kept in step with the store by its diffs ({@link
 * SearchIndex.applyDiff}: only the documents a diff touches are added, replaced or discarded);
 * each source's blocks are added once ({@link SearchIndex.addPassages}, in slices by the caller).
 * Pure; the same tokenizer (`terms.ts`) indexes and queries.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Block } from '../corpus/types.ts';
import { paragraphAt } from '../corpus/paragraphs.ts';
import type { Annotation, Claim, EventRecord, RecordsDiff, StoreDiff } from '../store/index.ts';
import { tagsOf } from '../store/index.ts';
import { claimDoc, eventDoc, KINDS, noteDoc, tagDoc, type Kind, type SearchDoc, type Target } from './documents.ts';
import { marked, snippet, type Marked } from './snippet.ts';
import { isStopWord, normalise, words } from './terms.ts';

/** One thing found. */
export interface Hit {
  /** The index document's id (`<kind>:<id>`): stable, for keys and option ids. */
  id: string;
  score: number;
  target: Target;
  /** The title with its matches marked (statement, tag, event name); absent for passages and notes. */
  title?: Marked;
  /** Where the body matched, marked; absent when only the title matched. */
  snippet?: Marked;
  /** For passages and notes: the ¶ readers see, when the source's blocks are known. */
  n?: number;
  /** The index's words this document matched (normalised; fuzzy and prefix forms as found in
   * it, "tokayev" for "Tokaev"): what to mark where the hit opens. */
  words: string[];
}

/** The hits of one kind, best first. */
export interface Group {
  kind: Kind;
  hits: Hit[];
  /** How many of this kind matched (more than `hits` when cut at the limit). */
  total: number;
}

/** What a query found. */
export interface Results {
  /** The query's terms after normalising and dropping stop words; empty: nothing to search. */
  terms: string[];
  /** Non-empty groups in {@link KINDS} order. */
  groups: Group[];
  /** True when no document had every word, so documents with some of them are shown. */
  partial: boolean;
}

/** Records as the store holds them (`CrossreadStore` has these). */
export interface RecordsView {
  annotations: ReadonlyMap<string, Annotation>;
  claims: ReadonlyMap<string, Claim>;
  events: ReadonlyMap<string, EventRecord>;
}

/** Tokenizer and term filter shared by indexing and querying. */
const tokenize = (text: string): string[] => words(text);
const processTerm = (term: string): string | null => (isStopWord(term) ? null : term);

// Numbers are matched exactly ("2022" must not find "2021"); the word being typed (the last) of
// 3+ letters also as a prefix ("Samat Abi" finds "Abish"); words of 5+ letters within one edit
// per seven letters ("Tokaev", "terorism"), never more than one (`maxFuzzy`: two edits on a long
// last word, also matched as a prefix, cost 5x the p95 time over 10,000 claims). Wider nets
// (every word as a prefix) cost several times the time and bring noise.
const isNumber = (t: string) => /^\d+$/.test(t);
const prefix = (t: string, i: number, terms: readonly string[]) => i === terms.length - 1 && t.length >= 3 && !isNumber(t);
const fuzzy = (t: string) => (t.length >= 5 && !/\d/.test(t) ? 0.15 : false);

/** How many of a kind's best hits may move up for holding the query as a phrase. */
const PHRASE_CHECKED = 100;
/** The most hits a kind can list: only the best {@link PHRASE_CHECKED} are ranked. */
export const MOST_PER_KIND = PHRASE_CHECKED;

/** An apparatus passage's score against the text's (a factor). */
const APPARATUS_RANK = 0.2;

/** Hits listed per kind before "more". */
export const DEFAULT_LIMIT = 6;

export class SearchIndex {
  readonly #mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'text'],
    tokenize,
    processTerm,
    searchOptions: { tokenize, processTerm, prefix, fuzzy, maxFuzzy: 1, boost: { title: 2 }, boostDocument: (id: string) => this.#rank(id) },
    // Discarded documents are cleaned up in one go, never in batches with pauses between them:
    // minisearch 7.2 walks the term tree across those pauses, and a document added meanwhile
    // can change the tree under the walk, which then throws. One walk over the index's terms
    // runs once a tenth of the documents were discarded or replaced (minisearch's defaults) and
    // takes about 100 ms with 12,000 documents, the three sources and 9,000 notes.
    autoVacuum: { batchSize: Number.MAX_SAFE_INTEGER, minDirtCount: 20, minDirtFactor: 0.1 },
  });
  readonly #docs = new Map<string, SearchDoc>();
  readonly #blocks = new Map<string, readonly Block[]>();
  // How many claims and annotations carry each tag: a tag document lives while any does.
  readonly #tags = new Map<string, { claims: number; passages: number }>();
  // Each document's title and text normalised, made on the first phrase query that reads it.
  readonly #flat = new WeakMap<SearchDoc, string>();
  // Whether the last query found no document with every word (see #andFirst).
  #lastPartial = false;

  /** How many documents the index holds. */
  get size(): number {
    return this.#docs.size;
  }

  /** Whether discarded documents are being cleaned up (minisearch's vacuum; tests wait for it to end). */
  get cleaning(): boolean {
    return this.#mini.isVacuuming;
  }

  /** Whether a source's blocks have been added (or are being added: see {@link addPassages}). */
  hasSource(source: string): boolean {
    return this.#blocks.has(source);
  }

  /** Marks a source as being indexed, with its blocks for the ¶ of notes; passages follow. */
  startSource(source: string, blocks: readonly Block[]): void {
    this.#blocks.set(source, blocks);
  }

  /** Adds passage documents (`passageDocs`), a slice at a time; a source is added once. */
  addPassages(docs: readonly SearchDoc[]): void {
    for (const d of docs) this.#put(d);
  }

  /** Drops a source's passages (a source the reader removed from the library); its notes go with their records. */
  removeSource(source: string): void {
    const prefix = `passage:${source}:`;
    for (const id of [...this.#docs.keys()]) if (id.startsWith(prefix)) this.#drop(id);
    this.#blocks.delete(source);
  }

  /** The document with this id, if indexed (tests and the view). */
  get(id: string): SearchDoc | undefined {
    return this.#docs.get(id);
  }

  /** Drops every record document (claims, notes, tags, events), keeping the passages. */
  clearRecords(): void {
    for (const id of [...this.#docs.keys()]) if (!id.startsWith('passage:')) this.#drop(id);
    this.#tags.clear();
  }

  /** Replaces every record document by those of `records` at once: the test oracle (the app loads in slices, `live-index.ts`). */
  resetRecords(records: RecordsView): void {
    this.clearRecords();
    this.applyDiff({
      annotations: { added: Object.fromEntries(records.annotations), updated: {}, removed: {} },
      claims: { added: Object.fromEntries(records.claims), updated: {}, removed: {} },
      events: { added: Object.fromEntries(records.events), updated: {}, removed: {} },
    });
  }

  /** Applies one store change: the documents of the records it touches, and their tags. */
  applyDiff(diff: StoreDiff): void {
    const tags = new Set<string>();
    this.#apply(diff.claims, claimDoc, (c) => c.tags, 'claims', tags);
    this.#apply(diff.annotations, noteDoc, tagsOf, 'passages', tags);
    this.#apply(diff.events, eventDoc, () => [], 'claims', tags);
    for (const tag of tags) {
      const count = this.#tags.get(tag);
      if (count && count.claims + count.passages > 0) this.#put(tagDoc(tag, count.claims, count.passages));
      else {
        this.#tags.delete(tag);
        this.#drop(`tag:${tag}`);
      }
    }
  }

  #apply<R>(
    part: RecordsDiff<R> | undefined,
    docFor: (r: R) => SearchDoc | undefined,
    tagsOfRecord: (r: R) => readonly string[],
    counter: 'claims' | 'passages',
    touched: Set<string>,
  ): void {
    if (!part) return;
    const count = (r: R, by: number) => {
      for (const tag of tagsOfRecord(r)) {
        const c = this.#tags.get(tag) ?? { claims: 0, passages: 0 };
        c[counter] += by;
        this.#tags.set(tag, c);
        touched.add(tag);
      }
    };
    for (const r of Object.values(part.removed)) {
      const d = docFor(r);
      if (d) this.#drop(d.id);
      count(r, -1);
    }
    for (const [from, to] of Object.values(part.updated)) {
      const [before, after] = [docFor(from), docFor(to)];
      if (after) this.#put(after); // replaced in place when it was there
      else if (before) this.#drop(before.id);
      count(from, -1);
      count(to, 1);
    }
    for (const r of Object.values(part.added)) {
      const d = docFor(r);
      if (d) this.#put(d);
      count(r, 1);
    }
  }

  #put(doc: SearchDoc): void {
    if (this.#docs.has(doc.id)) this.#mini.replace(doc);
    else this.#mini.add(doc);
    this.#docs.set(doc.id, doc);
  }

  #drop(id: string): void {
    if (!this.#docs.delete(id)) return;
    this.#mini.discard(id);
  }

  /**
   * What `query` finds, best first within each kind, at most `limit` per kind (or `limit(kind)`:
   * one kind listed whole, the others their best few). Every word must
   * match (exactly, as a prefix or fuzzily); when no document has them all, documents with
   * some are shown and `partial` says so. Documents holding the words as typed, in order
   * ("Article 4", "middle power"), rank above those with the words apart. `keep` leaves out
   * what views do not show (records of hidden layers, ADR 0013) before anything is counted.
   */
  search(query: string, limit: number | ((kind: Kind) => number) = DEFAULT_LIMIT, keep?: (target: Target) => boolean): Results {
    const terms = words(query).filter((w) => !isStopWord(w));
    if (terms.length === 0) return { terms, groups: [], partial: false };
    const distinct = new Set(terms).size;
    const shown = (r: SearchResult) => !keep || keep(this.#docs.get(r.id as string)!.target);
    const { found, partial } = this.#lastPartial && distinct > 1 ? this.#orFirst(query, distinct, shown) : this.#andFirst(query, distinct, shown);
    this.#lastPartial = partial;
    // A document holding the query as a phrase holds every word of it: none when partial.
    const phrase = terms.length > 1 && !partial ? ` ${normalise(query)} ` : '';
    const byKind = new Map<Kind, SearchResult[]>(KINDS.map((k) => [k, []]));
    for (const r of found) byKind.get(this.#docs.get(r.id as string)!.target.kind)!.push(r);
    const groups: Group[] = [];
    for (const kind of KINDS) {
      const results = byKind.get(kind)!;
      if (results.length === 0) continue;
      // The phrase check reads each text: only for the best hundred, which is all that can show.
      const ranked = results.slice(0, PHRASE_CHECKED).map((r) => ({ r, score: r.score * (phrase && this.#hasPhrase(r.id as string, phrase) ? 3 : 1) }));
      ranked.sort((a, b) => b.score - a.score);
      groups.push({ kind, total: results.length, hits: ranked.slice(0, typeof limit === 'number' ? limit : limit(kind)).map(({ r, score }) => this.#hit(r, score)) });
    }
    return { terms, groups, partial };
  }

  // Both ways find the same documents with the same scores; they differ in cost. An AND search
  // scores every word's documents but builds results only for those holding all; when there
  // are none, the OR search that follows scores them all again. One OR search scores them once
  // but builds a result for each document holding any word: a document holding every word has
  // the same score there as in an AND search (minisearch sums the words' scores and multiplies
  // by how many matched), so the filter passes only those (minisearch sorts just them) and keeps
  // the others aside, sorted only when none holds every word. As a query is typed, adding
  // words, one with no document holding them all is followed by another: after such a query
  // the OR search goes first.
  #andFirst(query: string, distinct: number, shown: (r: SearchResult) => boolean): { found: SearchResult[]; partial: boolean } {
    const found = this.#mini.search(query, { combineWith: 'AND', filter: shown });
    if (found.length > 0 || distinct < 2) return { found, partial: false };
    return { found: this.#mini.search(query, { combineWith: 'OR', filter: shown }), partial: true };
  }

  #orFirst(query: string, distinct: number, shown: (r: SearchResult) => boolean): { found: SearchResult[]; partial: boolean } {
    const some: SearchResult[] = [];
    const every = (r: SearchResult) => shown(r) && (r.queryTerms.length === distinct || (some.push(r), false));
    const found = this.#mini.search(query, { combineWith: 'OR', filter: every });
    return found.length > 0 ? { found, partial: false } : { found: some.sort((a, b) => b.score - a.score), partial: true };
  }

  // A bibliography entry or a keywords line is found, but after the text: "CSTO" listed two
  // reference entries first (corpus/apparatus.ts says which blocks are apparatus).
  #rank(id: string): number {
    const t = this.#docs.get(id)?.target;
    return t?.kind === 'passage' && t.apparatus ? APPARATUS_RANK : 1;
  }

  #hasPhrase(id: string, phrase: string): boolean {
    const d = this.#docs.get(id)!;
    let flat = this.#flat.get(d);
    if (flat === undefined) this.#flat.set(d, (flat = ` ${normalise(d.title)} \n ${normalise(d.text)} `));
    return flat.includes(phrase);
  }

  #hit(r: SearchResult, score: number): Hit {
    const doc = this.#docs.get(r.id as string)!;
    const terms = new Set(r.terms);
    const fields = new Set(Object.values(r.match).flat());
    const hit: Hit = { id: doc.id, score, target: doc.target, words: [...terms] };
    if (doc.title) hit.title = marked(doc.title, terms);
    if (doc.text && (fields.has('text') || !doc.title)) hit.snippet = snippet(doc.text, terms);
    const t = doc.target;
    if (t.kind === 'passage') hit.n = t.n;
    else if (t.kind === 'note') {
      const blocks = this.#blocks.get(t.source);
      const n = blocks && paragraphAt(blocks, t.start);
      if (n !== undefined) hit.n = n;
    }
    return hit;
  }
}
