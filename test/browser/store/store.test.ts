import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  CHANNEL_NAME,
  CrossreadStore,
  DB_VERSION,
  noteOf,
  type Annotation,
  type ChangeOrigin,
  type Claim,
  type IncomingRecord,
  type StoreDiff,
  type StoreErrorEvent,
  type StoreErrorKind,
  type StoreOptions,
} from '../../../src/store/index.ts';
import { draft } from '../../node/store-fixtures.ts';
import { deleteTestDBs, openTestDB, openV1DB, readDisk, tampered, uniqueDbName } from './helpers.ts';
import { annotation } from '../../node/store-fixtures.ts';

const toClose: { close(): void }[] = [];
afterEach(async () => {
  for (const c of toClose.splice(0)) c.close();
  await deleteTestDBs();
});

function track(store: CrossreadStore) {
  const events: StoreErrorEvent[] = [];
  const changes: [StoreDiff, ChangeOrigin][] = [];
  store.addEventListener('store-error', (e) => events.push(e));
  store.subscribe((d, o) => changes.push([d, o]));
  return { events, changes };
}

async function openStore(options: StoreOptions) {
  const store = new CrossreadStore(options);
  toClose.push(store);
  const tracked = track(store);
  await store.open();
  return { store, ...tracked };
}

function nextEvent(store: CrossreadStore, kind: StoreErrorKind): Promise<StoreErrorEvent> {
  return new Promise((resolve) => {
    const listener = (e: StoreErrorEvent) => {
      if (e.kind !== kind) return;
      store.removeEventListener('store-error', listener);
      resolve(e);
    };
    store.addEventListener('store-error', listener);
  });
}

function nextChange(store: CrossreadStore): Promise<[StoreDiff, ChangeOrigin]> {
  return new Promise((resolve) => {
    const off = store.subscribe((d, o) => {
      off();
      resolve([d, o]);
    });
  });
}

async function rejection(promise: Promise<unknown>): Promise<{ kind?: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { kind?: string };
  }
  throw new Error('expected a rejection');
}

describe('store on IndexedDB', () => {
  it('saves every action and loads it in a new session', async () => {
    const name = uniqueDbName('reload');
    const { store } = await openStore({ name });
    expect(store.mode).to.equal('indexeddb');
    await store.setCreatorName('Ada');
    const a = (await store.createAnnotation(draft(1))).value;
    const b = (await store.createAnnotation(draft(2))).value;
    await store.updateAnnotation(a.id, { note: 'edited' });
    await store.deleteAnnotations([b.id]);
    await store.undo();
    store.close();

    const { store: again } = await openStore({ name });
    expect(again.creatorName).to.equal('Ada');
    // Map order is insertion order in memory but key order on disk; compare by id.
    const byId = (s: CrossreadStore) => [...s.annotations.values()].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(again)).to.deep.equal(byId(store));
    expect(again.annotations.size).to.equal(2);
    expect(noteOf(again.getAnnotation(a.id)!)).to.equal('edited');
    expect(again.canUndo).to.equal(false);
  });

  it('shows an edit in one tab in the other without reload', async () => {
    const name = uniqueDbName('tabs');
    const { store: one } = await openStore({ name });
    const { store: two, changes: twoChanges } = await openStore({ name });

    let arrived = nextChange(two);
    const a = (await one.createAnnotation(draft(1))).value;
    expect((await arrived)[1]).to.equal('remote');
    expect(two.getAnnotation(a.id)).to.deep.equal(a);

    arrived = nextChange(one);
    await two.updateAnnotation(a.id, { tags: ['from-two'] });
    const [diff, origin] = await arrived;
    expect(origin).to.equal('remote');
    expect(Object.keys(diff.annotations!.updated)).to.deep.equal([a.id]);
    expect(one.annotationsTagged('from-two').map((x) => x.id)).to.deep.equal([a.id]);
    // The tab that created it may no longer undo the creation: that would delete the other tab's edit.
    // It says so (not "Nothing to undo"), once.
    expect(await one.undo()).to.deep.equal({ done: false, reason: 'Can\'t undo “Add note”: another tab has changed the same passage since.' });
    expect(one.canUndo).to.equal(false);
    expect(one.getAnnotation(a.id)).to.deep.equal(two.getAnnotation(a.id));

    arrived = nextChange(two);
    await one.setCreatorName('Grace');
    await arrived;
    expect(two.creatorName).to.equal('Grace');
    expect(twoChanges.map(([, o]) => o)).to.deep.equal(['remote', 'local', 'remote']);
  });

  it('shows a claim made in one tab in the other, with its cascade, and keeps undo safe', async () => {
    const name = uniqueDbName('tabs-claims');
    const { store: one } = await openStore({ name });
    const { store: two, changes: twoChanges } = await openStore({ name });

    const a = (await one.createAnnotation(draft(1))).value;
    const b = (await one.createAnnotation(draft(2))).value;
    let arrived = nextChange(two);
    const claim = (await one.createClaim({ statement: 'Aimed at Tokayev', evidence: { annotation: a.id, stance: 'asserts' } })).value;
    await arrived;
    while (!two.getClaim(claim.id)) await nextChange(two);
    expect(two.getClaim(claim.id)).to.deep.equal(claim);
    expect(two.claimsOf(a.target.source).map((c) => c.id)).to.deep.equal([claim.id]);
    expect(twoChanges.at(-1)![1]).to.equal('remote');

    // The other tab adds evidence and a second claim linked to the first; tab one sees both.
    arrived = nextChange(one);
    const other = (await two.createClaim({ statement: 'Aimed at Nazarbayev', evidence: { annotation: b.id, stance: 'mentions' } })).value;
    await arrived;
    arrived = nextChange(one);
    const link = (await two.createLink({ relation: 'contradicts', from: other.id, to: claim.id })).value;
    await arrived;
    expect(one.linksOf(claim.id)).to.deep.equal([link]);

    // Deleting the claim in tab one removes the link in tab two too (one diff, one transaction).
    arrived = nextChange(two);
    const deleted = await one.deleteClaims([claim.id]);
    expect(deleted.alsoRemoved.links.map((l) => l.id)).to.deep.equal([link.id]);
    const [diff, origin] = await arrived;
    expect(origin).to.equal('remote');
    expect(Object.keys(diff.claims!.removed)).to.deep.equal([claim.id]);
    expect(Object.keys(diff.links!.removed)).to.deep.equal([link.id]);
    expect(two.getClaim(claim.id)).to.equal(undefined);
    expect(two.linksOf(other.id)).to.deep.equal([]);
    // Tab two may no longer undo creating the link: another tab removed it. Undo says why, then moves on.
    expect(await two.undo()).to.deep.equal({ done: false, reason: 'Can\'t undo “Link claims”: another tab has changed the same link since.' });
    expect(two.undoLabel).to.equal('Create claim');
    const disk = await readDisk(name);
    expect([disk.claims.map((c) => c.id), disk.links]).to.deep.equal([[other.id], []]);
  });

  it('asks the browser to keep the data and keeps its answer', async () => {
    const { store } = await openStore({ name: uniqueDbName('persist') });
    const answer = await store.requestPersistentStorage();
    // Chromium decides by site engagement; either answer is real, `unsupported` is not.
    expect(['persisted', 'best-effort']).to.include(answer);
    expect(store.storagePersistence).to.equal(answer);
    expect(answer === 'persisted').to.equal(await navigator.storage.persisted());
  });

  it('ignores stores of other databases on the same channel', async () => {
    const { store: one } = await openStore({ name: uniqueDbName('a') });
    const { store: two, changes } = await openStore({ name: uniqueDbName('b') });
    // A witness on the same channel: once it has the message, so has every store listening there.
    const witness = new BroadcastChannel(CHANNEL_NAME);
    const posted = new Promise((resolve) => (witness.onmessage = resolve));
    await one.createAnnotation(draft(1));
    await posted;
    witness.close();
    expect(two.annotations.size).to.equal(0);
    expect(changes).to.deep.equal([]);
  });
});

describe('receiving records from outside on IndexedDB', () => {
  /** Records made in another reader's database, as a batch. */
  async function madeElsewhere(): Promise<{ batch: IncomingRecord[]; claim: Claim }> {
    const { store } = await openStore({ name: uniqueDbName('elsewhere'), channelName: `elsewhere-${crypto.randomUUID()}` });
    const a = (await store.createAnnotation(draft(1))).value;
    const b = (await store.createAnnotation(draft(2))).value;
    const claim = (await store.createClaim({ statement: 'Aimed at Tokayev', evidence: { annotation: a.id, stance: 'asserts' } })).value;
    const other = (await store.createClaim({ statement: 'Aimed at Nazarbayev', evidence: { annotation: b.id, stance: 'mentions' } })).value;
    await store.createLink({ relation: 'contradicts', from: claim.id, to: other.id });
    const batch = (['links', 'claims', 'annotations'] as const).flatMap((collection) =>
      [...store[collection].values()].map((record) => ({ collection, record })),
    );
    return { batch, claim };
  }

  it('commits a batch in one transaction; other tabs and later sessions see it', async () => {
    const name = uniqueDbName('receive');
    const { store: one, changes } = await openStore({ name });
    const { store: two } = await openStore({ name });
    const { batch, claim } = await madeElsewhere();

    const arrived = nextChange(two);
    const result = await one.receive({ put: batch }, 'import');
    expect(result.summary).to.deep.equal({ added: 5, updated: 0, unchanged: 0, removed: 0, conflicts: 0 });
    expect(changes.map(([, o]) => o)).to.deep.equal(['import']);
    const [diff, origin] = await arrived;
    // One commit, so the other tab hears of it once, with everything.
    expect(origin).to.equal('remote');
    expect([diff.annotations, diff.claims, diff.links].map((d) => Object.keys(d!.added).length)).to.deep.equal([2, 2, 1]);
    expect(two.getClaim(claim.id)).to.deep.equal(claim);
    expect(two.linksOf(claim.id)).to.have.length(1);

    const disk = await readDisk(name);
    expect([disk.annotations.length, disk.claims.length, disk.links.length]).to.deep.equal([2, 2, 1]);
    const { store: later } = await openStore({ name, channelName: `later-${crypto.randomUUID()}` });
    expect(later.getClaim(claim.id)).to.deep.equal(claim);
    // The same batch again: nothing to do.
    expect((await later.receive({ put: batch }, 'import')).summary.unchanged).to.equal(5);
  });

  it('writes nothing when one record of the batch cannot be stored', async () => {
    const name = uniqueDbName('receive-race');
    const { batch } = await madeElsewhere();
    const { store: one, events } = await openStore({ name, channelName: `deaf-${crypto.randomUUID()}` });
    // Another tab, not heard from yet, received one of the passages a moment earlier.
    const { store: two } = await openStore({ name, channelName: `deaf-${crypto.randomUUID()}` });
    const passage = batch.find((r) => r.collection === 'annotations')!;
    await two.receive({ put: [passage] }, 'sync');

    const error = await rejection(one.receive({ put: batch }, 'import'));
    // `add` of the passage fails inside the transaction, so none of the batch is written.
    expect(error.kind).to.equal('write-failed');
    expect(events.map((e) => e.kind)).to.deep.equal(['write-failed']);
    expect([one.annotations.size, one.claims.size, one.links.size]).to.deep.equal([0, 0, 0]);
    const disk = await readDisk(name);
    expect([disk.annotations.length, disk.claims.length, disk.links.length]).to.deep.equal([1, 0, 0]);
    expect(one.canUndo).to.equal(false);
  });
});

describe('failures keep memory and disk consistent', () => {
  it('a write that fails (DataCloneError) changes neither memory nor disk', async () => {
    const name = uniqueDbName('fail');
    let poison = false;
    const { store, events, changes } = await openStore({
      name,
      // Sneaks an uncloneable record into the same transaction as the real change.
      openPersistence: tampered((diff) =>
        poison
          ? { ...diff, settings: { added: { creatorName: { id: 'creatorName', value: (() => 'x') as unknown as string } }, updated: {}, removed: {} } }
          : diff),
    });
    const a = (await store.createAnnotation(draft(1))).value;
    const disk = await readDisk(name);

    poison = true;
    const error = await rejection(store.updateAnnotation(a.id, { note: 'never saved' }));
    expect(error.kind).to.equal('write-failed');
    expect(events.map((e) => e.kind)).to.deep.equal(['write-failed']);
    expect(store.getAnnotation(a.id)).to.equal(a);
    expect(changes).to.have.length(1);
    expect(await readDisk(name)).to.deep.equal(disk);
    expect(store.undoLabel).to.equal('Add note');

    poison = false;
    await store.updateAnnotation(a.id, { note: 'saved' });
    expect((await readDisk(name)).annotations.map(noteOf)).to.deep.equal(['saved']);
  });

  it('reports a full disk as `quota`', async () => {
    const name = uniqueDbName('quota');
    const { store, events } = await openStore({
      name,
      openPersistence: tampered(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    });
    const error = await rejection(store.createAnnotation(draft(1)));
    expect(error.kind).to.equal('quota');
    expect(events[0]!.message).to.match(/not saved/);
    expect(store.annotations.size).to.equal(0);
    expect((await readDisk(name)).annotations).to.deep.equal([]);
  });

  it('waits for an old tab blocking the upgrade, reports `blocked`, then keeps every record', async () => {
    const name = uniqueDbName('blocked');
    const old = await openV1DB(name);
    await old.put('annotations', annotation(1));
    // An old tab that does not close when asked, as version 1 of the app might.
    const store = new CrossreadStore({ name });
    toClose.push(store);
    const blocked = nextEvent(store, 'blocked');
    const opened = store.open();
    const event = await blocked;
    expect(event.message).to.match(/Close other Crossread tabs/);
    old.close();
    await opened;
    expect(store.mode).to.equal('indexeddb');
    expect([...store.annotations.values()]).to.deep.equal([annotation(1)]);
    expect(store.warning).to.equal(undefined);
  });

  it('steps aside for a newer version in another tab and reports `outdated`', async () => {
    const name = uniqueDbName('outdated');
    const { store } = await openStore({ name });
    const a = (await store.createAnnotation(draft(1))).value;
    const outdated = nextEvent(store, 'outdated');
    // The newer tab is not blocked: this store closes its connection on versionchange.
    const newer = await openDB(name, DB_VERSION + 1);
    newer.close();
    await outdated;
    expect(store.warning?.kind).to.equal('outdated');
    expect((await rejection(store.updateAnnotation(a.id, { note: 'x' }))).kind).to.equal('outdated');
    expect(store.getAnnotation(a.id)).to.equal(a);
  });

  it('reads and saves nothing, and says why, when the data is newer than this code (not memory mode)', async () => {
    const name = uniqueDbName('newer');
    (await openDB(name, DB_VERSION + 1)).close();
    const { store, events } = await openStore({ name });
    expect(store.mode).to.equal('none');
    expect(events.map((e) => e.kind)).to.deep.equal(['newer-data']);
    expect(store.warning?.message).to.match(/saved by a newer version of Crossread/);
    expect((await rejection(store.createAnnotation(draft(1)))).kind).to.equal('newer-data');
    expect(store.annotations.size).to.equal(0);
  });

  it('keeps every valid record and sets damaged ones aside, never falling back to memory mode for them', async () => {
    const name = uniqueDbName('damaged');
    const db = await openTestDB(name);
    await db.put('annotations', annotation(1));
    await db.put('annotations', { ...annotation(2), body: 'not a list' } as never);
    db.close();
    const { store, events } = await openStore({ name });
    expect(store.mode).to.equal('indexeddb');
    expect(events).to.deep.equal([]);
    expect([...store.annotations.keys()]).to.deep.equal([annotation(1).id]);
    expect(store.quarantined.map((q) => [q.id, q.reason])).to.deep.equal([[annotation(2).id, 'The body (note and tags) is not a list.']]);
  });

  it('falls back to memory mode when there is no IndexedDB (private mode)', async () => {
    const owner = Object.prototype.hasOwnProperty.call(window, 'indexedDB') ? window : Reflect.getPrototypeOf(window)!;
    const original = Object.getOwnPropertyDescriptor(owner, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true, writable: true });
    let store: CrossreadStore;
    let events: StoreErrorEvent[];
    try {
      ({ store, events } = await openStore({ name: uniqueDbName('none') }));
    } finally {
      if (owner === window) Object.defineProperty(window, 'indexedDB', original);
      else delete (window as { indexedDB?: unknown }).indexedDB;
    }
    expect(typeof indexedDB.open).to.equal('function');
    expect(store.mode).to.equal('memory');
    expect(store.warning?.kind).to.equal('unavailable');
    expect(events.map((e) => e.kind)).to.deep.equal(['unavailable']);
    expect(events[0]!.message).to.match(/lost when this tab closes/);
    const a: Annotation = (await store.createAnnotation(draft(1))).value;
    expect(store.getAnnotation(a.id)).to.equal(a);
  });
});
