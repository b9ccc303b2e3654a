import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import * as api from '../../src/search/live-index.ts';
import { LiveIndex } from '../../src/search/live-index.ts';
import { SearchIndex } from '../../src/search/search-index.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

/** Slices that end after each batch, and a yield the test releases by hand. */
function stepper() {
  const waiting: Array<() => void> = [];
  let t = 0;
  return {
    slicing: { budgetMs: 1, now: () => (t += 1), yieldToPage: () => new Promise<void>((r) => waiting.push(r)) },
    step: async () => {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r));
    },
    waiting,
  };
}

describe('search/live-index', () => {
  it('exports its public API', () => {
    expect(Object.keys(api).sort()).toEqual(['LiveIndex']);
  });

  it('loads records in slices; changes heard meanwhile follow in order', async () => {
    const { store } = await makeStore();
    const a = (await store.createAnnotation({ target: target('doc-a', 0), note: 'first note' })).value;
    for (let i = 0; i < 60; i++) await store.createClaim({ statement: `claim number ${i} about riots`, evidence: { annotation: a.id, stance: 'asserts' } });
    const { slicing, step, waiting } = stepper();
    const live = new LiveIndex(slicing);
    const index = live.index;
    const unsubscribe = store.subscribe((d) => live.change(d));
    const attached = live.attach(store);
    expect(live.loading).toBe(true);
    // While loading: a claim is edited and another deleted.
    const [first, second] = [...store.claims.keys()];
    await store.updateClaim(first!, { statement: 'renamed to protests' });
    await store.deleteClaims([second!]);
    let slices = 1;
    while (waiting.length) {
      await step();
      slices++;
    }
    await attached;
    unsubscribe();
    expect(slices).toBeGreaterThan(1);
    expect(live.loading).toBe(false);
    expect(live.index).toBe(index);
    const rebuilt = new SearchIndex();
    rebuilt.resetRecords(store);
    expect(index.size).toBe(rebuilt.size);
    for (const q of ['riots', 'protests', 'note', 'number 5']) {
      expect(index.search(q, 100).groups.map((g) => [g.kind, g.total])).toEqual(rebuilt.search(q, 100).groups.map((g) => [g.kind, g.total]));
    }
    expect(index.get(`claim:${second}`)).toBeUndefined();
  });

  it('applies a large diff (the store loading, an import) in slices, and what follows after it', async () => {
    const first = await makeStore();
    const a = (await first.store.createAnnotation({ target: target('doc-a', 0) })).value;
    for (let i = 0; i < 80; i++) await first.store.createClaim({ statement: `loaded claim ${i}`, evidence: { annotation: a.id, stance: 'asserts' } });
    const { store, diffs } = await makeStore({ persistence: first.persistence, idBase: 1000 });
    const { slicing, step, waiting } = stepper();
    let settled = 0;
    const live = new LiveIndex(slicing, () => settled++);
    live.change(diffs[0]!); // the load: every record at once
    expect(live.loading).toBe(true);
    const gone = [...store.claims.keys()][3]!;
    const unsubscribe = store.subscribe((d) => live.change(d));
    await store.deleteClaims([gone]);
    while (waiting.length) await step();
    unsubscribe();
    expect([live.loading, settled]).toEqual([false, 1]);
    const rebuilt = new SearchIndex();
    rebuilt.resetRecords(store);
    expect(live.index.size).toBe(rebuilt.size);
    expect(live.index.search('loaded', 100).groups[0]!.total).toBe(79);
    expect(live.index.get(`claim:${gone}`)).toBeUndefined();
  });

  it('adds sources one after another, and goes on after one that fails to load', async () => {
    const docs = await loadCorpus();
    const live = new LiveIndex({ budgetMs: 8, now: () => performance.now(), yieldToPage: () => new Promise((r) => setTimeout(r)) });
    const failed = live.addSource(Promise.reject(new Error('offline')));
    const all = docs.map((d) => live.addSource(d));
    await expect(failed).rejects.toThrow('offline');
    await Promise.all(all);
    expect(live.loading).toBe(false);
    expect(live.index.size).toBe(docs.reduce((n, d) => n + d.blocks.length, 0));
  });
});
