/**
 * What every bench shares with `bench/run.ts`: where results go, the `--seed` argument, and
 * running one bench alone (`npx tsx bench/<name>.ts [--seed N]`) exactly as `npm run bench` runs
 * each: print the table, write bench/results/<name>.json (<name>-seed<N>.json for another seed).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchResult {
  table: string;
  json: unknown;
}

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
export const DEFAULT_SEED = 1;

/** The seed given as `--seed N`, else the default. */
export function seedFromArgs(argv: readonly string[] = process.argv): number {
  const i = argv.indexOf('--seed');
  const seed = i === -1 ? DEFAULT_SEED : Number(argv[i + 1]);
  if (!Number.isInteger(seed)) throw new Error('--seed takes an integer');
  return seed;
}

/** Writes a bench's JSON to bench/results/. */
export async function saveResult(name: string, seed: number, json: unknown): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(RESULTS_DIR + (seed === DEFAULT_SEED ? `${name}.json` : `${name}-seed${seed}.json`), JSON.stringify(json, null, 2) + '\n');
}

/** Runs `run` and reports it as `npm run bench` does; returns its result. */
export async function runAndReport(name: string, seed: number, run: (seed: number) => Promise<BenchResult>): Promise<BenchResult> {
  const t0 = performance.now();
  const result = await run(seed);
  console.log(`\n${result.table}\n(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await saveResult(name, seed, result.json);
  return result;
}

/** Whether the module at `url` is the script being run (not imported by bench/run.ts). */
export const isMain = (url: string): boolean => !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(url);
