import { describe, expect, it } from 'vitest';
import { makeStore, disk } from './claims-fixtures.ts';
import { world } from './graph-fixtures.ts';

const at = (x: number, y: number) => ({ x, y });

describe('map positions in the store', () => {
  it('stores a drag per claim, rounded, as one undoable action', async () => {
    const w = await world();
    const moved = await w.store.moveOnMap(new Map([[w.A.id, at(10.4, -20.6)], [w.B.id, at(300, 40)]]));
    expect(moved.label).toBe('Move claims');
    expect([...moved.value]).toEqual([[w.A.id, at(10, -21)], [w.B.id, at(300, 40)]]);
    expect([...w.store.mapPositions()]).toEqual([[w.A.id, at(10, -21)], [w.B.id, at(300, 40)]]);
    const again = await w.store.moveOnMap(new Map([[w.A.id, at(50, 50)]]));
    expect(again.label).toBe('Move claim');
    expect((await w.store.moveOnMap(new Map([[w.B.id, at(0, 0)]]), 'Tidy up the map')).label).toBe('Tidy up the map');
    expect(await w.store.undo()).toMatchObject({ done: true, label: 'Tidy up the map' });
    expect(await again.undo()).toMatchObject({ done: true });
    expect(w.store.mapPositions().get(w.A.id)).toEqual(at(10, -21));
    expect(await moved.undo()).toMatchObject({ done: true });
    expect(w.store.mapPositions().size).toBe(0);
  });

  it('stores what a layout placed without an undo step, and forgets positions of claims gone', async () => {
    const w = await world();
    await w.store.placeOnMap(new Map([[w.A.id, at(0, 0)], [w.B.id, at(0, 100)], ['urn:uuid:not-a-claim', at(1, 1)]]));
    expect([...w.store.mapPositions().keys()]).toEqual([w.A.id, w.B.id]);
    expect(w.store.canUndo).toBe(true); // the world's own actions, not the placing
    expect(w.store.undoLabel).toBe('Link claims');
    // A claim removed by undoing its creation leaves its position behind; the next placing drops it.
    const made = await w.store.createClaim({ statement: 'New', evidence: { annotation: w.a1.id, stance: 'asserts' } });
    await w.store.placeOnMap(new Map([[made.value.id, at(5, 5)]]));
    await made.undo();
    expect(w.store.mapPositions().has(made.value.id)).toBe(false);
    await w.store.placeOnMap(new Map());
    expect([...(await disk(w.persistence)).settings.keys()].filter((k) => k.startsWith('mapPos:'))).toEqual([`mapPos:${w.A.id}`, `mapPos:${w.B.id}`]);
  });

  it('deletes a claim’s position with the claim, and brings it back with an undo', async () => {
    const w = await world();
    await w.store.moveOnMap(new Map([[w.D.id, at(7, 8)]]));
    const deleted = await w.store.deleteClaims([w.D.id]);
    expect((await disk(w.persistence)).settings.has(`mapPos:${w.D.id}`)).toBe(false);
    await deleted.undo();
    expect(w.store.mapPositions().get(w.D.id)).toEqual(at(7, 8));
    await w.store.mergeClaims(w.A.id, w.D.id);
    expect(w.store.mapPositions().has(w.D.id)).toBe(false);
  });

  it('keeps positions across a reload', async () => {
    const w = await world();
    await w.store.moveOnMap(new Map([[w.C.id, at(-40, 12)]]));
    const reopened = await makeStore({ persistence: w.persistence });
    expect([...reopened.store.mapPositions()]).toEqual([[w.C.id, at(-40, 12)]]);
  });

  it('refuses a position that is not a number, saving nothing', async () => {
    const w = await world();
    await expect(w.store.moveOnMap(new Map([[w.A.id, at(Number.NaN, 0)]]))).rejects.toMatchObject({ kind: 'invalid' });
    expect(w.store.mapPositions().size).toBe(0);
  });
});
