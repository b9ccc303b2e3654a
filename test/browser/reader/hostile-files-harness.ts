import { chooseFile, deep, until } from '../helpers.ts';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';

// What the hostile-file tests share (issue 8 §4): a long-task watch on the page's main thread,
// opening a file through the library as a user would, and the files.

/** A long task seen while watching, and the scripts that ran in it. */
export interface LongTask {
  /** When it started, in ms from the start of the watch, and how long it took (wall clock). */
  at: number;
  ms: number;
  /** Time spent in scripts during it, but for the test's own polling (`until`): long-animation-
   * frame attribution, which lists scripts of 5 ms or more by the entry point that ran them. */
  appScriptMs: number;
  /** Time the browser spent styling and laying out the page during it (the frame's rendering):
   * reported, not judged, as it swells with the machine's load (168 ms seen with no script). */
  layoutMs: number;
  /** `read`: the file is being read (in the worker) and handed over; `show`: the reader, shown
   * at the hash change to `#/read/…`, is being built and laid out. */
  phase: 'read' | 'show';
  scripts: string[];
}

/**
 * A stall of the page: a task in which scripts other than the test's polling ran over 50 ms, or any task
 * over 1 s. Not every long task: the test machine's two cores are shared with other jobs, and a
 * worker parsing at full speed competes with the page for them, so the page's main thread is
 * sometimes not scheduled at all for a while (seen at load 12: 50-360 ms long tasks with no
 * script, and the test's own polling stretched to 60 ms). The app's work shows as its scripts'
 * time, and a freeze of any origin (parsing on the page took seconds to minutes) as a long task.
 */
export const isStall = (t: LongTask) => t.appScriptMs > (t.phase === 'read' ? 50 : SHOW_MS) || t.ms > 1000;

/**
 * Script time allowed in one task once the file is read and the reader is shown: the task that
 * builds the reader (route, reader, its panels, the first contents entries) takes 20-35 ms on a
 * quiet machine and was seen at 55-60 ms once in four runs, with nothing of the file's size in it
 * (the text itself is laid out in steps of ~6 ms). The 50 ms holds while a file is read.
 */
const SHOW_MS = 100;

/** Long tasks (over 50 ms) on the main thread in tasks that start from now until stop(), each
 * with the scripts that ran in it (from long-animation-frame entries) to say whose it was.
 * Work to watch goes after `await watch.started`, in a task of its own. */
export function watchLongTasks() {
  const t0 = performance.now();
  let shownAt = Infinity;
  const onHash = () => {
    if (location.hash.startsWith('#/read/')) shownAt = Math.min(shownAt, performance.now());
  };
  // Heard after the app's own listener, at the end of the task that shows the reader (see `phase`).
  window.addEventListener('hashchange', onHash, { capture: true });
  const seen: PerformanceEntry[] = [];
  const frames: LongFrame[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  const frameObserver = new PerformanceObserver((list) => frames.push(...(list.getEntries() as LongFrame[])));
  frameObserver.observe({ type: 'long-animation-frame', buffered: true });
  const describe = (t: PerformanceEntry): LongTask => {
    const end = t.startTime + t.duration;
    const layoutMs = frames.reduce((sum, f) => sum + Math.max(0, Math.min(end, f.startTime + f.duration) - Math.max(t.startTime, f.styleAndLayoutStart)), 0);
    const scripts = frames
      .flatMap((f) => f.scripts)
      .filter((x) => x.startTime < t.startTime + t.duration && x.startTime + x.duration > t.startTime);
    return {
      at: Math.round(t.startTime - t0),
      ms: Math.round(t.duration),
      layoutMs: Math.round(layoutMs),
      // The task that handles the hash change shows the reader, and so does every later one. The
      // test's own listener is heard after the app's (capture does not put it first at the
      // target), so it marks the end of that task, not its start: the invoker names it.
      phase: end > shownAt || scripts.some((x) => x.invoker === 'DOMWindow.onhashchange') ? 'show' : 'read',
      appScriptMs: Math.round(scripts.filter((x) => !x.sourceURL.includes('/test/shared/until.ts')).reduce((sum, x) => sum + x.duration, 0)),
      scripts: scripts.map((x) => `${x.invoker} ${x.sourceURL.split('/').pop()?.split('?')[0]} ${Math.round(x.duration)} ms`),
    };
  };
  return {
    started: new Promise((r) => setTimeout(r)),
    /** Stop watching once the page has had a frame after the outcome (a task is reported when
     * it ends); tasks that start at `before` or later are left out. */
    async stop(before = Infinity): Promise<LongTask[]> {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      seen.push(...observer.takeRecords());
      // A frame's entry comes a frame or two after its long task.
      const framed = (t: PerformanceEntry) => frames.some((f) => f.startTime <= t.startTime && f.startTime + f.duration >= t.startTime + t.duration - 1);
      await until(() => (frames.push(...(frameObserver.takeRecords() as LongFrame[])), seen.every(framed)), 'long-animation-frame entries', 3000).catch(() => undefined);
      observer.disconnect();
      frameObserver.disconnect();
      window.removeEventListener('hashchange', onHash, { capture: true });
      return seen.filter((t) => t.startTime >= t0 && t.startTime < before).map(describe);
    },
  };
}

/**
 * Run `attempt` (it watches its own work and returns the long tasks it saw) until one attempt
 * has no stall, at most `tries` times; resolves with that attempt's result, or fails listing
 * every attempt's stalls. Why more than one: a task's script time is wall-clock time, so when
 * the shared machine stops the page's thread (a collection, another job on both cores) a task
 * of 8-20 ms is sometimes seen at 51-66 ms (CI: the last slice of a 5 MB file, 52 ms; at 4×
 * CPU throttling the same task takes 32 ms, so ~8 ms). The app's own work is there on every
 * attempt; such a pause is not. The watch itself still fails at once on a real stall (see the
 * hostile-files test "sees a stall").
 */
export async function withoutStall<T>(attempt: () => Promise<{ tasks: LongTask[]; result: T }>, tries = 3): Promise<T> {
  const seen: string[] = [];
  for (let i = 1; i <= tries; i++) {
    const { tasks, result } = await attempt();
    const stalls = tasks.filter(isStall);
    if (!stalls.length) return result;
    seen.push(`attempt ${i}:\n${listed(tasks)}`);
  }
  throw new Error(`a stall in each of ${tries} attempts:\n${seen.join('\n')}`);
}

/** The parts of a long-animation-frame entry used here (not in TypeScript's DOM types yet). */
interface LongFrame extends PerformanceEntry {
  styleAndLayoutStart: number;
  scripts: Array<{ invoker: string; sourceURL: string; startTime: number; duration: number }>;
}

/** Long tasks as lines for a failure message. */
export const listed = (tasks: LongTask[]) =>
  tasks.map((t) => `${t.phase}: ${t.ms} ms at +${t.at} ms, ${t.appScriptMs} ms of script, ${t.layoutMs} ms of layout [${t.scripts.join('; ')}]`).join('\n');

/** Open a file from the library; resolves with what came of it: a refusal's message or the reader. */
export async function open(app: CrApp, file: File, ms = 60_000): Promise<{ refused?: string; reader?: CrReader }> {
  const lib = await until(() => deep(app, 'cr-library'), 'library');
  chooseFile(lib, file);
  return until(() => {
    const toast = app.shadowRoot!.querySelector('.toast')?.textContent ?? '';
    if (toast.includes(`“${file.name}”`)) return { refused: toast };
    const reader = deep(app, 'cr-reader') as CrReader | null;
    const doc = reader && (deep(reader, 'cr-document') as CrDocument | null);
    return reader && doc?.textMap && reader.doc?.meta.title ? { reader } : null;
  }, `an outcome for ${file.name}`, ms);
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, i + 65536));
  return b;
}

/** About `bytes` of real Markdown: the three corpus sources' bodies, repeated. */
export async function realisticMarkdown(bytes: number): Promise<string> {
  const ids = ['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018'];
  const bodies = await Promise.all(ids.map(async (id) => (await (await fetch(`/corpus/${id}.md`)).text()).replace(/^---\n[\s\S]*?\n---\n/, '')));
  let md = '# A semester of readings\n\n';
  for (let i = 0; md.length < bytes; i++) md += `${bodies[i % 3]}\n\n`;
  return md;
}

/** A Markdown file of the user's. */
export const md = (content: BlobPart, name: string) => new File([content], name, { type: 'text/markdown' });

let restoreTerminate: (() => void) | undefined;
afterEach(() => restoreTerminate?.());

/** Count calls of Worker.terminate from now on (restored after the test). */
export function spyOnTerminate(): () => number {
  const descriptor = Object.getOwnPropertyDescriptor(Worker.prototype, 'terminate')!;
  const original = descriptor.value as (this: Worker) => void;
  let calls = 0;
  Worker.prototype.terminate = function (this: Worker) {
    calls++;
    original.call(this);
  };
  restoreTerminate = () => Object.defineProperty(Worker.prototype, 'terminate', descriptor);
  return () => calls;
}
