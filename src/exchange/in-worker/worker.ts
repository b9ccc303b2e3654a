// The worker that reads and checks a file to import (a claim map, a backup, a Hypothesis or W3C
// export) off the main thread, so a large map never freezes the tab; the page can stop it at
// any time (terminate). It hands the result over in slices (`slices.ts`).
import { readIncoming } from '../incoming.ts';
import { renderedHash } from '../../corpus/user-file/text-hash.ts';
import type { Held } from '../map-file/read.ts';
import { sliceIncoming } from './slices.ts';
import type { CheckReply, CheckRequest } from './read-in-worker.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckReply): void;
};

scope.onmessage = (e) => void check(e.data);

async function check({ source, docs, ids }: CheckRequest): Promise<void> {
  try {
    const text = typeof source === 'string' ? source : await readText(source);
    scope.postMessage({ type: 'progress', stage: 'checking', done: 0, total: 0 });
    const here = Object.fromEntries(Object.entries(ids).map(([c, list]) => [c, new Set(list)])) as Record<Held, Set<string>>;
    const read = readIncoming(text, { docs, has: (c, id) => here[c].has(id), hashOf: renderedHash });
    if (!read.ok) return scope.postMessage({ type: 'refused', incoming: read });
    const total = read.batch.put?.length ?? 0;
    let done = 0;
    for (const slice of sliceIncoming(read)) {
      scope.postMessage({ type: 'slice', slice });
      if (slice.slice === 'records') scope.postMessage({ type: 'progress', stage: 'handing', done: (done += slice.put.length), total });
    }
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

/** The file's text, read as a stream so the page can show how far reading has come. */
async function readText(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let text = '';
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    loaded += value.length;
    scope.postMessage({ type: 'progress', stage: 'reading', done: loaded, total: file.size });
  }
  return text + decoder.decode();
}
