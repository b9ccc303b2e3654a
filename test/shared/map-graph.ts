/**
 * Generated argument maps for the map's tests and bench: `n` claims with statements of varied
 * length, each linked to two earlier claims (so about two links per claim), from a seed.
 */
import { nodeSize } from '../../src/map/layout/sizes.ts';
import type { LayoutInput } from '../../src/map/layout/types.ts';
import { rng } from './rng.ts';


/**
 * Claim ids `c0`, `c1`, …; link ids `l0`, `l1`, …, in creation order. Prefix-stable: the map of
 * `n + 1` claims is the map of `n` plus one claim and its links (a claim added).
 */
export function generatedMap(n: number, seed = 1): LayoutInput {
  const random = rng(seed);
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
