// The map's layout worker: ELK (seconds of work on a large map) runs here, so the page keeps
// drawing the last layout and answering the reader meanwhile. One request at a time, in order.
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutMap } from './layout.ts';
import type { LayoutReply, LayoutRequest } from './layout-client.ts';

// ELK's bundle, loaded in a worker, takes `self.onmessage` for its own protocol; ours is set
// after the import has run, so it wins, and ELK runs here through its in-thread fake worker.
const elk = new ELK();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply): void;
};

let queue = Promise.resolve();
scope.onmessage = (e) => {
  const { id, input } = e.data;
  queue = queue.then(async () => {
    const t0 = performance.now();
    try {
      const result = await layoutMap(elk, input);
      scope.postMessage({ id, result, ms: performance.now() - t0 });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  });
};
