/**
 * `npx tsx bench/anchoring-only.ts [seed]`: the anchoring bench alone (bench/run.ts runs every
 * bench), printing its table and writing bench/results/anchoring.json (anchoring-seed<N>.json
 * for a seed other than 1), as bench/run.ts does.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runAnchoringBench } from './anchoring.ts';

const seed = Number(process.argv[2] ?? 1);
if (!Number.isInteger(seed)) throw new Error('the seed is an integer');
const t0 = performance.now();
const { table, json } = await runAnchoringBench(seed);
console.log(`\n${table}\n(anchoring: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const file = seed === 1 ? 'anchoring.json' : `anchoring-seed${seed}.json`;
await writeFile(fileURLToPath(new URL(`./results/${file}`, import.meta.url)), JSON.stringify(json, null, 2) + '\n');
