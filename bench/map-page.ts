/**
 * Page side of bench/map.ts (bundled by esbuild, run in headless Chromium): lays out generated
 * maps in the app's layout worker (`MapLayouter`) while a PerformanceObserver records the page's
 * long tasks, and then adds one claim and lays out again with the first layout's positions kept.
 * Exposes `window.mapBench` for the Node side.
 */
import { MapLayouter } from '../src/map/layout/layout-client.ts';
import { generatedMap } from '../test/shared/map-graph.ts';

/** One map laid out. */
export interface MapRun {
  claims: number;
  links: number;
  /** Layout time in the worker, ms. */
  workerMs: number;
  /** From posting the map to having its layout on the page, ms. */
  roundTripMs: number;
  /** The longest main-thread task (longtask entries, ≥ 50 ms) from posting until a frame after the answer; 0 if none. */
  longestTaskMs: number;
  /** Scripts that ran in the frames of the longest task (long-animation-frame), `invoker source ms`: what it was. */
  longestTaskScripts: string[];
  /** Frames the page painted while the worker worked: the page stayed alive. */
  frames: number;
  /** One claim (with its links) added, the rest kept: worker time and round trip, ms. */
  incrementalWorkerMs: number;
  incrementalRoundTripMs: number;
  /** Nodes the incremental layout placed (1) and known nodes it moved (0). */
  incrementalPlaced: number;
  incrementalMoved: number;
}

export interface MapBench {
  run(claims: number, seed: number): Promise<MapRun>;
}

const layouter = new MapLayouter(new Worker('/bench/map-layout-worker.js', { type: 'module', name: 'bench-map-layout' }));

interface LongFrame extends PerformanceEntry {
  scripts: { invoker: string; sourceURL: string; duration: number; startTime: number }[];
}

async function watch<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longest: number; scripts: string[]; frames: number }> {
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const longFrames: LongFrame[] = [];
  const frameObserver = new PerformanceObserver((list) => longFrames.push(...(list.getEntries() as LongFrame[])));
  frameObserver.observe({ type: 'long-animation-frame' });
  let frames = 0;
  let done = false;
  const tick = () => {
    frames++;
    if (!done) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  done = true;
  // A long task is reported once it ends: wait for a frame after the answer.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  longFrames.push(...(frameObserver.takeRecords() as LongFrame[]));
  frameObserver.disconnect();
  const top = tasks.filter((t) => t.startTime >= t0).sort((a, b) => b.duration - a.duration)[0];
  const scripts = top
    ? longFrames
        .flatMap((f) => f.scripts)
        .filter((x) => x.startTime < top.startTime + top.duration && x.startTime + x.duration > top.startTime)
        .map((x) => `${x.invoker} ${x.sourceURL.split('/').pop()} ${Math.round(x.duration)} ms`)
    : [];
  return { value, ms, longest: top?.duration ?? 0, scripts, frames };
}

const mapBench: MapBench = {
  async run(claims, seed) {
    const input = generatedMap(claims, seed);
    const first = await watch(() => layouter.layout(input));
    const grown = generatedMap(claims + 1, seed);
    const next = await watch(() => layouter.layout({ ...grown, known: first.value.positions }));
    const moved = input.nodes.filter((n) => {
      const [a, b] = [first.value.positions[n.id]!, next.value.positions[n.id]!];
      return a.x !== b.x || a.y !== b.y;
    }).length;
    return {
      claims,
      links: input.edges.length,
      workerMs: first.value.ms,
      roundTripMs: first.ms,
      longestTaskMs: Math.max(first.longest, next.longest),
      longestTaskScripts: first.longest >= next.longest ? first.scripts : next.scripts,
      frames: first.frames,
      incrementalWorkerMs: next.value.ms,
      incrementalRoundTripMs: next.ms,
      incrementalPlaced: next.value.placed.length,
      incrementalMoved: moved,
    };
  },
};

declare global {
  interface Window {
    mapBench: MapBench;
  }
}
window.mapBench = mapBench;
