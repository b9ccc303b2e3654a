/**
 * `npx tsx bench/anchoring-only.ts [seed] [--long|--short] [--other]`: the anchoring bench alone (bench/run.ts
 * runs every bench), printing its table and writing bench/results/anchoring.json
 * (anchoring-seed<N>.json for a seed other than 1; anchoring-long*.json with passages of 300–1,000
 * characters, anchoring-short*.json with 3–20; anchoring-other*.json with the second edit mix), as
 * bench/run.ts does.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lengthsFromArgs, mixFromArgs, runAnchoringBench } from './anchoring.ts';

const args = process.argv.slice(2);
const lengths = lengthsFromArgs(args);
const mix = mixFromArgs(args);
const seed = Number(args.find((a) => !a.startsWith('--')) ?? 1);
if (!Number.isInteger(seed)) throw new Error('the seed is an integer');
const t0 = performance.now();
const { table, json } = await runAnchoringBench(seed, lengths, mix);
console.log(`\n${table}\n(anchoring: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const file = `anchoring${mix === 'main' ? '' : '-other'}${lengths === 'usual' ? '' : `-${lengths}`}${seed === 1 ? '' : `-seed${seed}`}.json`;
await writeFile(fileURLToPath(new URL(`./results/${file}`, import.meta.url)), JSON.stringify(json, null, 2) + '\n');
