/**
 * Argument-map layout bench, in headless Chromium: generated maps of 100, 500 and 1,000 claims
 * with two links per claim (test/shared/map-graph.ts) laid out by the app's layout worker (ELK,
 * src/map/layout/), with the longest main-thread task meanwhile, and the update after adding one
 * claim (positions kept, the new one placed). Printed beside the targets of issue 9: 500 claims
 * ≤ 1 s, no main-thread task > 50 ms, an incremental update ≤ 100 ms.
 *
 * `npx tsx bench/map.ts [--seed N]` runs it alone; bench/run.ts calls `runMapBench`.
 */
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutMap } from '../src/map/layout/layout.ts';
import { generatedMap } from '../test/shared/map-graph.ts';
import { launchChromium } from '../scripts/chromium.ts';
import { serveStatic } from '../scripts/static-server.ts';
import type { MapRun } from './map-page.ts';
import { isMain, RESULTS_DIR, runAndReport, seedFromArgs } from './results.ts';

const SIZES = [100, 500, 1000];
const REPETITIONS = 3;
const TARGETS = { layout500Ms: 1000, longestTaskMs: 50, incrementalMs: 100 };

const repo = fileURLToPath(new URL('../', import.meta.url));

async function bundle(entry: string, conditions: string[]): Promise<string> {
  const out = await build({
    entryPoints: [resolve(repo, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Map bench</title>
<script type="module" src="/bench/map-page.js"></script>
</head><body></body></html>`;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The same layouts in Node, timed in CPU time (`process.cpuUsage`): on a shared machine the wall
 * times above grow with the load, CPU time much less, so this column says what an idle machine
 * would take, give or take.
 */
async function nodeCpuMs(claims: number, seed: number): Promise<number> {
  const elk = new ELK();
  await layoutMap(elk, generatedMap(100, seed + 1000));
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const input = generatedMap(claims, seed + i);
    const c0 = process.cpuUsage();
    await layoutMap(elk, input);
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1000);
  }
  return median(times);
}

export async function runMapBench(seed = 1): Promise<{ table: string; json: unknown }> {
  const [page, worker] = await Promise.all([
    bundle('bench/map-page.ts', ['browser', 'production']),
    bundle('src/map/layout/layout-worker.ts', ['worker', 'browser', 'production']),
  ]);
  await mkdir(RESULTS_DIR, { recursive: true });
  const server = await serveStatic(repo, '/');
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.route(`${server.url}bench/map.html`, (r) => r.fulfill({ contentType: 'text/html', body: PAGE }));
    await tab.route(`${server.url}bench/map-page.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: page }));
    await tab.route(`${server.url}bench/map-layout-worker.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: worker }));
    await tab.goto(`${server.url}bench/map.html`);
    await tab.waitForFunction(() => 'mapBench' in window);
    // Warm-up, untimed: ELK's first run compiles its code.
    await tab.evaluate((s) => window.mapBench.run(100, s), seed + 1000);
    const runs: MapRun[] = [];
    for (const claims of SIZES) {
      for (let i = 0; i < REPETITIONS; i++) runs.push(await tab.evaluate(([n, s]) => window.mapBench.run(n, s), [claims, seed + i] as const));
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const cpu = new Map<number, number>();
    for (const claims of SIZES) cpu.set(claims, await nodeCpuMs(claims, seed));
    const rows = SIZES.map((claims) => {
      const of = runs.filter((r) => r.claims === claims);
      return {
        nodeCpuMs: cpu.get(claims)!,
        claims,
        links: Math.round(median(of.map((r) => r.links))),
        workerMs: median(of.map((r) => r.workerMs)),
        roundTripMs: median(of.map((r) => r.roundTripMs)),
        longestTaskMs: Math.max(...of.map((r) => r.longestTaskMs)),
        incrementalRoundTripMs: median(of.map((r) => r.incrementalRoundTripMs)),
        incrementalWorkerMs: median(of.map((r) => r.incrementalWorkerMs)),
        moved: Math.max(...of.map((r) => r.incrementalMoved)),
      };
    });
    const ok = (met: boolean) => (met ? 'met' : 'NOT met');
    const r500 = rows.find((r) => r.claims === 500)!;
    const longest = Math.max(...rows.map((r) => r.longestTaskMs));
    const incremental = Math.max(...rows.map((r) => r.incrementalRoundTripMs));
    const n = (x: number) => String(Math.round(x)).padStart(12);
    const worst = runs.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
    const what = worst.longestTaskScripts.length ? worst.longestTaskScripts.join(', ') : 'no script of the page (garbage collection, messaging or the machine\'s load)';
    // The machine's load says how far the times are from an idle machine's (a shared CI box).
    const load = loadavg().map((x) => x.toFixed(1)).join(' ');
    const table = [
      `Map layout: generated maps, two links per claim, layout worker (ELK layered), Chromium ${browser.version()}, median of ${REPETITIONS} maps per size, seed ${seed}; load average ${load}`,
      `${'claims'.padEnd(8)}${'links'.padStart(8)}${'worker ms'.padStart(12)}${'Node CPU ms'.padStart(13)}${'on page ms'.padStart(12)}${'longest task'.padStart(14)}${'+1 claim ms'.padStart(12)}${'(worker)'.padStart(10)}${'moved'.padStart(7)}`,
      ...rows.map((r) => `${String(r.claims).padEnd(8)}${String(r.links).padStart(8)}${n(r.workerMs)}${String(Math.round(r.nodeCpuMs)).padStart(13)}${n(r.roundTripMs)}${(r.longestTaskMs ? `${Math.round(r.longestTaskMs)} ms` : 'none').padStart(14)}${n(r.incrementalRoundTripMs)}${String(Math.round(r.incrementalWorkerMs)).padStart(10)}${String(r.moved).padStart(7)}`),
      `Targets: 500 claims <= ${TARGETS.layout500Ms} ms: ${Math.round(r500.roundTripMs)} ms, ${ok(r500.roundTripMs <= TARGETS.layout500Ms)}; ` +
        `no main-thread task > ${TARGETS.longestTaskMs} ms: longest ${longest ? `${Math.round(longest)} ms` : 'none (no task >= 50 ms)'}, ${ok(longest <= TARGETS.longestTaskMs)}; ` +
        `+1 claim <= ${TARGETS.incrementalMs} ms: slowest ${Math.round(incremental)} ms, ${ok(incremental <= TARGETS.incrementalMs)}.`,
      ...(worst.longestTaskMs ? [`The longest task (${Math.round(worst.longestTaskMs)} ms, ${worst.claims} claims) ran: ${what}.`] : []),
      `"Node CPU ms" = the same layout in Node, in CPU time, which the machine's load inflates much less than the wall times; "on page" = posting the map to having its layout;`,
      `"longest task" = the longest main-thread long task meanwhile (PerformanceObserver 'longtask'); "moved" = known nodes the +1 layout moved (must be 0).`,
    ].join('\n');
    const json = { bench: 'map', date: new Date().toISOString(), chromium: browser.version(), loadAverage: loadavg(), seed, sizes: SIZES, repetitions: REPETITIONS, targets: TARGETS, summary: rows, runs };
    return { table, json };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta.url)) await runAndReport('map', seedFromArgs(), runMapBench);
