import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { SearchIndex, type Results } from '../../src/search/search-index.ts';
import { KINDS, type SearchDoc } from '../../src/search/documents.ts';
import type { CrossreadStore } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

afterEach(() => vi.restoreAllMocks());

/** An index following a store by its diffs, as the search box does. */
async function following() {
  const made = await makeStore();
  const index = new SearchIndex();
  index.resetRecords(made.store);
  made.store.subscribe((diff) => index.applyDiff(diff));
  return { ...made, index };
}

const ids = (r: Results) => Object.fromEntries(r.groups.map((g) => [g.kind, g.hits.map((h) => h.id).sort()]));

async function passage(store: CrossreadStore, n: number, extra: { note?: string; tags?: string[] } = {}) {
  return (await store.createAnnotation({ target: target('doc-a', n * 50), ...extra })).value;
}

describe('search index kept in step with the store', () => {
  it('adds, replaces and discards only the claim a change touches, in the same index', async () => {
    const { store, index } = await following();
    const a = await passage(store, 1);
    const proto = MiniSearch.prototype as MiniSearch<SearchDoc>;
    const add = vi.spyOn(proto, 'add');
    const replace = vi.spyOn(proto, 'replace');
    const discard = vi.spyOn(proto, 'discard');
    const addAll = vi.spyOn(proto, 'addAll');
    const before = index;

    const claim = (await store.createClaim({ statement: 'Elites organised the unrest', evidence: { annotation: a.id, stance: 'asserts' } })).value;
    expect(index.search('unrest').groups[0]!.hits.map((h) => h.id)).toEqual([`claim:${claim.id}`]);
    expect(add.mock.calls.map(([d]) => d.id)).toEqual([`claim:${claim.id}`]);

    add.mockClear();
    await store.updateClaim(claim.id, { statement: 'Rival clans staged the riots' });
    expect(index).toBe(before);
    expect(replace.mock.calls.map(([d]) => d.id)).toEqual([`claim:${claim.id}`]);
    expect(index.get(`claim:${claim.id}`)!.title).toBe('Rival clans staged the riots');
    expect(index.search('unrest').groups).toEqual([]);
    expect(index.search('riots').groups.map((g) => g.kind)).toEqual(['claim']);

    discard.mockClear();
    await store.deleteClaims([claim.id]);
    expect(discard.mock.calls.map(([id]) => id as string)).toEqual([`claim:${claim.id}`]);
    expect(index.search('riots').groups).toEqual([]);
    expect(index.get(`claim:${claim.id}`)).toBeUndefined();
    expect(addAll).not.toHaveBeenCalled();
  });

  it('follows notes, tags (while anything carries them) and events, and undo', async () => {
    const { store, index } = await following();
    const a = await passage(store, 1, { note: 'Compare with the <img src=x onerror=alert(1)> police collapse', tags: ['security forces'] });
    const claim = (await store.createClaim({ statement: 'Police stood down', evidence: { annotation: a.id, stance: 'asserts' }, tags: ['security forces'] })).value;
    const tag = () => index.search('security forces').groups.find((g) => g.kind === 'tag')?.hits[0]?.target;
    expect(tag()).toEqual({ kind: 'tag', tag: 'security forces', claims: 1, passages: 1 });
    const note = index.search('collapse').groups.find((g) => g.kind === 'note')!.hits[0]!;
    expect(note.snippet!.text).toContain('<img src=x onerror=alert(1)>'); // data, for the view to render inert
    expect(note.target).toMatchObject({ kind: 'note', annotation: a.id, source: 'doc-a', quote: 'passage 50' });

    await store.updateClaim(claim.id, { tags: [] });
    expect(tag()).toEqual({ kind: 'tag', tag: 'security forces', claims: 0, passages: 1 });
    const noted = await store.updateAnnotation(a.id, { note: null, tags: [] });
    expect(tag()).toBeUndefined();
    expect(index.search('collapse').groups).toEqual([]);
    await noted.undo();
    expect(tag()).toEqual({ kind: 'tag', tag: 'security forces', claims: 0, passages: 1 });
    expect(index.search('collapse').groups.map((g) => g.kind)).toEqual(['note']);

    const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    expect(index.search('almaty').groups.map((g) => g.kind)).toEqual(['event']);
    expect(index.search('January 2022').groups.find((g) => g.kind === 'event')!.hits[0]!.target).toEqual({ kind: 'event', event: ev.id });
    await store.updateEvent(ev.id, { name: 'Bloody January' });
    expect(index.search('almaty').groups).toEqual([]);
    await store.deleteEvent(ev.id);
    expect(index.search('bloody').groups).toEqual([]);
  });

  it('groups results by kind, in one order, with totals beyond the limit', async () => {
    const { store, index } = await following();
    const a = await passage(store, 1, { note: 'Crackdown in Almaty', tags: ['almaty'] });
    for (let i = 0; i < 8; i++) await store.createClaim({ statement: `Almaty claim ${i}`, evidence: { annotation: a.id, stance: 'mentions' } });
    await store.createEvent({ name: 'Almaty violence', start: '2022-01' });
    const r = index.search('almaty', 5);
    expect(r.groups.map((g) => g.kind)).toEqual(['claim', 'note', 'tag', 'event']);
    expect(r.groups.map((g) => g.kind)).toEqual(KINDS.filter((k) => r.groups.some((g) => g.kind === k)));
    const claims = r.groups[0]!;
    expect([claims.hits.length, claims.total]).toEqual([5, 8]);
    expect(claims.hits.map((h) => h.score)).toEqual([...claims.hits.map((h) => h.score)].sort((x, y) => y - x));
  });

  it('finds what an index rebuilt from the store finds, after any sequence of changes', async () => {
    const vocabulary = ['almaty', 'police', 'elites', 'csto', 'tokayev', 'riots'];
    const word = fc.constantFrom(...vocabulary);
    const op = fc.oneof(
      fc.record({ kind: fc.constant('claim' as const), words: fc.array(word, { minLength: 1, maxLength: 3 }), tags: fc.subarray(vocabulary, { maxLength: 2 }) }),
      fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), words: fc.array(word, { minLength: 1, maxLength: 3 }), tags: fc.subarray(vocabulary, { maxLength: 2 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('note' as const), words: fc.array(word, { minLength: 1, maxLength: 3 }), tags: fc.subarray(vocabulary, { maxLength: 2 }) }),
      fc.record({ kind: fc.constant('undo' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const { store, index } = await following();
        const a = await passage(store, 0);
        let n = 1;
        let undoable = 0; // never undo the passage the claims cite
        for (const o of ops) {
          const claims = [...store.claims.keys()];
          if (o.kind === 'claim') await store.createClaim({ statement: o.words.join(' '), tags: o.tags, evidence: { annotation: a.id, stance: 'asserts' } });
          else if (o.kind === 'note') await passage(store, n++, { note: o.words.join(' '), tags: o.tags });
          else if (o.kind === 'undo') {
            if (undoable === 0) continue;
            await store.undo();
            undoable -= 2; // counted back below
          }
          else if (claims.length === 0) continue;
          else if (o.kind === 'edit') await store.updateClaim(claims[o.pick % claims.length]!, { statement: o.words.join(' '), tags: o.tags });
          else await store.deleteClaims([claims[o.pick % claims.length]!]);
          undoable++;
        }
        const rebuilt = new SearchIndex();
        rebuilt.resetRecords(store);
        expect(index.size).toBe(rebuilt.size);
        for (const w of vocabulary) expect(ids(index.search(w, 100))).toEqual(ids(rebuilt.search(w, 100)));
      }),
      { numRuns: 25, seed: 9 },
    );
  });
});
