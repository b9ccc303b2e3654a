// Layers as a whole (ADR 0013): the import names its layer, hiding and removing are undoable
// steps, and another layer's records are read-only to local actions.
import { describe, expect, it } from 'vitest';
import { layerRemovalMessage, StoreError, type CrossreadStore, type IncomingBatch, type SharedCollection } from '../../src/store/index.ts';
import { buildMap, keepClaims, shownData } from '../../src/map/index.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

/** An instructor's map made in another database: two passages, an event, two claims, a link. */
async function instructor(base = 1000) {
  const { store } = await makeStore({ idBase: base });
  await store.setCreatorName('Ana');
  const a1 = (await store.createAnnotation({ target: target('doc-a', 0) })).value;
  const a2 = (await store.createAnnotation({ target: target('doc-b', 50) })).value;
  const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01' })).value;
  const c1 = (await store.createClaim({ statement: 'Aimed at Tokayev', evidence: { annotation: a1.id, stance: 'asserts' }, events: [ev.id] })).value;
  const c2 = (await store.createClaim({ statement: 'Aimed at Nazarbayev', evidence: { annotation: a2.id, stance: 'asserts' } })).value;
  const link = (await store.createLink({ relation: 'contradicts', from: c1.id, to: c2.id })).value;
  return { store, a1, a2, ev, c1, c2, link };
}

/** Everything `store` holds as a batch naming its layer. */
function mapOf(store: CrossreadStore, name = 'Ana', role: 'instructor' | 'student' = 'instructor'): IncomingBatch {
  const order: SharedCollection[] = ['events', 'annotations', 'claims', 'links'];
  return {
    put: order.flatMap((collection) => [...store[collection].values()].map((record) => ({ collection, record }))),
    layers: [{ id: store.localLayer!, name, role, course: '  Eurasian politics ' }],
  };
}

/** A reader who imported Ana's map and built on it: own claim citing her passage, own link to her claim, a position for hers. */
async function reader() {
  const ana = await instructor();
  const made = await makeStore();
  const { store } = made;
  await store.receive(mapOf(ana.store), 'import');
  const mine = (await store.createAnnotation({ target: target('doc-a', 200) })).value;
  const own = (await store.createClaim({ statement: 'Both, in turn', evidence: { annotation: mine.id, stance: 'asserts' } })).value;
  await store.addEvidence(own.id, { annotation: ana.a1.id, stance: 'mentions' });
  const ownLink = (await store.createLink({ relation: 'qualifies', from: own.id, to: ana.c1.id })).value;
  await store.moveOnMap(new Map([[ana.c1.id, { x: 10, y: 20 }]]));
  return { ...made, ana, layer: ana.store.localLayer!, mine, own, ownLink };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('an import names its layer', () => {
  it('writes the layer setting in the import step: undone with it, unchanged on re-import', async () => {
    const ana = await instructor();
    const { store } = await makeStore();
    const result = await store.receive(mapOf(ana.store), 'import');
    const layer = store.layers().find((l) => l.id === ana.store.localLayer);
    expect(layer).toMatchObject({ name: 'Ana', role: 'instructor', course: 'Eurasian politics', colour: 1, hidden: false, local: false });
    expect(layer?.counts).toEqual({ annotations: 2, claims: 2, links: 1, events: 1 });
    const again = await store.receive(mapOf(ana.store), 'import');
    expect(again.summary.added).toBe(0);
    expect(store.undoLabel).toBe(result.label);
    await result.undo();
    expect(store.layers().map((l) => l.id)).toEqual([store.localLayer]);
  });

  it('keeps colour and hidden when a newer map arrives, gives the next layer the next colour, and none to the own layer', async () => {
    const ana = await instructor();
    const ben = await instructor(2000);
    const { store } = await makeStore();
    await store.receive(mapOf(ana.store), 'import');
    await store.setLayerHidden(ana.store.localLayer!, true);
    await store.receive(mapOf(ana.store, 'Ana K.'), 'import');
    await store.receive(mapOf(ben.store, 'Ben', 'student'), 'import');
    await store.receive({ layers: [{ id: store.localLayer!, name: 'Not me', role: 'student' }] }, 'import');
    expect(store.layers().map((l) => [l.name, l.colour, l.hidden])).toEqual([['Anonymous', 0, false], ['Ana K.', 1, true], ['Ben', 2, false]]);
  });

  it('refuses the whole batch for a layer without a name', async () => {
    const ana = await instructor();
    const { store } = await makeStore();
    const message = await refusal(store.receive({ ...mapOf(ana.store), layers: [{ id: ana.store.localLayer!, name: ' ', role: 'student' }] }, 'import'));
    expect(message).toMatch(/layers\[0\]/);
    expect(store.claims.size).toBe(0);
  });
});

describe('hiding a layer', () => {
  it('is one undoable settings write; the own layer is refused', async () => {
    const { store, layer } = await reader();
    const hidden = await store.setLayerHidden(layer, true);
    expect(store.layers().find((l) => l.id === layer)?.hidden).toBe(true);
    expect(hidden.label).toBe('Hide map');
    await hidden.undo();
    expect(store.layers().find((l) => l.id === layer)?.hidden).toBe(false);
    expect(await refusal(store.setLayerHidden(store.localLayer!, true))).toMatch(/always shown/);
  });
});

describe('removing a layer', () => {
  it('deletes its records, setting and positions and the reader’s links to it, drops its evidence from their claims; undo and redo', async () => {
    const { store, ana, layer, own, ownLink } = await reader();
    const before = { records: snapshot(store), layers: store.layers(), positions: store.mapPositions() };
    const preview = store.previewRemoveLayer(layer);
    expect(snapshot(store)).toEqual(before.records);
    const removed = await store.removeLayer(layer);
    expect(removed.value).toEqual(preview);
    expect(removed.value).toMatchObject({
      removed: { annotations: 2, claims: 2, links: 1, events: 1 },
      yoursRemoved: { annotations: 0, claims: 0, links: 1, events: 0 },
      yoursUpdated: { annotations: 0, claims: 1, links: 0, events: 0 },
    });
    expect(layerRemovalMessage(removed.value)).toBe('Removed Ana’s map: 2 claims, 2 passages, 1 link, 1 event (and 1 of your links; 1 of your claims lost evidence)');
    expect(removed.label).toBe('Remove Ana’s map');
    expect([...store.claims.keys()]).toEqual([own.id]);
    expect(store.getClaim(own.id)?.evidence).toHaveLength(1);
    expect(store.getLink(ownLink.id)).toBeUndefined();
    expect(store.mapPositions().has(ana.c1.id)).toBe(false);
    expect(store.layers().map((l) => l.id)).toEqual([store.localLayer]);

    await removed.undo();
    expect(snapshot(store)).toEqual(before.records);
    expect(store.layers()).toEqual(before.layers);
    expect(store.mapPositions()).toEqual(before.positions);
    await store.redo();
    expect(store.claims.size).toBe(1);
    expect(store.layers()).toHaveLength(1);
  });

  it('puts the map back as it was on undo, versions too, so its next version arrives as an update, not a conflict', async () => {
    const { store, ana, layer } = await reader();
    const removed = await store.removeLayer(layer);
    await removed.undo();
    expect(store.getClaim(ana.c1.id)?.version).toEqual(ana.c1.version);
    await ana.store.updateClaim(ana.c1.id, { statement: 'Aimed at Tokayev, say insiders' });
    const newer = await store.receive(mapOf(ana.store), 'import');
    expect(newer.summary).toMatchObject({ updated: 1, conflicts: 0 });
    expect(store.getClaim(ana.c1.id)?.statement).toBe('Aimed at Tokayev, say insiders');
  });

  it('refuses the own layer and an unknown one', async () => {
    const { store } = await reader();
    expect(await refusal(store.removeLayer(store.localLayer!))).toMatch(/cannot be removed/);
    expect(await refusal(store.removeLayer('urn:uuid:00000000-0000-4000-8000-00000000ffff'))).toMatch(/not here/);
  });
});

describe('another layer is read-only', () => {
  it('refuses to change or delete its records, saying whose they are', async () => {
    const { store, ana } = await reader();
    const before = snapshot(store);
    expect(await refusal(store.updateClaim(ana.c1.id, { statement: 'Mine now' }))).toBe(
      'This claim is from Ana’s map, which is read-only here. Link a claim of your own to it instead.',
    );
    expect(await refusal(store.deleteClaims([ana.c2.id]))).toMatch(/^This claim is from Ana’s map/);
    expect(await refusal(store.updateAnnotation(ana.a1.id, { note: 'x' }))).toMatch(/^This passage is from Ana’s map/);
    expect(await refusal(store.deleteAnnotations([ana.a2.id]))).toMatch(/read-only/);
    expect(await refusal(store.updateLink(ana.link.id, { rationale: 'x' }))).toMatch(/^This link is from Ana’s map/);
    expect(await refusal(store.deleteEvent(ana.ev.id))).toMatch(/^This event is from Ana’s map/);
    expect(await refusal(store.addEvidence(ana.c1.id, { annotation: ana.a2.id, stance: 'asserts' }))).toMatch(/read-only/);
    expect(snapshot(store)).toEqual(before);
  });

  it('refuses a merge that would change or delete its claim, either way round', async () => {
    const { store, ana, own } = await reader();
    expect(await refusal(store.mergeClaims(own.id, ana.c2.id))).toBe('This would delete a claim of Ana’s map, which is read-only here.');
    expect(await refusal(store.mergeClaims(ana.c2.id, own.id))).toMatch(/would change a claim of Ana’s map/);
  });

  it('still lets the reader link to its claims, cite its passages and tag its events in their own layer', async () => {
    const { store, ana, own } = await reader();
    const link = await store.createLink({ relation: 'supports', from: own.id, to: ana.c2.id });
    expect(link.value.layer).toBe(store.localLayer);
    const claim = await store.createClaim({ statement: 'Also mine', evidence: { annotation: ana.a2.id, stance: 'asserts' }, events: [ana.ev.id] });
    expect(claim.value.layer).toBe(store.localLayer);
    // Deleting the reader's own link to the foreign claim touches only their layer.
    await store.deleteLinks([link.value.id]);
  });

  it('refuses deleting the reader’s own claim when another layer links to it', async () => {
    const ana = await instructor();
    const { store } = await makeStore();
    await store.receive(mapOf(ana.store), 'import');
    // Ana's map cites a claim of this reader's layer: a round trip, her link to the reader's claim.
    const mine = (await store.createAnnotation({ target: target('doc-a', 300) })).value;
    const own = (await store.createClaim({ statement: 'Mine', evidence: { annotation: mine.id, stance: 'asserts' } })).value;
    const theirs = (await ana.store.receive({ put: [{ collection: 'annotations', record: mine }, { collection: 'claims', record: own }] }, 'import'));
    expect(theirs.summary.added).toBe(2);
    const hers = (await ana.store.createLink({ relation: 'supports', from: ana.c1.id, to: own.id })).value;
    await store.receive({ put: [{ collection: 'links', record: hers }] }, 'import');
    expect(await refusal(store.deleteClaims([own.id]))).toBe('This would delete a link of Ana’s map, which is read-only here.');
  });
});

describe('one filter for hidden layers', () => {
  it('leaves a hidden layer out of the queries views read, and its claims and links off the map', async () => {
    const { store, ana, layer, own, ownLink } = await reader();
    const data = shownData(store);
    expect(data.claimsOf('doc-a').map((c) => c.id).sort()).toEqual([ana.c1.id, own.id].sort());
    await store.setLayerHidden(layer, true);
    expect(store.isShown(ana.c1)).toBe(false);
    expect(store.isShown(own)).toBe(true);
    const hidden = shownData(store);
    expect(hidden.claimsOf('doc-a').map((c) => c.id)).toEqual([own.id]);
    expect(hidden.annotationsOf('doc-a').map((a) => a.layer)).toEqual([store.localLayer]);
    // The reader's own link to a hidden claim goes with it; their claim keeps its evidence.
    expect(hidden.linksOf(own.id)).toEqual([]);
    expect(hidden.evidenceOf(own.id)).toHaveLength(2);
    expect(hidden.claimsOfEvent(ana.ev.id)).toEqual([]);
    const map = keepClaims(buildMap(store), (id) => store.isShown(store.getClaim(id)!));
    expect([...map.nodes.keys()]).toEqual([own.id]);
    expect(map.edges.has(ownLink.id)).toBe(false);
  });
});
