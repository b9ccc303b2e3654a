// Two tabs racing within the broadcast latency: the commit-time re-check (integrity.ts `commitReads`,
// `commitIssues`) and MemoryPersistence refusing a stale diff as `conflict`. IndexedDB: test/browser/store/race.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MemoryPersistence,
  StoreError,
  applyDiff,
  emptyState,
  eventsOf,
  integrityIssues,
  stateIssues,
  type Annotation,
  type Claim,
  type CrossreadStore,
  type EventRecord,
  type Link,
  type StoreDiff,
  type StoreErrorEvent,
  type StoreState,
} from '../../src/store/index.ts';
import { commitIssues, commitReads, readAfter } from '../../src/store/integrity.ts';
import { makeStore } from './claims-fixtures.ts';
import { LAYER, annotation, fixedId, target } from './store-fixtures.ts';

const T = '2025-01-02T03:04:05.000Z';
const person = { type: 'Person' as const, name: 'Ada' };
const claim = (n: number, cites: number[], events: number[] = []): Claim => ({
  id: fixedId(n), type: 'Claim', statement: `Claim ${n}`, tags: [], events: events.map(fixedId),
  evidence: cites.map((a) => ({ annotation: fixedId(a), stance: 'asserts' as const })), creator: person, created: T, modified: T, layer: LAYER, version: {},
});
const link = (n: number, from: number, to: number, relation: Link['relation'] = 'supports'): Link => ({
  id: fixedId(n), type: 'Link', relation, from: fixedId(from), to: fixedId(to), creator: person, created: T, modified: T, layer: LAYER, version: {},
});
const event = (n: number): EventRecord => ({ id: fixedId(n), type: 'Event', name: `Event ${n}`, start: '2022', creator: person, created: T, modified: T, layer: LAYER, version: {} });
const about = (n: number, events: number[]): Annotation => annotation(n, { events: events.map(fixedId) });
const part = <R>(p: Partial<{ added: Record<string, R>; updated: Record<string, [R, R]>; removed: Record<string, R> }>) => ({ added: {}, updated: {}, removed: {}, ...p });
const byId = <R extends { id: string }>(...records: R[]) => Object.fromEntries(records.map((r) => [r.id, r]));

/** Annotations 1–2 (2 about event 9), claims 3 (cites 1) and 4 (cites 2, about 9), link 5: 3 → 4, event 9. */
function world(): StoreState {
  const s = emptyState();
  for (const a of [annotation(1), about(2, [9])]) s.annotations.set(a.id, a);
  for (const c of [claim(3, [1]), claim(4, [2], [9])]) s.claims.set(c.id, c);
  s.links.set(fixedId(5), link(5, 3, 4));
  s.events.set(fixedId(9), event(9));
  return s;
}

describe('commit-time reads', () => {
  it('list only what the diff’s references depend on', () => {
    const none = { ids: {}, whole: [], linksFrom: [], linksTo: [] };
    expect(commitReads({ settings: part({ added: { creatorName: { id: 'creatorName', value: 'Ada' } } }) })).toEqual(none);
    expect(commitReads({ claims: part({ added: byId(claim(6, [1, 2], [9])) }) })).toEqual({
      ...none, ids: { annotations: [fixedId(1), fixedId(2)], events: [fixedId(9)] },
    });
    expect(commitReads({ links: part({ added: byId(link(6, 3, 4)) }) })).toEqual({
      ...none, ids: { claims: [fixedId(3), fixedId(4)] }, linksFrom: [fixedId(3), fixedId(4)],
    });
    expect(commitReads({ claims: part({ removed: byId(claim(3, [1])) }) })).toEqual({ ...none, linksFrom: [fixedId(3)], linksTo: [fixedId(3)] });
    expect(commitReads({ annotations: part({ removed: byId(annotation(1)) }) })).toEqual({ ...none, whole: ['claims'] });
    expect(commitReads({ events: part({ removed: byId(event(9)) }) })).toEqual({ ...none, whole: ['annotations', 'claims'] });
  });

  it('read after the writes, from data another tab changed, find the stale diff’s dangling references', () => {
    // Tab A deleted annotation 1 (keeping claim 3), claim 4 with link 5, and event 9 (untagging 2); tab B still sees them all.
    const moved = world();
    applyDiff(moved, {
      annotations: part({ removed: byId(annotation(1)), updated: { [fixedId(2)]: [about(2, [9]), about(2, [])] } }),
      claims: part({ removed: byId(claim(4, [2], [9])), updated: { [fixedId(3)]: [claim(3, [1]), claim(3, [])] } }),
      links: part({ removed: byId(link(5, 3, 4)) }),
      events: part({ removed: byId(event(9)) }),
    });
    expect(stateIssues(moved)).toEqual([]);
    const stale: [string, StoreDiff][] = [
      ['a claim citing the deleted annotation', { claims: part({ added: byId(claim(6, [1])) }) }],
      ['a link to the deleted claim', { links: part({ added: byId(link(6, 4, 3)) }) }],
      ['tagging with the deleted event', { annotations: part({ updated: { [fixedId(2)]: [about(2, []), about(2, [9])] } }) }],
    ];
    for (const [what, diff] of stale) {
      expect(integrityIssues(world(), diff), what).toEqual([]);
      expect(commitIssues(diff, readAfter(moved, diff)), what).toHaveLength(1);
    }
    // The other way round: B's writes landed first, A's diff (built without seeing them) removes what they cite.
    const cited = world();
    cited.claims.set(fixedId(6), claim(6, [1]));
    cited.links.set(fixedId(8), link(8, 6, 3));
    cited.claims.set(fixedId(7), claim(7, [], [9]));
    const removing: StoreDiff[] = [
      { annotations: part({ removed: byId(annotation(1)) }), claims: part({ updated: { [fixedId(3)]: [claim(3, [1]), claim(3, [])] } }) },
      { claims: part({ removed: byId(claim(3, [1])) }), links: part({ removed: byId(link(5, 3, 4)) }) },
      {
        events: part({ removed: byId(event(9)) }),
        annotations: part({ updated: { [fixedId(2)]: [about(2, [9]), about(2, [])] } }),
        claims: part({ updated: { [fixedId(4)]: [claim(4, [2], [9]), claim(4, [2])] } }),
      },
    ];
    for (const diff of removing) {
      expect(integrityIssues(world(), diff)).toEqual([]);
      expect(commitIssues(diff, readAfter(world(), diff))).toEqual([]);
      expect(commitIssues(diff, readAfter(cited, diff))).toHaveLength(1);
    }
  });

  it('see what the whole state would: same issues as integrityIssues for random diffs', () => {
    const ids = [1, 2, 3, 4, 5, 6, 9];
    const diff = fc.record({
      remove: fc.subarray(ids),
      cites: fc.subarray([1, 2, 6]),
      events: fc.subarray([9, 10]),
      from: fc.constantFrom(3, 4, 6, 11),
      to: fc.constantFrom(3, 4, 6),
      relation: fc.constantFrom('supports' as const, 'contradicts' as const),
    });
    fc.assert(
      fc.property(diff, ({ remove, cites, events, from, to, relation }) => {
        const s = world();
        s.claims.set(fixedId(6), claim(6, [1]));
        const d: StoreDiff = {
          annotations: part({}),
          claims: part({ added: byId(claim(12, cites, events)) }),
          links: part({ added: byId(link(13, from, to, relation)) }),
          events: part({}),
        };
        for (const n of remove) {
          for (const c of ['annotations', 'claims', 'links', 'events'] as const) {
            const r = s[c].get(fixedId(n));
            if (r) (d[c]!.removed as Record<string, typeof r>)[r.id] = r;
          }
        }
        const full = integrityIssues(s, d).sort();
        expect(commitIssues(d, readAfter(s, d)).sort()).toEqual(full);
      }),
      { seed: 3003, numRuns: 300 },
    );
  });
});

/** Two stores on one database that do not hear each other: every action of one is unknown to the other. */
async function deafTabs() {
  const shared = emptyState();
  let n = 5000;
  const a = await makeStore({ openPersistence: () => Promise.resolve(new MemoryPersistence({ state: shared })) });
  const x = (await a.store.createAnnotation({ target: target('doc-a', 0) })).value;
  const y = (await a.store.createAnnotation({ target: target('doc-a', 100) })).value;
  const ev = (await a.store.createEvent({ name: 'Almaty violence', start: '2022-01-04' })).value;
  const c1 = (await a.store.createClaim({ statement: 'One', evidence: { annotation: y.id, stance: 'asserts' } })).value;
  const c2 = (await a.store.createClaim({ statement: 'Two', evidence: { annotation: y.id, stance: 'mentions' } })).value;
  const b = await makeStore({ openPersistence: () => Promise.resolve(new MemoryPersistence({ state: shared })), newId: () => fixedId(++n) });
  const errors: StoreErrorEvent[] = [];
  b.store.addEventListener('store-error', (e) => errors.push(e));
  return { shared, a: a.store, b: b.store, errors, x, ev, c1, c2 };
}

async function conflict(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject({ kind: 'conflict' });
  return error as StoreError;
}

const plain = (store: CrossreadStore) => JSON.stringify([...store.annotations, ...store.claims, ...store.links, ...store.events]);

describe('MemoryPersistence refuses a stale diff as `conflict`', () => {
  it('a claim citing an annotation another tab just deleted; memory and data unchanged', async () => {
    const { shared, a, b, errors, x } = await deafTabs();
    await a.deleteAnnotations([x.id]);
    const before = plain(b);
    const error = await conflict(b.createClaim({ statement: 'Stale', evidence: { annotation: x.id, stance: 'asserts' } }));
    expect(error.message).toBe('Another tab changed the same records at the same moment; nothing was saved here. Try again.');
    expect(errors.map((e) => e.kind)).toEqual(['conflict']);
    expect(plain(b)).toBe(before);
    expect(b.undoLabel).toBeUndefined();
    expect([...shared.claims.values()].map((c) => c.statement)).toEqual(['One', 'Two']);
    expect(stateIssues(shared)).toEqual([]);
  });

  it('deleting an annotation another tab just cited', async () => {
    const { shared, a, b, x } = await deafTabs();
    await b.createClaim({ statement: 'Cites x', evidence: { annotation: x.id, stance: 'asserts' } });
    await conflict(a.deleteAnnotations([x.id]));
    expect(a.getAnnotation(x.id)).toBeDefined();
    expect(stateIssues(shared)).toEqual([]);
  });

  it('a link to a claim another tab just deleted, and the other way round', async () => {
    const { shared, a, b, c1, c2 } = await deafTabs();
    await a.deleteClaims([c2.id]);
    await conflict(b.createLink({ relation: 'supports', from: c1.id, to: c2.id }));
    expect(b.links.size).toBe(0);
    const { a: a2, b: b2, c1: d1, c2: d2, shared: shared2 } = await deafTabs();
    await b2.createLink({ relation: 'supports', from: d1.id, to: d2.id });
    await conflict(a2.deleteClaims([d2.id]));
    expect([stateIssues(shared), stateIssues(shared2)]).toEqual([[], []]);
  });

  it('the same contradicts link made in both tabs, either way round', async () => {
    const { shared, a, b, c1, c2 } = await deafTabs();
    await a.createLink({ relation: 'contradicts', from: c1.id, to: c2.id });
    await conflict(b.createLink({ relation: 'contradicts', from: c2.id, to: c1.id }));
    expect([shared.links.size, stateIssues(shared)]).toEqual([1, []]);
  });

  it('tagging with an event another tab just deleted, and undo that would restore a reference to it', async () => {
    const { shared, a, b, x, ev, c1 } = await deafTabs();
    const tagged = (await b.updateClaim(c1.id, { events: [ev.id] })).value;
    expect(tagged.events).toEqual([ev.id]);
    // A does not know the claim is about the event: its delete does not touch the claim.
    await conflict(a.deleteEvent(ev.id));
    // B takes the event back off; now A's delete is fine, and B's stale tagging of x is refused.
    await b.undo();
    await a.deleteEvent(ev.id);
    await conflict(b.updateAnnotation(x.id, { events: [ev.id] }));
    expect(eventsOf(b.getAnnotation(x.id)!)).toEqual([]);
    // Redoing the claim's tagging would point at the deleted event: `false`, nothing saved.
    expect(b.canRedo).toBe(true);
    expect((await b.redo()).done).toBe(false);
    expect(stateIssues(shared)).toEqual([]);
  });
});
