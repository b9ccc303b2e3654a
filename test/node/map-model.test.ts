import { describe, expect, it } from 'vitest';
import * as api from '../../src/map/index.ts';
import fc from 'fast-check';
import { buildMap, clusterMap, clusterOf, diffMap, edgesEqual, filterChoices, filterMap, isEmptyMapDiff, nodesEqual, updateMap, type ArgumentMap } from '../../src/map/index.ts';
import { StoreError, type CrossreadStore, type StoreDiff } from '../../src/store/index.ts';
import { EXPECTED_REFUSALS, op, run } from './claims-ops.ts';
import { makeStore } from './claims-fixtures.ts';
import { world } from './graph-fixtures.ts';
import { target } from './store-fixtures.ts';

const ids = (m: ReadonlyMap<string, unknown>) => [...m.keys()];

describe('map model', () => {
  it('exports its public API', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BoxGrid', 'MAX_LINES', 'MapLayouter', 'NODE_WIDTH', 'boundsOf', 'buildMap', 'centre', 'clusterMap', 'clusterOf', 'diffMap', 'dropSpot', 'edgesEqual', 'filterChoices',
      'filterMap', 'inflate', 'isEmptyMapDiff', 'isOpenFilter', 'keepClaims', 'layoutInput', 'layoutMap', 'nodeShown', 'nodeSize', 'nodesEqual', 'overlaps', 'shownData', 'updateMap',
    ]);
  });

  it('makes a node per claim: statement, a marker per source, passages, contested, tags, events, creator', async () => {
    const w = await world();
    const map = buildMap(w.store);
    expect(ids(map.nodes)).toEqual([w.A.id, w.B.id, w.C.id, w.D.id]);
    expect(map.nodes.get(w.A.id)).toEqual({
      id: w.A.id, label: 'Forces were stood down on purpose', sources: ['doc-a', 'doc-b'], home: ['doc-a'],
      passages: 2, contested: true, tags: [], events: [], creator: 'Anonymous',
    });
    expect(map.nodes.get(w.B.id)).toMatchObject({ sources: ['doc-b'], home: ['doc-b'], passages: 1, contested: false });
    expect(map.nodes.get(w.C.id)).toMatchObject({ home: ['doc-a'], contested: false });
  });

  it('makes an edge per link, with direction or none, and marks contradictions across sources', async () => {
    const w = await world();
    const map = buildMap(w.store);
    expect([...map.edges.values()]).toEqual([
      { id: w.AB.id, relation: 'contradicts', from: w.A.id, to: w.B.id, symmetric: true, crossSource: true },
      { id: w.CA.id, relation: 'supports', from: w.C.id, to: w.A.id, symmetric: false, crossSource: false },
      { id: w.DA.id, relation: 'qualifies', from: w.D.id, to: w.A.id, symmetric: false, crossSource: false },
    ]);
  });

  it('does not mark a contradiction within one source, or with a claim no source makes', async () => {
    const w = await world();
    const a3 = (await w.store.createAnnotation({ target: target('doc-a', 200) })).value;
    const E = (await w.store.createClaim({ statement: 'Forces were not stood down', evidence: { annotation: a3.id, stance: 'asserts' } })).value;
    const F = (await w.store.createClaim({ statement: 'Nobody says this', evidence: { annotation: a3.id, stance: 'argues-against' } })).value;
    const AE = (await w.store.createLink({ relation: 'contradicts', from: E.id, to: w.A.id })).value;
    const BF = (await w.store.createLink({ relation: 'contradicts', from: w.B.id, to: F.id })).value;
    const map = buildMap(w.store);
    expect(map.edges.get(AE.id)!.crossSource).toBe(false);
    expect(map.edges.get(BF.id)!.crossSource).toBe(false);
    // A claim both sources make is not across them either.
    await w.store.addEvidence(w.B.id, { annotation: a3.id, stance: 'asserts' });
    expect(buildMap(w.store).edges.get(w.AB.id)!.crossSource).toBe(false);
  });

  it('filters by source, tag, event, author and relation; an edge goes with either end', async () => {
    const w = await world();
    const ev = (await w.store.createEvent({ name: 'Almaty violence', start: '2022-01-05' })).value;
    await w.store.updateClaim(w.B.id, { tags: ['security'], events: [ev.id] });
    const map = buildMap(w.store);
    const only = (f: api.MapFilter) => { const m = filterMap(map, f); return [ids(m.nodes), ids(m.edges)]; };
    expect(only({ sources: new Set(['doc-c']) })).toEqual([[w.D.id], []]);
    expect(only({ sources: new Set(['doc-b']) })).toEqual([[w.A.id, w.B.id], [w.AB.id]]);
    expect(only({ tags: new Set(['security']) })).toEqual([[w.B.id], []]);
    expect(only({ events: new Set([ev.id]) })).toEqual([[w.B.id], []]);
    expect(only({ authors: new Set(['Someone else']) })).toEqual([[], []]);
    expect(only({ relations: new Set(['supports', 'qualifies'] as const) })).toEqual([[w.A.id, w.B.id, w.C.id, w.D.id], [w.CA.id, w.DA.id]]);
    expect(filterMap(map, {})).toBe(map);
    expect(filterChoices(map)).toEqual({
      sources: ['doc-a', 'doc-b', 'doc-c'], tags: ['security'], events: [ev.id], authors: ['Anonymous'], relations: ['supports', 'contradicts', 'qualifies'],
    });
  });

  it('clusters by the source that makes a claim, with claims of several sources or none apart', async () => {
    const w = await world();
    const b2 = (await w.store.createAnnotation({ target: target('doc-b', 300) })).value;
    await w.store.addEvidence(w.C.id, { annotation: b2.id, stance: 'asserts' });
    const G = (await w.store.createClaim({ statement: 'Only argued against', evidence: { annotation: b2.id, stance: 'argues-against' } })).value;
    const map = buildMap(w.store);
    expect(clusterMap(map, 'source')).toEqual([
      { id: 'source:doc-a', kind: 'source', key: 'doc-a', members: [w.A.id] },
      { id: 'source:doc-b', kind: 'source', key: 'doc-b', members: [w.B.id] },
      { id: 'source:doc-c', kind: 'source', key: 'doc-c', members: [w.D.id] },
      { id: 'several', kind: 'several', key: '', members: [w.C.id] },
      { id: 'none', kind: 'none', key: '', members: [G.id] },
    ]);
    expect(clusterMap(map, 'none')).toEqual([]);
    expect(clusterOf(map.nodes.get(w.A.id)!, 'none')).toBeUndefined();
  });

  it('clusters by event', async () => {
    const w = await world();
    const e1 = (await w.store.createEvent({ name: 'Almaty violence', start: '2022-01-05' })).value;
    const e2 = (await w.store.createEvent({ name: 'CSTO deployment', start: '2022-01-06' })).value;
    await w.store.updateClaim(w.A.id, { events: [e1.id] });
    await w.store.updateClaim(w.B.id, { events: [e2.id, e1.id] });
    await w.store.updateClaim(w.C.id, { events: [e1.id] });
    expect(clusterMap(buildMap(w.store), 'event').map((c) => [c.id, c.members])).toEqual([
      [`event:${e1.id}`, [w.A.id, w.C.id]],
      ['several', [w.B.id]],
      ['none', [w.D.id]],
    ]);
  });
});

describe('map updates from store diffs', () => {
  /**
   * Follows the store as a view does; every step is compared with a map built afresh, and any
   * difference is kept in `problems` (a subscriber's throw would only reach the console).
   */
  function follow(store: CrossreadStore) {
    const state = { map: buildMap(store), last: undefined as api.MapDiff | undefined, problems: [] as string[] };
    const plain = (m: ArgumentMap) => JSON.stringify([[...m.nodes], [...m.edges]]);
    store.subscribe((diff: StoreDiff) => {
      const { map, changes } = updateMap(state.map, store, diff);
      const fresh = buildMap(store);
      if (plain(map) !== plain(fresh)) state.problems.push(`after ${JSON.stringify(Object.keys(diff))}: ${plain(map)} ≠ ${plain(fresh)}`);
      // What the changes say is exactly the difference from the map before.
      const said = diffMap(state.map, map);
      if (JSON.stringify(said) !== JSON.stringify(changes)) state.problems.push('changes differ from diffMap');
      for (const n of changes.nodes.updated) if (nodesEqual(n, state.map.nodes.get(n.id)!)) state.problems.push(`node ${n.id} updated but unchanged`);
      for (const e of changes.edges.updated) if (edgesEqual(e, state.map.edges.get(e.id)!)) state.problems.push(`edge ${e.id} updated but unchanged`);
      state.map = map;
      state.last = changes;
    });
    return state;
  }

  it('changes only what a diff touched, equal to a map built afresh', async () => {
    const w = await world();
    const s = follow(w.store);
    const before: ArgumentMap = s.map;
    await w.store.updateClaim(w.C.id, { statement: 'The elite was split in two' });
    expect(s.last!.nodes).toEqual({ added: [], updated: [s.map.nodes.get(w.C.id)], removed: [] });
    expect(s.last!.edges.updated).toEqual([]);
    expect(s.map.nodes.get(w.A.id)).toBe(before.nodes.get(w.A.id));
    expect(s.map.edges.get(w.AB.id)).toBe(before.edges.get(w.AB.id));

    await w.store.setStance(w.A.id, w.b1.id, 'mentions');
    expect(s.last!.nodes.updated.map((n) => [n.id, n.contested, n.home])).toEqual([[w.A.id, false, ['doc-a', 'doc-b']]]);
    // A now is made in doc-b too: its contradiction with B is no longer across sources.
    expect(s.last!.edges.updated.map((e) => [e.id, e.crossSource])).toEqual([[w.AB.id, false]]);

    const undo = await w.store.deleteClaims([w.D.id]);
    expect(s.last!.nodes.removed).toEqual([w.D.id]);
    expect(s.last!.edges.removed).toEqual([w.DA.id]);
    await undo.undo();
    expect(s.last!.nodes.added.map((n) => n.id)).toEqual([w.D.id]);
    expect(ids(s.map.nodes)).toEqual([w.A.id, w.B.id, w.C.id, w.D.id]);
    // A claim from the middle of the order comes back in its place; the others are not redrawn.
    const deleted = await w.store.deleteClaims([w.B.id]);
    await deleted.undo();
    expect(ids(s.map.nodes)).toEqual([w.A.id, w.B.id, w.C.id, w.D.id]);
    expect(s.last!.nodes).toEqual({ added: [s.map.nodes.get(w.B.id)], updated: [], removed: [] });
    expect(s.last!.edges).toEqual({ added: [s.map.edges.get(w.AB.id)], updated: [], removed: [] });
    expect(s.problems).toEqual([]);
  });

  it('follows passages: deleting one reaches the claims that cite it', async () => {
    const w = await world();
    const s = follow(w.store);
    await w.store.deleteAnnotations([w.b1.id]);
    expect(s.last!.nodes.updated.map((n) => [n.id, n.sources, n.passages]).sort()).toEqual(
      [[w.A.id, ['doc-a'], 1], [w.B.id, [], 0]].sort(),
    );
    expect(s.problems).toEqual([]);
  });

  it('says nothing changed for a change that is not on the map', async () => {
    const { store } = await makeStore();
    const s = follow(store);
    await store.createAnnotation({ target: target('doc-a', 0) });
    expect(isEmptyMapDiff(s.last!)).toBe(true);
    expect(isEmptyMapDiff(diffMap(s.map, s.map))).toBe(true);
  });

  it('fuzz: after any sequence of actions, undos and redos, the followed map equals one built afresh', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60, size: 'max' }), async (ops) => {
        const { store } = await makeStore();
        const s = follow(store);
        for (const o of ops) {
          if (o.kind === 'undo') await store.undo();
          else if (o.kind === 'redo') await store.redo();
          else {
            try {
              await run(store, o);
            } catch (error) {
              if (!(error instanceof StoreError && error.kind === 'invalid' && EXPECTED_REFUSALS.test(error.message))) throw error;
            }
          }
        }
        expect(s.problems).toEqual([]);
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});
