/**
 * Generated argument maps for the map's tests and bench: `n` claims with statements of varied
 * length, each linked to two earlier claims (so about two links per claim), from a seed.
 */
import { nodeSize } from '../../src/map/layout/sizes.ts';
import type { LayoutInput } from '../../src/map/layout/types.ts';

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Claim ids `c0`, `c1`, …; link ids `l0`, `l1`, …, in creation order. Prefix-stable: the map of
 * `n + 1` claims is the map of `n` plus one claim and its links (a claim added).
 */
export function generatedMap(n: number, seed = 1): LayoutInput {
  const random = seeded(seed);
  const nodes: LayoutInput['nodes'] = [];
  const edges: LayoutInput['edges'] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `c${i}`, ...nodeSize({ label: 'x'.repeat(20 + Math.floor(random() * 100)) }) });
    if (i === 0) continue;
    const targets = new Set([Math.floor(random() * i), Math.floor(random() * i)]);
    for (const t of targets) edges.push({ id: `l${edges.length}`, from: `c${i}`, to: `c${t}` });
  }
  return { nodes, edges };
}
