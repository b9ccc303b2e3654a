// Events in the store, and undo/redo that would leave a dangling reference.
import { describe, expect, it } from 'vitest';
import { until } from '../shared/until.ts';
import { MemoryPersistence, emptyState, eventsOf, stateIssues, type Annotation, type Claim } from '../../src/store/index.ts';
import { disk, makeStore, snapshot, world } from './claims-fixtures.ts';
import { fixedId, target } from './store-fixtures.ts';

describe('events', () => {
  it('validates partial ISO dates and sorts by start', async () => {
    const { store } = await makeStore();
    const belarus = (await store.createEvent({ name: 'Belarus protests', start: '2020', end: '2020' })).value;
    const almaty = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    const aug = (await store.createEvent({ name: 'Belarus election', start: '2020-08-09' })).value;
    expect(store.eventsByStart()).toEqual([belarus, aug, almaty]);
    for (const bad of [{ start: '2022-13' }, { start: '2021-02-29' }, { start: '22' }, { start: '2022-01-06', end: '2022-01-04' }, { start: '2021', end: '2020-12' }]) {
      await expect(store.createEvent({ name: 'x', ...bad })).rejects.toMatchObject({ kind: 'invalid' });
    }
    const renamed = (await store.updateEvent(almaty.id, { name: 'January events', start: '2022-01', end: null })).value;
    expect(renamed).toMatchObject({ name: 'January events', start: '2022-01' });
    expect('end' in renamed).toBe(false);
  });

  it('tags annotations with W3C classifying bodies; merging re-points annotations and claims; undo restores', async () => {
    const { store, a1, b1, c1, c2 } = await world();
    const keep = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    const drop = (await store.createEvent({ name: 'Tragic January', start: '2022-01' })).value;
    const tagged = (await store.updateAnnotation(a1.id, { events: [drop.id] })).value;
    expect(tagged.body.at(-1)).toEqual({ type: 'SpecificResource', purpose: 'classifying', source: drop.id });
    expect(tagged.motivation).toBe('classifying');
    await store.updateAnnotation(b1.id, { events: [keep.id, drop.id] });
    await store.updateClaim(c1.id, { events: [drop.id] });
    await store.updateClaim(c2.id, { events: [drop.id, keep.id] });
    await expect(store.updateAnnotation(a1.id, { events: [fixedId(999)] })).rejects.toMatchObject({ kind: 'invalid' });
    const before = snapshot(store);

    expect((await store.mergeEvents(keep.id, drop.id)).value).toEqual(keep);
    expect(store.getEvent(drop.id)).toBeUndefined();
    expect(eventsOf(store.getAnnotation(a1.id)!)).toEqual([keep.id]);
    expect(eventsOf(store.getAnnotation(b1.id)!)).toEqual([keep.id]);
    expect(store.getClaim(c1.id)!.events).toEqual([keep.id]);
    expect(store.getClaim(c2.id)!.events).toEqual([keep.id]);
    expect(store.annotationsOfEvent(keep.id).map((a) => a.id)).toEqual([a1.id, b1.id]);
    expect(store.claimsOfEvent(drop.id)).toEqual([]);

    expect((await store.undo()).done).toBe(true);
    expect(snapshot(store)).toEqual(before);
  });

  it('deleting an event removes every reference in one step', async () => {
    const { store, diffs, a1, c1 } = await world();
    const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04' })).value;
    await store.updateAnnotation(a1.id, { events: [ev.id], note: 'kept' });
    await store.updateClaim(c1.id, { events: [ev.id] });
    const n = diffs.length;
    const result = await store.deleteEvent(ev.id);
    expect(diffs.length).toBe(n + 1);
    expect(result.removed).toEqual([ev]);
    expect(result.updated.annotations.map((a: Annotation) => [a.id, eventsOf(a), a.motivation])).toEqual([[a1.id, [], 'commenting']]);
    expect(result.updated.claims.map((c: Claim) => c.events)).toEqual([[]]);
    expect((await result.undo()).done).toBe(true);
    expect(store.getClaim(c1.id)!.events).toEqual([ev.id]);
  });
});

describe('undo never leaves a dangling reference', () => {
  it('refuses an out-of-order undo that would restore a reference to a deleted event', async () => {
    const { store, persistence } = await makeStore();
    const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04' })).value;
    const a = (await store.createAnnotation({ target: target('doc-a', 0), events: [ev.id] })).value;
    const deleted = await store.deleteAnnotations([a.id]);
    // The event goes after the annotation; restoring the annotation now would point at nothing.
    await store.deleteEvent(ev.id);
    expect((await deleted.undo()).done).toBe(false);
    expect(store.getAnnotation(a.id)).toBeUndefined();
    expect(stateIssues(await disk(persistence))).toEqual([]);
    // In order, both come back.
    expect((await store.undo()).done).toBe(true);
    expect((await store.undo()).done).toBe(true);
    expect(eventsOf(store.getAnnotation(a.id)!)).toEqual([ev.id]);
  });

  it('drops a redo that another tab made impossible', async () => {
    const shared = emptyState();
    let n = 5000;
    const one = await makeStore({ name: 'shared-redo', openPersistence: () => Promise.resolve(new MemoryPersistence({ state: shared, shared: true })) });
    const two = await makeStore({ name: 'shared-redo', openPersistence: () => Promise.resolve(new MemoryPersistence({ state: shared, shared: true })), newId: () => fixedId(++n) });
    const a = (await one.store.createAnnotation({ target: target('doc-a', 0) })).value;
    const c = (await one.store.createClaim({ statement: 'x', evidence: { annotation: a.id, stance: 'asserts' } })).value;
    await one.store.undo();
    await until(() => two.store.getClaim(c.id) === undefined && two.store.getAnnotation(a.id) !== undefined, 'the other tab');
    await two.store.deleteAnnotations([a.id]);
    await until(() => one.store.getAnnotation(a.id) === undefined, 'the other tab');
    // Redoing the claim would cite a deleted annotation: refused, and the entry is gone.
    expect(one.store.canRedo).toBe(true);
    expect((await one.store.redo()).done).toBe(false);
    expect(one.store.canRedo).toBe(false);
    expect(one.store.getClaim(c.id)).toBeUndefined();
  });
});

