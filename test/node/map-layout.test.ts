import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildMap, dropSpot, layoutInput, layoutMap, type Box, type LayoutInput, type LayoutResult } from '../../src/map/index.ts';
import { NODE_GAP, overlaps } from '../../src/map/layout/geometry.ts';
import { generatedMap } from '../shared/map-graph.ts';
import { world } from './graph-fixtures.ts';

const elk = new ELK();

function boxes(input: LayoutInput, result: LayoutResult): Box[] {
  return input.nodes.map((n) => ({ ...result.positions[n.id]!, width: n.width, height: n.height }));
}

function expectNoOverlap(input: LayoutInput, result: LayoutResult) {
  const all = boxes(input, result);
  const hits = all.flatMap((a, i) => all.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => [a, b]));
  expect(hits).toEqual([]);
}

const without = (input: LayoutInput, id: string): LayoutInput => ({
  ...input,
  nodes: input.nodes.filter((n) => n.id !== id),
  edges: input.edges.filter((e) => e.from !== id && e.to !== id),
});

describe('map layout', () => {
  it('lays out every node without overlaps, conclusions above what supports them', async () => {
    const input = generatedMap(40, 2);
    const r = await layoutMap(elk, input);
    expect(Object.keys(r.positions)).toEqual(input.nodes.map((n) => n.id));
    expect(r.placed).toEqual(input.nodes.map((n) => n.id));
    expectNoOverlap(input, r);
    // c1 supports c0 (every claim links to earlier ones): c0 above.
    expect(r.positions['c0']!.y).toBeLessThan(r.positions['c1']!.y);
  });

  it('gives the same positions for the same input', async () => {
    const input = generatedMap(60, 4);
    expect(await layoutMap(elk, input)).toEqual(await layoutMap(new ELK(), structuredClone(input)));
  });

  it('keeps every position when a claim is added, and places the new one beside its neighbours without overlap', async () => {
    const input = generatedMap(50, 5);
    const first = await layoutMap(elk, input);
    const grown = generatedMap(51, 5);
    const next = await layoutMap(elk, { ...grown, known: first.positions });
    expect(next.placed).toEqual(['c50']);
    for (const n of input.nodes) expect(next.positions[n.id]).toEqual(first.positions[n.id]);
    expectNoOverlap(grown, next);
    // Beside what it links to: nearer to its neighbours than the map is wide.
    const linked = grown.edges.filter((e) => e.from === 'c50').map((e) => first.positions[e.to]!);
    const p = next.positions['c50']!;
    const dist = Math.min(...linked.map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
    expect(dist).toBeLessThan(Math.max(first.bounds.width, first.bounds.height) / 2);
  });

  it('keeps every other position when a claim is removed or edited (resized)', async () => {
    const input = generatedMap(30, 6);
    const first = await layoutMap(elk, input);
    const removed = await layoutMap(elk, { ...without(input, 'c7'), known: first.positions });
    expect(removed.placed).toEqual([]);
    expect(removed.positions).toEqual(Object.fromEntries(Object.entries(first.positions).filter(([id]) => id !== 'c7')));
    const edited: LayoutInput = { ...input, nodes: input.nodes.map((n) => (n.id === 'c3' ? { ...n, height: n.height + 36 } : n)), known: first.positions };
    expect((await layoutMap(elk, edited)).positions).toEqual(first.positions);
  });

  it('lays everything out anew when asked (fresh), ignoring known positions', async () => {
    const input = generatedMap(20, 8);
    const first = await layoutMap(elk, input);
    const moved = { ...first.positions, c0: { x: 5000, y: 5000 } };
    expect((await layoutMap(elk, { ...input, known: moved })).positions['c0']).toEqual({ x: 5000, y: 5000 });
    expect((await layoutMap(elk, { ...input, known: moved, fresh: true })).positions).toEqual(first.positions);
  });

  it('places many new claims at once as a block below the map, moving nobody', async () => {
    const input = generatedMap(40, 9);
    const first = await layoutMap(elk, input);
    const grown = generatedMap(80, 9);
    const next = await layoutMap(elk, { ...grown, known: first.positions });
    expect(next.placed).toHaveLength(40);
    for (const n of input.nodes) expect(next.positions[n.id]).toEqual(first.positions[n.id]);
    expectNoOverlap(grown, next);
  });

  it('keeps the map’s spacing inside a cluster: a claim and the one it links to stand a layer gap apart', async () => {
    const node = (id: string) => ({ id, width: 240, height: 80 });
    const r = await layoutMap(elk, {
      nodes: ['top', 'below', 'other', 'far'].map(node),
      edges: [{ id: 'e1', from: 'far', to: 'top' }, { id: 'e2', from: 'below', to: 'top' }],
      clusters: [{ id: 'd', members: ['top', 'below'] }, { id: 'a', members: ['other', 'far'] }],
    });
    expect(r.positions['below']!.y - (r.positions['top']!.y + 80)).toBeGreaterThanOrEqual(NODE_GAP * 2);
  });

  it('draws clusters as boxes around their members, apart from each other, and places a new claim inside its own', async () => {
    const input: LayoutInput = { ...generatedMap(24, 10) };
    const clusters = [
      { id: 'a', members: input.nodes.filter((_, i) => i % 3 === 0).map((n) => n.id) },
      { id: 'b', members: input.nodes.filter((_, i) => i % 3 === 1).map((n) => n.id) },
      { id: 'c', members: input.nodes.filter((_, i) => i % 3 === 2).map((n) => n.id) },
    ];
    const first = await layoutMap(elk, { ...input, clusters });
    expectNoOverlap(input, first);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => first.clusters[id]!);
    expect([overlaps(a!, b!), overlaps(a!, c!), overlaps(b!, c!)]).toEqual([false, false, false]);
    const inside = (box: Box, p: { x: number; y: number }) => p.x >= box.x && p.y >= box.y && p.x <= box.x + box.width && p.y <= box.y + box.height;
    for (const cl of clusters) for (const m of cl.members) expect(inside(first.clusters[cl.id]!, first.positions[m]!)).toBe(true);

    const grown = generatedMap(25, 10);
    const grownClusters = clusters.map((cl) => (cl.id === 'b' ? { ...cl, members: [...cl.members, 'c24'] } : cl));
    const next = await layoutMap(elk, { ...grown, clusters: grownClusters, known: first.positions });
    expect(next.placed).toEqual(['c24']);
    const box = { ...next.positions['c24']!, width: grown.nodes[24]!.width, height: grown.nodes[24]!.height };
    expect(overlaps(box, next.clusters['a']!) || overlaps(box, next.clusters['c']!)).toBe(false);
  });

  it('takes its input from the map model, known positions of claims no longer there ignored', async () => {
    const w = await world();
    const map = buildMap(w.store);
    const input = layoutInput(map, { clusterBy: 'source', known: new Map([[w.A.id, { x: 10, y: 20 }], ['urn:uuid:gone', { x: 0, y: 0 }]]) });
    expect(input.nodes.map((n) => n.id)).toEqual([w.A.id, w.B.id, w.C.id, w.D.id]);
    expect(input.known).toEqual({ [w.A.id]: { x: 10, y: 20 } });
    expect(input.clusters!.map((c) => c.id)).toEqual(['source:doc-a', 'source:doc-b', 'source:doc-c']);
    const r = await layoutMap(elk, input);
    expect(r.positions[w.A.id]).toEqual({ x: 10, y: 20 });
    expect(r.placed).toEqual([w.B.id, w.C.id, w.D.id]);
  });

  it('leaves a dropped node where it was put, unless it covers another; then moves it to the nearest free spot', () => {
    const others: Box[] = [{ x: 0, y: 0, width: 200, height: 60 }, { x: 0, y: 100, width: 200, height: 60 }, { x: 300, y: 0, width: 200, height: 60 }];
    // Near others but on none: kept, even closer than the layout's gap.
    expect(dropSpot({ x: 210, y: 0, width: 80, height: 60 }, others)).toEqual({ x: 210, y: 0 });
    expect(dropSpot({ x: 0, y: 200, width: 200, height: 60 }, others)).toEqual({ x: 0, y: 200 });
    for (const dropped of [{ x: 20, y: 10, width: 200, height: 60 }, { x: 250, y: 30, width: 200, height: 60 }, { x: 0, y: 100, width: 200, height: 60 }]) {
      const spot = dropSpot(dropped, others);
      const box = { ...dropped, ...spot };
      expect(others.some((o) => overlaps(o, box)), JSON.stringify(dropped)).toBe(false);
      // Near the drop: within two of its diagonals.
      const d = Math.hypot(spot.x - dropped.x, spot.y - dropped.y);
      expect(d, JSON.stringify(dropped)).toBeLessThanOrEqual(Math.hypot(dropped.width, dropped.height) * 2);
      expect(d).toBeGreaterThan(0);
    }
    // Dropped on a node among others, it goes beside, not onto one of the others.
    const spot = dropSpot({ x: 10, y: 90, width: 200, height: 60 }, others);
    expect(others.some((o) => overlaps(o, { x: spot.x, y: spot.y, width: 200, height: 60 }))).toBe(false);
  });

  it('lays out an empty map', async () => {
    expect(await layoutMap(elk, { nodes: [], edges: [] })).toEqual({ positions: {}, placed: [], clusters: {}, bounds: { x: 0, y: 0, width: 0, height: 0 } });
  });
});
