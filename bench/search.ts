/**
 * Search bench (issue 9, Performance): the search box's index (`src/search/`) over the three
 * sources plus 10,000 generated claims — statements and notes cut from the sources' own
 * sentences, so terms are as frequent as in real use — and realistic queries: the issue's six
 * names, prefixes as typed, misspellings, phrases. Per query: median and p95 of many runs,
 * against the target of 10 ms. Also: building the index (the corpus in slices, as the app
 * does, with its longest slice; the claims), and updating it for one claim (add, edit, delete).
 *
 * Runs in Node: the app searches on the main thread, with the same code. Wall time and CPU time
 * are both given: on a shared machine wall time includes waiting for a core.
 * `npx tsx bench/search.ts [--seed N]` runs it alone; bench/run.ts calls `runSearchBench`.
 */
import os from 'node:os';
import { loadCorpus } from '../scripts/corpus-files.ts';
import { SLICE_MS } from '../src/search/add-source.ts';
import { LiveIndex } from '../src/search/live-index.ts';
import type { Claim } from '../src/store/index.ts';
import { rng } from '../test/shared/rng.ts';
import { isMain, runAndReport, seedFromArgs } from './results.ts';

const CLAIMS = 10_000;
// 200 runs: the p95 of 40 is the second-worst run, one garbage collection away from doubling.
const RUNS = 200;
/** Target per query, ms (issue 9). */
const TARGET_MS = 10;
/** A task longer than this is a long task. */
const LONG_TASK_MS = 50;

const QUERIES = [
  // The must-finds (Tokaev misspelt: the text says Tokayev).
  'titushky', 'Article 4', 'middle power', 'belokepochniki', 'Samat Abish', 'Tokaev',
  // As typed, letter by letter.
  'Tok', 'Toka', 'belok', 'Samat Ab', 'secur', 'Kaz',
  // Misspelt or transliterated otherwise.
  'Nazarbaev', 'Kazakstan', 'terorism', 'titushki', 'peacekepers',
  // Phrases and several words.
  'CSTO peacekeepers', 'shoot to kill', 'January 2022', 'security forces stood down', 'Russia intervention Kazakhstan',
];


function claims(corpusWords: readonly string[], n: number, seed: number): Map<string, Claim> {
  const rnd = rng(seed);
  const span = (min: number, max: number) => {
    const len = min + Math.floor(rnd() * (max - min));
    const at = Math.floor(rnd() * (corpusWords.length - len));
    return corpusWords.slice(at, at + len).join(' ');
  };
  const tags = ['violence', 'CSTO', 'elites', 'terrorism', 'Almaty', 'police', 'Russia', 'protest'];
  const out = new Map<string, Claim>();
  for (let i = 0; i < n; i++) {
    const id = `urn:uuid:00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const note = rnd() < 0.3 ? span(15, 60) : undefined;
    out.set(id, {
      id, type: 'Claim', statement: span(6, 16), ...(note ? { note } : {}),
      tags: tags.filter(() => rnd() < 0.15), events: [], evidence: [],
      creator: { type: 'Person', name: 'Bench' }, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z',
      layer: 'urn:uuid:00000000-0000-4000-8000-00000000aaaa', version: {},
    });
  }
  return out;
}

interface Stat {
  median: number;
  p95: number;
}

function stat(xs: readonly number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! };
}

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const ms = (x: number) => x.toFixed(2).padStart(7);
const time = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/** Runs the bench; resolves to the printed table and the JSON written to bench/results/. */
export async function runSearchBench(seed = 1) {
  const docs = await loadCorpus();
  // Built as the app builds it (LiveIndex): in slices, yielding between them; a slice is the
  // time from one resumption to the next yield (what the page would see as one task).
  let longestSlice = 0;
  let longestSliceCpu = 0;
  let resumed = performance.now();
  let resumedCpu = process.cpuUsage();
  const live = new LiveIndex({
    budgetMs: SLICE_MS,
    now: () => performance.now(),
    yieldToPage: () => {
      longestSlice = Math.max(longestSlice, performance.now() - resumed);
      longestSliceCpu = Math.max(longestSliceCpu, cpuMs(process.cpuUsage(resumedCpu)));
      return new Promise<void>((r) =>
        setImmediate(() => {
          resumed = performance.now();
          resumedCpu = process.cpuUsage();
          r();
        }),
      );
    },
  });
  const index = live.index;
  let t0 = performance.now();
  resumed = t0;
  resumedCpu = process.cpuUsage();
  await Promise.all(docs.map((d) => live.addSource(d)));
  const corpusMs = performance.now() - t0;
  const passages = index.size;
  const corpusWords = docs.flatMap((d) => d.text.split(/\s+/).filter(Boolean));
  const generated = claims(corpusWords, CLAIMS, seed);
  t0 = resumed = performance.now();
  resumedCpu = process.cpuUsage();
  await live.attach({ annotations: new Map(), claims: generated, events: new Map() });
  const claimsMs = performance.now() - t0;

  const rows = QUERIES.map((q) => {
    index.search(q); // warm-up
    const cpu: number[] = [];
    const runs = Array.from({ length: RUNS }, () => {
      const c0 = process.cpuUsage();
      const wall = time(() => index.search(q));
      const c = process.cpuUsage(c0);
      cpu.push(cpuMs(c));
      return wall;
    });
    const r = index.search(q);
    const counts = Object.fromEntries(r.groups.map((g) => [g.kind, g.total]));
    return { query: q, ...stat(runs), cpu: stat(cpu), passages: counts.passage ?? 0, claims: counts.claim ?? 0 };
  });
  const all = stat(rows.map((r) => r.median));
  const worst = Math.max(...rows.map((r) => r.p95));
  const worstCpu = Math.max(...rows.map((r) => r.cpu.p95));

  // One claim: added, edited, deleted, each as the store's diff arrives.
  const one = [...generated.values()][0]!;
  const add: number[] = [];
  const edit: number[] = [];
  const del: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c: Claim = { ...one, id: `urn:uuid:ffffffff-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, statement: `Bench claim ${i} about the Almaty riots` };
    const changed: Claim = { ...c, statement: `Bench claim ${i} about the CSTO deployment`, tags: ['CSTO'] };
    add.push(time(() => index.applyDiff({ claims: { added: { [c.id]: c }, updated: {}, removed: {} } })));
    edit.push(time(() => index.applyDiff({ claims: { added: {}, updated: { [c.id]: [c, changed] }, removed: {} } })));
    del.push(time(() => index.applyDiff({ claims: { added: {}, updated: {}, removed: { [c.id]: changed } } })));
  }
  const update = { add: stat(add), edit: stat(edit), delete: stat(del) };

  const met = (x: number, target: number) => (x <= target ? 'met' : 'NOT met');
  const table = [
    `Search: ${passages} passages of ${docs.length} sources + ${CLAIMS.toLocaleString('en')} generated claims (seed ${seed}), ${RUNS} runs per query`,
    '',
    `Machine load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores: wall time includes waiting for the CPU; CPU time does not.`,
    '',
    'query                          wall median    p95   CPU median    p95  target   passages  claims',
    ...rows.map((r) => `${r.query.padEnd(30)} ${ms(r.median)} ${ms(r.p95)}  ${ms(r.cpu.median)} ${ms(r.cpu.p95)}  ≤${TARGET_MS} ms ${String(r.passages).padStart(8)}  ${String(r.claims).padStart(6)}`),
    '',
    `all queries: median of medians ${all.median.toFixed(2)} ms, worst median ${Math.max(...rows.map((r) => r.median)).toFixed(2)} ms (target ≤ ${TARGET_MS} ms: ${met(Math.max(...rows.map((r) => r.median)), TARGET_MS)}), worst p95 ${worst.toFixed(2)} ms wall (${met(worst, TARGET_MS)}), ${worstCpu.toFixed(2)} ms CPU (${met(worstCpu, TARGET_MS)})`,
    `build in slices of ${SLICE_MS} ms: corpus ${corpusMs.toFixed(1)} ms, ${CLAIMS.toLocaleString('en')} claims ${claimsMs.toFixed(0)} ms; longest slice ${longestSlice.toFixed(1)} ms wall, ${longestSliceCpu.toFixed(1)} ms CPU (long tasks > ${LONG_TASK_MS} ms of CPU: ${longestSliceCpu > LONG_TASK_MS ? 'yes' : 'none'})`,
    `update for one claim (median / p95): add ${update.add.median.toFixed(2)} / ${update.add.p95.toFixed(2)} ms, edit ${update.edit.median.toFixed(2)} / ${update.edit.p95.toFixed(2)} ms, delete ${update.delete.median.toFixed(2)} / ${update.delete.p95.toFixed(2)} ms`,
  ].join('\n');
  const json = { seed, claims: CLAIMS, passages, runs: RUNS, targetMs: TARGET_MS, queries: rows, all: { ...all, worstP95: worst, worstCpuP95: worstCpu, loadAverage: os.loadavg()[0] }, build: { corpusMs, longestSliceMs: longestSlice, longestSliceCpuMs: longestSliceCpu, sliceMs: SLICE_MS, claimsMs }, update };
  return { table, json };
}

if (isMain(import.meta.url)) await runAndReport('search', seedFromArgs(), runSearchBench);
