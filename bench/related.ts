/**
 * Related-passages bench (issue 9 §4): time of `related()` for 300-character quotes taken at
 * random from the three built-in sources (each excluding its own source), against the target
 * of 20 ms; the first call on fresh models (which builds the index); and the ranking's quality
 * on the hand-judged pairs of test/node/related-cases.ts, per half (tuned on one, checked on
 * the other).
 *
 * `npx tsx bench/related.ts [--seed N]` runs it alone; bench/run.ts calls `runRelatedBench`.
 */
import { loadCorpus } from '../scripts/corpus-files.ts';
import { related } from '../src/search/related.ts';
import { RELATED_CASES, scoreCases, type RelatedScores } from '../test/node/related-cases.ts';
import { rng } from '../test/shared/rng.ts';
import { isMain, runAndReport, seedFromArgs } from './results.ts';

const QUOTE_LENGTH = 300;
const QUERIES = 300;
const FIRST_CALLS = 5;
/** Target per query, ms (issue 9, Performance). */
const TARGET_MS = 20;

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Run the bench with `seed`; returns the printed table and the JSON record. */
export async function runRelatedBench(seed = 1): Promise<{ table: string; json: unknown }> {
  const docs = await loadCorpus();
  const r = rng(seed);
  const quotes = Array.from({ length: QUERIES }, () => {
    const d = docs[Math.floor(r() * docs.length)]!;
    const start = Math.floor(r() * Math.max(1, d.text.length - QUOTE_LENGTH));
    return { quote: d.text.slice(start, start + QUOTE_LENGTH), exclude: d.meta.id };
  });

  // First call on models never indexed: builds every document's index, then ranks.
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
  const first: number[] = [];
  const firstCpu: number[] = [];
  for (let i = 0; i < FIRST_CALLS; i++) {
    const fresh = structuredClone(docs);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    related(fresh, quotes[i]!.quote, { exclude: quotes[i]!.exclude });
    first.push(performance.now() - t0);
    firstCpu.push(process.cpuUsage(c0).user / 1000);
  }

  related(docs, quotes[0]!.quote); // index the bench's models once
  const times: number[] = [];
  for (const q of quotes) {
    const t0 = performance.now();
    related(docs, q.quote, { exclude: q.exclude });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  first.sort((a, b) => a - b);
  firstCpu.sort((a, b) => a - b);

  const rank = (quote: string, exclude: string) => related(docs, quote, { exclude });
  const halves: Array<[string, RelatedScores]> = [
    ['tune', scoreCases(RELATED_CASES.filter((c) => c.half === 'tune'), rank)],
    ['check', scoreCases(RELATED_CASES.filter((c) => c.half === 'check'), rank)],
    ['all', scoreCases(RELATED_CASES, rank)],
  ];

  const median = quantile(times, 0.5);
  const p95 = quantile(times, 0.95);
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const lines = [
    `Related passages (seed ${seed}): ${QUERIES} quotes of ${QUOTE_LENGTH} characters over ${docs.length} sources`,
    `  per query   median ${median.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   target ≤ ${TARGET_MS} ms ${mark(p95 <= TARGET_MS)}`,
    `  first call (index build + query, fresh models)   median ${quantile(first, 0.5).toFixed(1)} ms (CPU ${quantile(firstCpu, 0.5).toFixed(1)} ms)   max ${first.at(-1)!.toFixed(1)} ms`,
    `  ranking on hand-judged pairs (test/node/related-cases.ts)`,
    `    half    cases  P@1    hit@5  P@5    MRR`,
    ...halves.map(([name, s]) =>
      `    ${name.padEnd(6)}  ${String(s.cases).padEnd(5)}  ${s.precisionAt1.toFixed(2)}   ${s.hitAt5.toFixed(2)}   ${s.precisionAt5.toFixed(2)}   ${s.mrr.toFixed(3)}`),
  ];
  const json = {
    seed,
    quoteLength: QUOTE_LENGTH,
    queries: QUERIES,
    msPerQuery: { median, p95, max: times.at(-1) },
    firstCallMs: { median: quantile(first, 0.5), cpuMedian: quantile(firstCpu, 0.5), max: first.at(-1) },
    targetMs: TARGET_MS,
    met: p95 <= TARGET_MS,
    ranking: Object.fromEntries(halves.map(([name, s]) => [name, s])),
  };
  return { table: lines.join('\n'), json };
}

if (isMain(import.meta.url)) await runAndReport('related', seedFromArgs(), runRelatedBench);
