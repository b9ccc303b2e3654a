// How layers look in every view (ADR 0013): the pure mapping from `store.layers()` to colours,
// names and the legend, and the store's list it is derived from.
import { describe, expect, it } from 'vitest';
import * as look from '../../src/components/layers/layer-look.ts';
import { foreignLook, layerLooks, legendLayers, readOnlyLine } from '../../src/components/layers/layer-look.ts';
import { layerColour } from '../../src/components/shared/layer-colours.ts';
import type { LayerView } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

const counts = (claims: number) => ({ annotations: 0, claims, links: 0, events: 0 });
const view = (id: string, over: Partial<LayerView> = {}): LayerView =>
  ({ id, name: id, role: 'student', colour: 1, hidden: false, local: false, counts: counts(1), ...over });

describe('layer looks', () => {
  it('exports its public API', () => {
    expect(Object.keys(look).sort()).toEqual(['foreignLook', 'layerLooks', 'legendLayers', 'looksOf', 'readOnlyLine']);
  });

  it('gives each layer its palette colour and names it in words', () => {
    const looks = layerLooks([
      view('me', { name: '', local: true, colour: 0 }),
      view('ana', { name: 'Ana', role: 'instructor', colour: 2 }),
      view('james', { name: 'James', colour: 3, counts: { annotations: 2, claims: 1, links: 1, events: 0 } }),
    ]);
    expect([...looks.values()].map((l) => [l.id, l.name, l.role, l.colour, l.from, l.records])).toEqual([
      ['me', 'You', '', layerColour(0), 'your map', 1],
      ['ana', 'Ana', 'Instructor', layerColour(2), 'Ana’s map', 1],
      ['james', 'James', 'Student', layerColour(3), 'James’ map', 4],
    ]);
    expect(readOnlyLine(looks.get('ana')!)).toBe('From Ana’s map (read-only)');
    expect(foreignLook(looks, 'me')).toBeUndefined();
    expect(foreignLook(looks, 'unknown')).toBeUndefined();
    expect(foreignLook(looks, 'ana')?.name).toBe('Ana');
  });

  it('is derived once per list of layers', () => {
    const layers = [view('me', { local: true, colour: 0 })];
    expect(layerLooks(layers)).toBe(layerLooks(layers));
    expect(layerLooks([...layers])).not.toBe(layerLooks(layers));
  });

  it('lists a legend only when two or more shown layers hold records', () => {
    const me = view('me', { local: true, colour: 0 });
    expect(legendLayers(layerLooks([me, view('empty', { counts: counts(0) })]))).toEqual([]);
    expect(legendLayers(layerLooks([me, view('hid', { hidden: true })]))).toEqual([]);
    expect(legendLayers(layerLooks([me, view('ana'), view('hid', { hidden: true })])).map((l) => l.id)).toEqual(['me', 'ana']);
    expect(legendLayers(layerLooks([view('me', { local: true, counts: counts(0) }), view('ana'), view('bo')])).map((l) => l.id)).toEqual(['ana', 'bo']);
  });
});

describe('store.layers()', () => {
  it('holds the own layer, gains a layer when another reader’s records arrive, and stays the same list until something changes', async () => {
    const { store } = await makeStore();
    const { store: there } = await makeStore({ idBase: 1000 });
    await there.setCreatorName('Ana');
    const a = (await there.createAnnotation({ target: target('doc-a', 0) })).value;
    const first = store.layers();
    expect(first.map((l) => [l.id, l.local])).toEqual([[store.localLayer, true]]);
    expect(layerLooks(first).get(store.localLayer!)!.name).toBe('You');
    expect(store.layers()).toBe(first);
    await store.receive({ put: [{ collection: 'annotations', record: a }] }, 'import');
    const after = store.layers();
    expect(after).not.toBe(first);
    expect(after.map((l) => [l.id, l.name, l.counts.annotations])).toEqual([[store.localLayer, 'Anonymous', 0], [there.localLayer, 'Ana', 1]]);
    await store.setCreatorName('Bo');
    expect(store.layers()[0]!.name).toBe('Bo');
  });
});
