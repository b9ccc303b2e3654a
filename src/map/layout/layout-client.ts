/**
 * The page's side of the layout worker: `layout(input)` posts a graph and resolves with where
 * everything goes, computed off the main thread. Browser only (a `Worker`); Node calls
 * `layoutMap` directly.
 */
import { layoutWorkerUrl } from './layout-worker-url.ts';
import type { LayoutInput, LayoutResult } from './types.ts';

/** A request to the worker. */
export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

/** The worker's answer: the layout and the time it took in the worker, or what went wrong. */
export type LayoutReply = { id: number; result: LayoutResult; ms: number } | { id: number; error: string };

/** A layout worker. Requests are answered in order; `dispose()` ends the worker and refuses what is pending. */
export class MapLayouter {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: LayoutResult & { ms: number }) => void; reject: (e: Error) => void }>();
  #next = 1;

  constructor(worker: Worker = new Worker(layoutWorkerUrl(), { type: 'module', name: 'crossread-map-layout' })) {
    this.#worker = worker;
    worker.onmessage = (e: MessageEvent<LayoutReply>) => {
      const waiting = this.#pending.get(e.data.id);
      if (!waiting) return;
      this.#pending.delete(e.data.id);
      if ('error' in e.data) waiting.reject(new Error(`The map could not be laid out: ${e.data.error}`));
      else waiting.resolve({ ...e.data.result, ms: e.data.ms });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.#fail(new Error('The map could not be laid out: its layout worker failed to start.'));
    };
  }

  /** Lays out `input` in the worker; `ms` is the time the worker took. */
  layout(input: LayoutInput): Promise<LayoutResult & { ms: number }> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, input } satisfies LayoutRequest);
    });
  }

  /** Ends the worker; pending layouts are refused. */
  dispose(): void {
    this.#worker.terminate();
    this.#fail(new Error('The map layout was stopped.'));
  }

  #fail(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }
}
