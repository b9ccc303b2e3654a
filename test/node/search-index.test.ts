import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import { buildDocument } from '../../src/corpus/index.ts';
import type { DocModel } from '../../src/corpus/types.ts';
import * as api from '../../src/search/search-index.ts';
import { SearchIndex, type Hit, type Results } from '../../src/search/search-index.ts';
import { passageDocs } from '../../src/search/documents.ts';
import { normalise } from '../../src/search/terms.ts';
import { paragraphMarks } from '../../src/search/snippet.ts';

let docs: DocModel[];
let index: SearchIndex;

beforeAll(async () => {
  docs = await loadCorpus();
  index = new SearchIndex();
  for (const d of docs) {
    index.startSource(d.meta.id, d.blocks);
    index.addPassages(passageDocs(d));
  }
});

/** Every block of the corpus whose text matches `pattern`, as "source ¶n" (found by reading the text). */
function blocksMatching(pattern: RegExp): Set<string> {
  const out = new Set<string>();
  for (const d of docs) for (const b of d.blocks) if (pattern.test(d.text.slice(b.start, b.end))) out.add(`${d.meta.id} ¶${b.n}`);
  return out;
}

const where = (h: Hit) => (h.target.kind === 'passage' ? `${h.target.source} ¶${h.n}` : h.id);
const passages = (r: Results) => r.groups.find((g) => g.kind === 'passage')?.hits ?? [];
const markedWords = (h: Hit) => (h.snippet?.marks ?? []).map(([s, e]) => h.snippet!.text.slice(s, e));

describe('search/search-index', () => {
  it('exports its public API', () => {
    expect(Object.keys(api).sort()).toEqual(['DEFAULT_LIMIT', 'MOST_PER_KIND', 'SearchIndex']);
  });

  it('ranks the text before its apparatus: reference entries come after every passage of the argument, and are still found', () => {
    const isApparatus = (h: Hit) => h.target.kind === 'passage' && h.target.apparatus === true;
    for (const query of ['CSTO', 'Almaty', 'Tokayev']) {
      const hits = passages(index.search(query, 100));
      const firstApparatus = hits.findIndex(isApparatus);
      expect(hits.slice(0, 6).some(isApparatus), query).toBe(false);
      if (firstApparatus > 0) expect(hits.slice(firstApparatus).every(isApparatus), query).toBe(true);
    }
    // Searching for a cited work finds its entry.
    const cited = passages(index.search('Deutsche Welle', 100));
    expect(cited.some(isApparatus)).toBe(true);
    expect(isApparatus(cited[0]!)).toBe(false); // the text that cites it first
  });

  it('says which passage hits are headings', () => {
    const hits = passages(index.search('Elite-Provocateur Connection', 100));
    const heading = hits.find((h) => h.target.kind === 'passage' && h.target.heading);
    expect(heading).toBeDefined();
    const d = docs.find((x) => heading!.target.kind === 'passage' && x.meta.id === heading!.target.source)!;
    expect(d.blocks[(heading!.target as { block: number }).block]!.kind).toBe('heading');
    expect(hits.filter((h) => h.target.kind === 'passage' && h.target.heading).every((h) => d.blocks[(h.target as { block: number }).block]!.kind === 'heading')).toBe(true);
  });

  it('leaves out what `keep` refuses before counting (a hidden layer’s records)', () => {
    const all = passages(index.search('Tokayev', 1000));
    const source = all[0]!.target.kind === 'passage' ? all[0]!.target.source : '';
    const kept = index.search('Tokayev', 1000, (t) => t.kind !== 'passage' || t.source !== source);
    const group = kept.groups.find((g) => g.kind === 'passage')!;
    expect(group.hits.every((h) => h.target.kind === 'passage' && h.target.source !== source)).toBe(true);
    expect(group.total).toBe(all.filter((h) => h.target.kind === 'passage' && h.target.source !== source).length);
    expect(group.total).toBeLessThan(all.length);
  });

  // The six names the issue asks for, each with the blocks that hold it as the text writes it.
  const mustFind: Array<[query: string, holds: RegExp]> = [
    ['titushky', /titushky/i],
    ['Article 4', /Article \(?4\b/], // also "Article (4)"
    ['middle power', /middle[\s-]power/i],
    ['belokepochniki', /belokepochniki/i],
    ['Samat Abish', /Samat Abish/],
    ['Tokaev', /Tokayev/], // misspelt: the text writes "Tokayev"
  ];

  it.each(mustFind)('finds %s at the passages that hold it, best first', (query, holds) => {
    const expected = blocksMatching(holds);
    expect(expected.size).toBeGreaterThan(0);
    const hits = passages(index.search(query, 50));
    expect(expected.has(where(hits[0]!))).toBe(true);
    // Every passage holding the words as written is found, above those holding them apart.
    const found = hits.map(where);
    for (const w of expected) expect(found).toContain(w);
    const firstOther = found.findIndex((w) => !expected.has(w));
    if (firstOther >= 0) expect(found.slice(firstOther).some((w) => expected.has(w))).toBe(false);
  });

  it('marks the matched words in a snippet cut from the passage', () => {
    for (const [query] of mustFind) {
      const hit = passages(index.search(query))[0]!;
      const t = hit.target as { source: string; block: number };
      const doc = docs.find((d) => d.meta.id === t.source)!;
      const b = doc.blocks[t.block]!;
      expect(doc.text.slice(b.start, b.end)).toContain(hit.snippet!.text);
      expect(markedWords(hit).length).toBeGreaterThan(0);
    }
    expect(markedWords(passages(index.search('Tokaev'))[0]!)).toContain('Tokayev');
    expect(markedWords(passages(index.search('Samat Abish'))[0]!).slice(0, 2)).toEqual(['Samat', 'Abish']);
  });

  it('gives a passage hit the words it matched, which mark those words in its ¶ and nowhere else', () => {
    const hit = passages(index.search('Tokaev'))[0]!;
    expect(hit.words).toContain('tokayev'); // as the text writes it, not as typed
    const t = hit.target as { source: string; n: number };
    const doc = docs.find((d) => d.meta.id === t.source)!;
    const spans = paragraphMarks(doc, t.n, hit.words.join(' '));
    // Every occurrence in that ¶ (read from the text), and nothing else.
    const blocks = doc.blocks.filter((b) => b.numbered && b.n === t.n);
    const inPara = blocks.flatMap((b) => [...doc.text.slice(b.start, b.end).matchAll(/\bTokayev\b/g)].map((m) => [b.start + m.index, b.start + m.index + 7]));
    expect(inPara.length).toBeGreaterThan(0);
    expect(spans).toEqual(inPara);
    expect(paragraphMarks(doc, t.n, 'TOKAYEV, the')).toEqual(inPara); // normalised like the index
    expect(paragraphMarks(doc, t.n, '')).toEqual([]);
    expect(paragraphMarks(doc, 99999, 'tokayev')).toEqual([]);
  });

  it('marks a hit in any cell of a table, the table being one ¶', () => {
    const doc = buildDocument('Before the table.\n\n| Region | Outcome |\n|---|---|\n| Almaty | looted |\n');
    const table = doc.blocks.filter((b) => b.kind === 'table-cell');
    expect(new Set(table.map((b) => b.n)).size).toBe(1);
    const at = doc.text.indexOf('looted');
    expect(paragraphMarks(doc, table[0]!.n, 'looted')).toEqual([[at, at + 'looted'.length]]);
  });

  it('matches in general, not for these six: case, accents, hyphens, prefixes, other spellings', () => {
    const top = (q: string) => where(passages(index.search(q))[0]!);
    expect(top('TITUSHKI')).toBe(top('titushky')); // another transliteration
    expect(top('belokepochnik')).toBe(top('belokepochniki')); // a prefix
    expect(top('Ábish Sámat')).toBe(top('Samat Abish')); // accents, order
    expect(top('middle-power')).toBe(top('middle power'));
    expect(blocksMatching(/Nazarbayev/).has(top('Nazarbaev'))).toBe(true);
    expect(passages(index.search('Kassym Jomart')).length).toBe(blocksMatching(/Kassym-Jomart/).size);
    // Numbers are exact: a year finds that year only.
    for (const h of passages(index.search('2022', 100))) expect(h.snippet!.text).toMatch(/2022/);
  });

  it('needs every word, and says when it shows passages with only some', () => {
    const all = index.search('Samat Abish');
    expect(all.partial).toBe(false);
    expect(passages(all).length).toBe(blocksMatching(/Samat/).size);
    const some = index.search('Samat qwertyuiop');
    expect(some.partial).toBe(true);
    expect(passages(some).map(where)).toEqual([...blocksMatching(/Samat/)]);
    // A word given twice is one word to hold (the AND results are picked from one OR search by
    // how many distinct words each document holds).
    const twice = index.search('Samat samat Abish');
    expect(twice.partial).toBe(false);
    expect(passages(twice).map(where)).toEqual(passages(all).map(where));
    // The same results whichever way the search went (a query after one with no document
    // holding every word is searched OR first; see search-index.ts).
    for (const q of ['Samat Abish', 'Samat qwertyuiop', 'CSTO peacekeepers', 'security forces stood down', 'Tokaev']) {
      const fresh = new SearchIndex();
      for (const d of docs) fresh.addPassages(passageDocs(d));
      fresh.search('Samat Abish');
      const afterAll = fresh.search(q, 20);
      fresh.search('Samat qwertyuiop');
      expect(fresh.search(q, 20)).toEqual(afterAll);
    }
    expect(index.search('the of and').terms).toEqual([]);
    expect(index.search('the of and').groups).toEqual([]);
    expect(index.search('zzzzqqqq').groups).toEqual([]);
  });

  it('drops a removed source’s passages, and only them', () => {
    const own = new SearchIndex();
    for (const d of docs) {
      own.startSource(d.meta.id, d.blocks);
      own.addPassages(passageDocs(d));
    }
    const sources = () => new Set(passages(own.search('CSTO', 200)).map((h) => (h.target as { source: string }).source));
    const gone = docs[0]!.meta.id;
    expect(sources().has(gone)).toBe(true);
    own.removeSource(gone);
    expect(own.hasSource(gone)).toBe(false);
    expect(sources().has(gone)).toBe(false);
    expect(own.size).toBe(docs.slice(1).reduce((n, d) => n + d.blocks.length, 0));
  });

  it('gives each passage its source, block and the ¶ readers see', () => {
    for (const h of passages(index.search('CSTO', 40))) {
      const t = h.target as { source: string; block: number; n: number };
      const doc = docs.find((d) => d.meta.id === t.source)!;
      expect(t.n).toBe(doc.blocks[t.block]!.n);
      expect(normalise(doc.text.slice(doc.blocks[t.block]!.start, doc.blocks[t.block]!.end))).toMatch(/\bcst/);
    }
  });
});
