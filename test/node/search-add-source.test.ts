import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import * as api from '../../src/search/add-source.ts';
import { addSource } from '../../src/search/add-source.ts';
import { passageDocs } from '../../src/search/documents.ts';
import { SearchIndex } from '../../src/search/search-index.ts';

describe('search/add-source', () => {
  it('exports its public API', () => {
    expect(Object.keys(api).sort()).toEqual(['SLICE_MS', 'addSource']);
  });

  it('adds a source once, in slices that end when the budget is spent, yielding between them', async () => {
    const [doc] = await loadCorpus();
    const index = new SearchIndex();
    // A clock where each block costs 1 ms: a 5 ms budget makes slices of 5 blocks.
    let t = 0;
    let yields = 0;
    const slicing = { budgetMs: 5, now: () => t++, yieldToPage: () => (yields++, Promise.resolve()) };
    const longest = await addSource(index, doc!, slicing);
    expect(index.size).toBe(doc!.blocks.length);
    expect(yields).toBe(Math.ceil(doc!.blocks.length / 5) - 1);
    expect(longest).toBeLessThanOrEqual(6);
    expect(await addSource(index, doc!, slicing)).toBe(0);
    expect(index.size).toBe(doc!.blocks.length);
    // The same documents as one add of the whole source.
    for (const d of passageDocs(doc!)) expect(index.get(d.id)).toEqual(d);
  });

  it('stops between slices when aborted, keeping what it added', async () => {
    const [doc] = await loadCorpus();
    const index = new SearchIndex();
    const abort = new AbortController();
    let t = 0;
    await addSource(index, doc!, { budgetMs: 3, now: () => t++, yieldToPage: () => Promise.resolve(abort.abort()), signal: abort.signal });
    expect(index.size).toBe(3);
  });
});
