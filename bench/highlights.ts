/**
 * Highlight-painting bench, in headless Chromium: 2,000 highlights over the longest source,
 * painted with the CSS Custom Highlight API against wrapping the text in `<mark>` elements
 * (the Hypothesis / Apache Annotator way). Both methods start from text offsets, so both pay
 * for making Ranges with the TextMap; that cost is also reported on its own.
 *
 * Per method: ms to show and ms to clear, each from the start of a frame until that frame is
 * painted (see bench/highlights-page.ts for how), and show+clear. Repetitions alternate which
 * method goes first, after one untimed warm-up round that also takes the screenshots.
 *
 * `npx tsx bench/highlights.ts [--seed N]` runs it alone (prints the table, writes
 * bench/results/highlights.json); bench/run.ts can call `runHighlightBench`.
 */
import { build } from 'esbuild';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { launchChromium } from '../scripts/chromium.ts';
import { serveStatic } from '../scripts/static-server.ts';
import type { HighlightBench, SetupInfo, StepTiming } from './highlights-page.ts';
import { isMain, RESULTS_DIR, runAndReport, seedFromArgs } from './results.ts';

const DOC_ID = 'anisin-2026';
const HIGHLIGHTS = 2000;
const REPETITIONS = 7;
const VIEWPORT = { width: 1280, height: 900 };
/** Frame budget at 60 Hz, the target for showing with the Highlight API. */
const FRAME_MS = 16;
/** Target: show+clear with marks at least this many times slower than with the API. */
const TARGET_RATIO = 10;

const repo = fileURLToPath(new URL('../', import.meta.url));

type Method = 'highlight-api' | 'mark-wrap';
type StepName = Exclude<keyof HighlightBench, 'setup'>;

interface Rep {
  order: Method[];
  ranges: StepTiming;
  api: { show: StepTiming; clear: StepTiming };
  marks: { show: StepTiming; clear: StepTiming };
}

interface Stat {
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Median and p90 (nearest rank, so with 7 runs p90 is the slowest). */
function stat(xs: readonly number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const median = s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median, p90: rank(0.9), min: s[0]!, max: s.at(-1)! };
}

const round = (x: number) => Math.round(x * 100) / 100;

async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(repo, 'bench/highlights-page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['browser', 'production'],
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Highlight bench</title>
<link rel="stylesheet" href="/src/theme.css">
<style>body { margin: 0; background: var(--cr-bg); }</style>
<script type="module" src="/bench/highlights-page.js"></script>
</head><body></body></html>`;

export async function runHighlightBench(seed = 1): Promise<{ table: string; json: unknown }> {
  try {
    await access(resolve(repo, `corpus/build/${DOC_ID}.json`));
  } catch {
    throw new Error(`corpus/build/${DOC_ID}.json is missing: run \`npm run corpus\` first`);
  }
  const script = await bundlePage();
  await mkdir(RESULTS_DIR, { recursive: true });
  const server = await serveStatic(repo, '/');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The page and its bundle come from memory; corpus and theme from the static server.
    await page.route(`${server.url}bench/highlights.html`, (r) => r.fulfill({ contentType: 'text/html', body: PAGE }));
    await page.route(`${server.url}bench/highlights-page.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: script }));
    await page.goto(`${server.url}bench/highlights.html`);
    await page.waitForFunction(() => 'highlightBench' in window);
    const setup: SetupInfo = await page.evaluate(
      ([id, n, s]) => window.highlightBench.setup(id, n, s),
      [DOC_ID, HIGHLIGHTS, seed] as const,
    );
    // A full garbage collection before every timed step: Ranges left from the step before stay
    // attached to the document until collected, and every live Range makes each DOM mutation
    // slower, so without it a step would pay for garbage of another.
    const cdp = await page.context().newCDPSession(page);
    const step = async <K extends StepName>(name: K): Promise<Awaited<ReturnType<HighlightBench[K]>>> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return page.evaluate((n) => window.highlightBench[n](), name) as Promise<Awaited<ReturnType<HighlightBench[K]>>>;
    };

    // Warm-up round, untimed: also proves both methods paint, and that clearing restores the
    // page pixel for pixel (the DOM itself is checked in the page after every clear).
    const shot = () => page.screenshot();
    const before = await shot();
    const apiShown = await step('showApi');
    const apiShot = await shot();
    await step('clearApi');
    const apiCleared = await shot();
    const marksShown = await step('showMarks');
    const marksShot = await shot();
    await step('clearMarks');
    const marksCleared = await shot();
    await writeFile(RESULTS_DIR + 'highlights.png', apiShot);
    await writeFile(RESULTS_DIR + 'highlights-marks.png', marksShot);
    const checks = {
      apiRangesPainted: apiShown.painted,
      marksInserted: marksShown.painted,
      apiChangesPixels: !apiShot.equals(before),
      marksChangePixels: !marksShot.equals(before),
      apiClearRestoresPixels: apiCleared.equals(before),
      marksClearRestoresPixels: marksCleared.equals(before),
      domRestoredAfterClear: true, // the page throws otherwise
    };
    if (!checks.apiChangesPixels || !checks.marksChangePixels) throw new Error('a method painted nothing visible');

    const reps: Rep[] = [];
    for (let i = 0; i < REPETITIONS; i++) {
      const order: Method[] = i % 2 ? ['mark-wrap', 'highlight-api'] : ['highlight-api', 'mark-wrap'];
      const ranges = await step('createRanges');
      const rep: Partial<Rep> = { order, ranges };
      for (const m of order) {
        if (m === 'highlight-api') rep.api = { show: await step('showApi'), clear: await step('clearApi') };
        else rep.marks = { show: await step('showMarks'), clear: await step('clearMarks') };
      }
      reps.push(rep as Rep);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const pick = (f: (r: Rep) => number) => stat(reps.map(f));
    const summary = {
      rangeCreation: pick((r) => r.ranges.total),
      'highlight-api': {
        show: pick((r) => r.api.show.total),
        clear: pick((r) => r.api.clear.total),
        showAndClear: pick((r) => r.api.show.total + r.api.clear.total),
        showRanges: pick((r) => r.api.show.ranges),
        showWork: pick((r) => r.api.show.work),
        showExcludingRanges: pick((r) => r.api.show.total - r.api.show.ranges),
      },
      'mark-wrap': {
        show: pick((r) => r.marks.show.total),
        clear: pick((r) => r.marks.clear.total),
        showAndClear: pick((r) => r.marks.show.total + r.marks.clear.total),
        showRanges: pick((r) => r.marks.show.ranges),
        showWork: pick((r) => r.marks.show.work),
        showExcludingRanges: pick((r) => r.marks.show.total - r.marks.show.ranges),
      },
    };
    const api = summary['highlight-api'];
    const marks = summary['mark-wrap'];
    const ratio = marks.showAndClear.median / api.showAndClear.median;
    const version = browser.version();

    const f = (s: Stat) => `${s.median.toFixed(1)} / ${s.p90.toFixed(1)}`.padStart(18);
    const head = `${'ms, median / p90'.padEnd(26)}${'show'.padStart(18)}${'clear'.padStart(18)}${'show+clear'.padStart(18)}`;
    const row = (name: string, m: typeof api) => `${name.padEnd(26)}${f(m.show)}${f(m.clear)}${f(m.showAndClear)}`;
    const table = [
      `Highlights: ${HIGHLIGHTS} on ${DOC_ID} (${setup.textLength} chars, ${setup.blocks} blocks; ` +
        `${setup.crossBlock} cross blocks; ${Math.round((100 * setup.charsCovered) / setup.textLength)}% of the text covered), ` +
        `shadow DOM, ${VIEWPORT.width}x${VIEWPORT.height}, Chromium ${version}, ${REPETITIONS} runs, seed ${seed}`,
      head,
      row('CSS Custom Highlight API', api),
      row('<mark> wrapping', marks),
      `Range creation (${HIGHLIGHTS} TextMap.offsetsToRange), ms: alone ${f(summary.rangeCreation).trim()}; ` +
        `within API show ${f(api.showRanges).trim()}; within wrapping show ${f(marks.showRanges).trim()} (on the DOM as wrapping splits it)`,
      `wrap / highlight-api, show+clear: ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}); ` +
        `API show median ${api.show.median.toFixed(1)} ms (target <= ${FRAME_MS} ms, one frame: ${api.show.median <= FRAME_MS ? 'met' : 'NOT met'}; ` +
        `${api.showExcludingRanges.median.toFixed(1)} ms without making the Ranges)`,
      `Times run from the start of a frame until that frame is painted on the main thread (rAF, then a MessageChannel task).`,
    ].join('\n');

    const json = {
      bench: 'highlights',
      date: new Date().toISOString(),
      chromium: version,
      seed,
      viewport: VIEWPORT,
      dom: 'shadow root (app prose styles), ::highlight() rule in the shadow root stylesheet',
      timing:
        'each step starts in a requestAnimationFrame callback and ends in a MessageChannel task posted from it, ' +
        'i.e. after that frame\'s style, layout and paint on the main thread; no vsync wait, raster not included',
      setup,
      targets: { apiShowMs: FRAME_MS, ratio: TARGET_RATIO },
      checks,
      ratioShowAndClear: round(ratio),
      summary: JSON.parse(JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v))) as unknown,
      gc: 'full garbage collection (CDP HeapProfiler.collectGarbage) before every timed step',
      repetitions: reps,
    };
    return { table, json };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (isMain(import.meta.url)) await runAndReport('highlights', seedFromArgs(), runHighlightBench);
