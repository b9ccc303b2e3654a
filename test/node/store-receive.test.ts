// The door for records made elsewhere (ADR 0004): receive() over MemoryPersistence.
// "Elsewhere" is a second store on its own database, so incoming records are made exactly as the app makes them.
import { describe, expect, it } from 'vitest';
import {
  CrossreadStore,
  MemoryPersistence,
  StoreError,
  compareVersions,
  type AnyRecord,
  type IncomingBatch,
  type IncomingRecord,
  type SharedCollection,
} from '../../src/store/index.ts';
import type { Committed } from '../../src/store/commit-plan.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { fixedId, target } from './store-fixtures.ts';

/** A store with ids from `base`, tracking what subscribers hear. */
async function storeAt(base: number, persistence = new MemoryPersistence()) {
  const made = await makeStore({ idBase: base, persistence });
  return { ...made, heard: made.changes };
}

/** Another reader's database with a small map: two passages, an event, two claims, a link. */
async function elsewhere() {
  const made = await storeAt(1000);
  const { store } = made;
  const a1 = (await store.createAnnotation({ target: target('doc-a', 0), note: 'Key passage', tags: ['kz'] })).value;
  const a2 = (await store.createAnnotation({ target: target('doc-b', 50) })).value;
  const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
  const c1 = (await store.createClaim({ statement: 'Aimed at Tokayev', evidence: { annotation: a1.id, stance: 'asserts' }, events: [ev.id] })).value;
  const c2 = (await store.createClaim({ statement: 'Aimed at Nazarbayev', evidence: { annotation: a2.id, stance: 'mentions' } })).value;
  const link = (await store.createLink({ relation: 'contradicts', from: c1.id, to: c2.id })).value;
  return { ...made, a1, a2, ev, c1, c2, link };
}

/**
 * The same map in another database (a second device; later, live sync): edits here of its
 * records are the author's own, so both sides can change them (ADR 0013: others' layers are read-only).
 */
async function twin(there: { store: CrossreadStore }, base = 0) {
  return storeAt(base, new MemoryPersistence({ identity: { replica: fixedId(9999), layer: there.store.localLayer! } }));
}

/** Everything a store holds, as a batch, in the given order of collections. */
function everything(store: CrossreadStore, order: SharedCollection[] = ['annotations', 'events', 'claims', 'links']): IncomingRecord[] {
  return order.flatMap((collection) => [...store[collection].values()].map((record) => ({ collection, record })));
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the batch to be refused');
}

/** Asserts that a refused batch changed nothing anywhere. */
async function unchanged(here: Awaited<ReturnType<typeof storeAt>>, promise: Promise<unknown>): Promise<StoreError> {
  const before = snapshot(here.store);
  const disk = await here.persistence.loadAll();
  const heard = here.heard.length;
  const error = await refusal(promise);
  expect(snapshot(here.store)).toEqual(before);
  expect(await here.persistence.loadAll()).toEqual(disk);
  expect(here.heard).toHaveLength(heard);
  return error;
}

it('pins the exports of the door and of versions', async () => {
  expect(Object.keys(await import('../../src/store/receive.ts')).sort()).toEqual(['SHARED_COLLECTIONS', 'importLabel', 'planReceive', 'resolveConflict']);
  expect(Object.keys(await import('../../src/store/versions.ts')).sort()).toEqual([
    'asCommitted', 'bumpVersion', 'compareVersions', 'mergeVersions', 'stampDiff', 'versionOf',
  ]);
  expect(Object.keys(await import('../../src/store/equal.ts'))).toEqual(['deepEqual']);
});

describe('receive: a valid batch', () => {
  it('adds every record as made elsewhere, in one diff with the origin, saved, undoable as one step', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    // Claims before the passages and the event they cite: order in a batch does not matter.
    const result = await here.store.receive({ put: everything(there.store, ['links', 'claims', 'events', 'annotations']) }, 'import');
    expect(result.summary).toEqual({ added: 6, updated: 0, unchanged: 0, removed: 0, conflicts: 0 });
    expect(result.origin).toBe('import');
    expect(snapshot(here.store)).toEqual(snapshot(there.store));
    // Versions and layers as made there: received records are not local writes.
    expect(here.store.getClaim(there.c1.id)).toEqual(there.c1);
    expect(here.store.getClaim(there.c1.id)!.layer).toBe(there.store.localLayer);
    expect(here.store.localLayer).not.toBe(there.store.localLayer);
    expect(here.heard).toHaveLength(1);
    expect(here.heard[0]![1]).toBe('import');
    expect(Object.keys(here.heard[0]![0].claims!.added)).toEqual([there.c1.id, there.c2.id]);
    const disk = await here.persistence.loadAll();
    expect([disk.annotations.size, disk.claims.size, disk.links.size, disk.events.size]).toEqual([2, 2, 1, 1]);
    expect(here.store.claimsOfEvent(there.ev.id).map((c) => c.id)).toEqual([there.c1.id]);

    expect(here.store.undoLabel).toBe('Import 6 records');
    expect((await result.undo()).done).toBe(true);
    expect([here.store.annotations.size, here.store.claims.size, here.store.links.size, here.store.events.size]).toEqual([0, 0, 0, 0]);
    expect(here.heard.map(([, o]) => o)).toEqual(['import', 'undo']);
  });

  it('imports as previewed, and plans again when something changed since the preview', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    const batch = { put: everything(there.store) };
    expect(here.store.previewReceive(batch).summary).toEqual({ added: 6, updated: 0, unchanged: 0, removed: 0, conflicts: 0 });
    // The same map arrives first another way (a second import, another tab): the preview is stale.
    await here.store.receive({ put: everything(there.store) }, 'import');
    const result = await here.store.receive(batch, 'import');
    expect(result.summary).toEqual({ added: 0, updated: 0, unchanged: 6, removed: 0, conflicts: 0 });
    // A preview, then an edit here of a record the file changes too: not the preview's update
    // but a conflict, so the edit is not overwritten.
    const mine = await twin(there, 7000);
    await mine.store.receive({ put: everything(there.store) }, 'sync');
    await there.store.updateClaim(there.c1.id, { statement: 'Aimed at Tokayev, by his rivals' });
    const newer = { put: everything(there.store) };
    expect(mine.store.previewReceive(newer).summary).toMatchObject({ updated: 1, conflicts: 0 });
    await mine.store.updateClaim(there.c1.id, { statement: 'Aimed at Tokayev, by the family' });
    expect((await mine.store.receive(newer, 'import')).summary).toMatchObject({ updated: 0, conflicts: 1 });
    expect(mine.store.getClaim(there.c1.id)!.statement).toBe('Aimed at Tokayev, by the family');
    // Undone, the map is gone again: previewed now, it imports as previewed.
    await here.store.undo();
    const again = { put: everything(there.store) };
    expect(here.store.previewReceive(again).summary.added).toBe(6);
    expect((await here.store.receive(again, 'import')).summary.added).toBe(6);
    expect(snapshot(here.store)).toEqual(snapshot(there.store));
  });

  it('tells subscribers `sync` for a sync, which is not undoable and drops local undo steps it overrides', async () => {
    const there = await elsewhere();
    const here = await twin(there);
    await here.store.receive({ put: everything(there.store) }, 'sync');
    expect(here.heard.map(([, o]) => o)).toEqual(['sync']);
    expect(here.store.canUndo).toBe(false);
    // A local step on a record, then a newer version of it from the sync engine: the step can no longer be undone.
    const mine = (await here.store.createAnnotation({ target: target('doc-c', 0) })).value;
    await here.store.updateClaim(there.c2.id, { tags: ['local'] });
    const newer = (await there.store.updateClaim(there.c2.id, { tags: ['local'] })).value;
    // Same content, concurrent versions: merged, not a conflict.
    const merged = await here.store.receive({ put: [{ collection: 'claims', record: newer }] }, 'sync');
    expect(merged.summary).toMatchObject({ updated: 1, conflicts: 0 });
    expect(compareVersions(here.store.getClaim(there.c2.id)!.version, newer.version)).toBe('newer');
    expect((await merged.undo()).done).toBe(false);
    // The overtaken step says why once, then undo moves on.
    expect(await here.store.undo()).toEqual({ done: false, reason: 'Can\'t undo “Edit claim”: a synced update has changed the same claim since.' });
    expect(here.store.undoLabel).toBe('Highlight passage');
    expect(here.store.getAnnotation(mine.id)).toBeDefined();
  });
});

describe('receive: invalid batches change nothing', () => {
  it('lists every invalid record with its place and path, and refuses the whole batch', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    const good = everything(there.store);
    const c1 = there.c1 as unknown as Record<string, unknown>;
    const bad: IncomingBatch = {
      put: [
        ...good,
        { collection: 'claims', record: { ...c1, id: fixedId(2001), statement: '  padded ' } },
        { collection: 'claims', record: { ...c1, id: fixedId(2002), colour: 'red' } },
        { collection: 'claims', record: { ...c1, id: fixedId(2003), version: undefined } },
        { collection: 'claims', record: { ...c1, id: fixedId(2004), version: {} } },
        { collection: 'claims', record: { ...c1, id: fixedId(2005), layer: 'mine' } },
        { collection: 'claims', record: { ...c1, id: fixedId(2006), version: { [fixedId(9)]: 0 } } },
        { collection: 'settings' as SharedCollection, record: { id: 'creatorName', value: 'Mallory' } },
        { collection: 'links', record: 'not a record' },
        { collection: 'claims', record: there.c2 },
      ],
    };
    const error = await unchanged(here, here.store.receive(bad, 'import'));
    expect(error.kind).toBe('invalid');
    const problems = error.cause as string[];
    const n = good.length;
    expect(problems).toEqual([
      `put[${n}] claims ${fixedId(2001)}: statement: must not start or end with whitespace`,
      expect.stringMatching(new RegExp(`^put\\[${n + 1}\\] claims ${fixedId(2002)}: colour: `)),
      expect.stringMatching(new RegExp(`^put\\[${n + 2}\\] claims ${fixedId(2003)}: version: `)),
      `put[${n + 3}] claims ${fixedId(2004)}: version: must name at least one write`,
      expect.stringMatching(new RegExp(`^put\\[${n + 4}\\] claims ${fixedId(2005)}: layer: must be urn:uuid`)),
      expect.stringMatching(new RegExp(`^put\\[${n + 5}\\] claims ${fixedId(2006)}: version\\.`)),
      `put[${n + 6}]: cannot receive records of collection "settings"`,
      expect.stringMatching(new RegExp(`^put\\[${n + 7}\\] links: `)),
      `put[${n + 8}]: claims ${there.c2.id} appears more than once in the batch`,
    ]);
    expect(error.message).toMatch(/^Nothing was received: 9 problems: put\[/);
  });

  it('refuses a reference to a record neither here nor in the batch', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    const withoutA1 = everything(there.store).filter(({ record }) => (record as AnyRecord).id !== there.a1.id);
    const error = await unchanged(here, here.store.receive({ put: withoutA1 }, 'import'));
    expect(error.cause).toEqual([`integrity: claims ${there.c1.id} refers to missing annotations ${there.a1.id}`]);
  });

  it('accepts a reference satisfied by a record already here', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    await here.store.receive({ put: [{ collection: 'annotations', record: there.a1 }, { collection: 'events', record: there.ev }] }, 'import');
    const result = await here.store.receive({ put: [{ collection: 'claims', record: there.c1 }] }, 'import');
    expect(result.summary.added).toBe(1);
  });

  it('refuses duplicate links and malformed deletions', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    await here.store.receive({ put: everything(there.store) }, 'import');
    const twin = { ...there.link, id: fixedId(3000), from: there.link.to, to: there.link.from };
    let error = await unchanged(here, here.store.receive({ put: [{ collection: 'links', record: twin }] }, 'import'));
    expect((error.cause as string[])[0]).toMatch(/^integrity: links .* are duplicates \(contradicts\)$/);
    error = await unchanged(here, here.store.receive({ remove: [{ collection: 'claims', id: 'c1', version: {} }] }, 'import'));
    expect(error.cause).toEqual([
      'remove[0]: id: must be urn:uuid:<lowercase uuid>',
      'remove[0]: version: must name at least one write',
    ]);
  });

  it('changes nothing when storage fails', async () => {
    class Failing extends MemoryPersistence {
      override commit(): Promise<Committed> {
        return Promise.reject(new DOMException('full', 'QuotaExceededError'));
      }
    }
    const there = await elsewhere();
    const here = await storeAt(0, new Failing());
    const error = await unchanged(here, here.store.receive({ put: everything(there.store) }, 'import'));
    expect(error.kind).toBe('quota');
    expect(here.store.canUndo).toBe(false);
  });
});

describe('receive: merging with local records', () => {
  it('re-receiving the same records changes nothing, whatever the key order', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    await here.store.receive({ put: everything(there.store) }, 'import');
    // As read back from a file written by another program: keys in reverse order.
    const reordered = everything(there.store).map(({ collection, record }) => ({
      collection,
      record: JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(record as object).reverse()))) as unknown,
    }));
    const again = await here.store.receive({ put: reordered }, 'import');
    expect(again.diff).toEqual({});
    expect(again.summary).toEqual({ added: 0, updated: 0, unchanged: 6, removed: 0, conflicts: 0 });
    expect(here.heard).toHaveLength(1);
    expect(here.store.undoLabel).toBe('Import 6 records');
    expect((await again.undo()).done).toBe(false);
  });

  it('names an import\u2019s undo for what was imported when the importer says (its toast named the file too)', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    const named = await here.store.receive({ put: everything(there.store) }, 'import', '“seminar.json”');
    expect(here.store.undoLabel).toBe('Import “seminar.json”');
    expect(named.label).toBe('Import “seminar.json”');
    expect((await named.undo()).done).toBe(true);
  });

  it('takes newer versions, keeps newer local ones, and reports concurrent edits as conflicts without deciding', async () => {
    const there = await elsewhere();
    const here = await twin(there);
    await here.store.receive({ put: everything(there.store) }, 'import');
    const old = { c2: there.c2, ev: there.ev };
    // There: c1 and c2 edited. Here: c2 edited too (concurrently), the event renamed (newer here).
    const c1 = (await there.store.updateClaim(there.c1.id, { statement: 'Aimed at Tokayev, say insiders' })).value;
    const c2 = (await there.store.updateClaim(there.c2.id, { note: 'Their note' })).value;
    const mineC2 = (await here.store.updateClaim(there.c2.id, { note: 'My note' })).value;
    const mineEv = (await here.store.updateEvent(there.ev.id, { name: 'Almaty, January 2022' })).value;
    const result = await here.store.receive(
      { put: [{ collection: 'claims', record: c1 }, { collection: 'claims', record: c2 }, { collection: 'events', record: old.ev }] },
      'import',
    );
    expect(result.summary).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0, conflicts: 1 });
    expect(here.store.getClaim(c1.id)).toEqual(c1);
    expect(result.conflicts).toEqual([{ collection: 'claims', id: c2.id, reason: 'concurrent', local: mineC2, incoming: c2 }]);
    expect(here.store.getClaim(c2.id)).toEqual(mineC2);
    expect(here.store.getEvent(old.ev.id)).toEqual(mineEv);
    expect(compareVersions(mineC2.version, old.c2.version)).toBe('newer');
  });

  it('settles a conflict as one undoable local write newer than both sides, so it does not come back', async () => {
    const there = await elsewhere();
    const here = await twin(there);
    await here.store.receive({ put: everything(there.store) }, 'import');
    const theirs = (await there.store.updateClaim(there.c2.id, { note: 'Their note' })).value;
    const mine = (await here.store.updateClaim(there.c2.id, { note: 'My note' })).value;
    const batch: IncomingBatch = { put: [{ collection: 'claims', record: theirs }] };
    const [conflict] = (await here.store.receive(batch, 'import')).conflicts;

    const taken = (await here.store.resolveConflict(conflict!, 'theirs')).value;
    expect(here.store.getClaim(theirs.id)).toBe(taken);
    expect({ ...taken, version: undefined }).toEqual({ ...theirs, version: undefined });
    expect(compareVersions(taken!.version, theirs.version)).toBe('newer');
    expect(compareVersions(taken!.version, mine.version)).toBe('newer');
    expect((await here.store.receive(batch, 'import')).summary).toMatchObject({ unchanged: 1, conflicts: 0 });
    // Resolving is a local step. Undoing it restores my content as a write that has seen theirs: mine is kept.
    expect(here.store.undoLabel).toBe('Resolve conflict');
    await here.store.undo();
    expect({ ...here.store.getClaim(theirs.id), version: undefined }).toEqual({ ...mine, version: undefined });
    expect((await here.store.receive(batch, 'import')).summary).toMatchObject({ unchanged: 1, conflicts: 0 });
    // They edit again: a new conflict, settled for mine this time.
    const later = { put: [{ collection: 'claims' as const, record: (await there.store.updateClaim(there.c2.id, { note: 'Their second note' })).value }] };
    const [again] = (await here.store.receive(later, 'import')).conflicts;
    expect(again!.reason).toBe('concurrent');
    await here.store.resolveConflict(again!, 'mine');
    expect(here.store.getClaim(theirs.id)!.note).toBe('My note');
    expect((await here.store.receive(later, 'import')).summary).toMatchObject({ unchanged: 1, conflicts: 0 });
    // A stale conflict is refused rather than overwriting what changed since.
    await expect(here.store.resolveConflict(again!, 'theirs')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('reports the same version with other content, and another layer for the same id', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    await here.store.receive({ put: everything(there.store) }, 'import');
    const forged = { ...there.c1, statement: 'Quietly changed' };
    const moved = { ...there.c2, layer: fixedId(4242) };
    const result = await here.store.receive({ put: [{ collection: 'claims', record: forged }, { collection: 'claims', record: moved }] }, 'import');
    expect(result.conflicts.map((c) => [c.id, c.reason])).toEqual([[there.c1.id, 'diverged'], [there.c2.id, 'layer']]);
    expect(result.diff).toEqual({});
    expect(here.store.getClaim(there.c1.id)).toEqual(there.c1);
    await expect(here.store.resolveConflict(result.conflicts[1]!, 'theirs')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('deletes only what the sender had seen; a record changed here since is a conflict', async () => {
    const there = await elsewhere();
    const here = await twin(there);
    await here.store.receive({ put: everything(there.store) }, 'import');
    const mineC2 = (await here.store.updateClaim(there.c2.id, { tags: ['keep'] })).value;
    const result = await here.store.receive(
      {
        remove: [
          { collection: 'links', id: there.link.id, version: there.link.version },
          { collection: 'claims', id: there.c2.id, version: there.c2.version },
          { collection: 'claims', id: fixedId(5555), version: { [fixedId(9)]: 1 } },
        ],
      },
      'sync',
    );
    expect(result.summary).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 1, conflicts: 1 });
    expect(here.store.getLink(there.link.id)).toBeUndefined();
    expect(result.conflicts).toEqual([{ collection: 'claims', id: there.c2.id, reason: 'changed-since-deleted', local: mineC2, deleted: there.c2.version }]);
    expect(here.store.getClaim(there.c2.id)).toEqual(mineC2);
    expect(here.heard.at(-1)).toEqual([{ links: { added: {}, updated: {}, removed: { [there.link.id]: there.link } } }, 'sync']);
    // Taking their side of a deletion deletes.
    expect((await here.store.resolveConflict(result.conflicts[0]!, 'theirs')).value).toBeUndefined();
    expect(here.store.getClaim(there.c2.id)).toBeUndefined();
  });

  it('refuses a deletion that would leave a reference dangling (no cascades through the door)', async () => {
    const there = await elsewhere();
    const here = await storeAt(0);
    await here.store.receive({ put: everything(there.store) }, 'import');
    const error = await unchanged(here, here.store.receive({ remove: [{ collection: 'annotations', id: there.a1.id, version: there.a1.version }] }, 'import'));
    expect(error.cause).toEqual([`integrity: claims ${there.c1.id} refers to removed annotations ${there.a1.id}`]);
    // With the citing records updated in the same batch, it goes through.
    const c1 = (await there.store.removeEvidence(there.c1.id, there.a1.id)).value;
    const result = await here.store.receive(
      { put: [{ collection: 'claims', record: c1 }], remove: [{ collection: 'annotations', id: there.a1.id, version: there.a1.version }] },
      'import',
    );
    expect(result.summary).toMatchObject({ updated: 1, removed: 1 });
  });
});
