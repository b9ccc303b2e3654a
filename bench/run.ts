/**
 * `npm run bench [-- --seed N]`: runs every bench in sequence, prints each table and writes
 * bench/results/<name>.json (<name>-seed<N>.json for a non-default seed).
 * To add a bench, add an entry to BENCHES; a bench resolves to `{ table, json }`.
 */
import { runAnchoringBench } from './anchoring.ts';
import { runHighlightBench } from './highlights.ts';
import { runSearchBench } from './search.ts';
import { runMapBench } from './map.ts';
import { runRelatedBench } from './related.ts';
import { runAndReport, seedFromArgs, type BenchResult } from './results.ts';

const seed = seedFromArgs();

/** Benches in the order they run. */
const BENCHES: ReadonlyArray<[string, (seed: number) => Promise<BenchResult>]> = [
  ['anchoring', runAnchoringBench],
  // Passages of 300–1,000 characters: a paragraph highlighted whole; anchoring cost grows with
  // the quote's length, the Hypothesis-style matcher's much less (its errors are capped at 256).
  ['anchoring-long', (s) => runAnchoringBench(s, 'long')],
  // A word or two (3–20 characters): the quote says little, its context nearly everything.
  ['anchoring-short', (s) => runAnchoringBench(s, 'short')],
  // The second edit mix, made apart from the first, on which the engine was not tuned.
  ['anchoring-other', (s) => runAnchoringBench(s, 'usual', 'other')],
  ['highlights', runHighlightBench],
  ['search', runSearchBench],
  ['map', runMapBench],
  ['related', runRelatedBench],
];

for (const [name, run] of BENCHES) await runAndReport(name, seed, run);
