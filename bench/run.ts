/**
 * `npm run bench [-- --seed N]`: runs every bench in sequence, prints each table and writes
 * bench/results/<name>.json (<name>-seed<N>.json for a non-default seed).
 * To add a bench, add an entry to BENCHES; a bench resolves to `{ table, json }`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runAnchoringBench } from './anchoring.ts';
import { runHighlightBench } from './highlights.ts';
import { runSearchBench } from './search.ts';
import { runMapBench } from './map.ts';
import { runRelatedBench } from './related.ts';

interface BenchResult {
  table: string;
  json: unknown;
}

const DEFAULT_SEED = 1;

const seedArg = process.argv.indexOf('--seed');
const seed = seedArg === -1 ? DEFAULT_SEED : Number(process.argv[seedArg + 1]);
if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');

/** Benches in the order they run. */
const BENCHES: ReadonlyArray<[string, () => Promise<BenchResult>]> = [
  ['anchoring', () => runAnchoringBench(seed)],
  ['highlights', () => runHighlightBench(seed)],
  ['search', () => runSearchBench(seed)],
  ['map', () => runMapBench(seed)],
  ['related', () => runRelatedBench(seed)],
];

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
await mkdir(resultsDir, { recursive: true });
for (const [name, run] of BENCHES) {
  const t0 = performance.now();
  const { table, json } = await run();
  console.log(`\n${table}\n(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const file = seed === DEFAULT_SEED ? `${name}.json` : `${name}-seed${seed}.json`;
  await writeFile(resultsDir + file, JSON.stringify(json, null, 2) + '\n');
}
