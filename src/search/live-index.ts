/**
 * The search index as the app keeps it: on attaching to a store, its records are loaded in
 * slices; then every store diff is applied as it comes — at once when small, in slices when
 * large (the store's own load, an import). Diffs heard while slices run wait and follow in
 * order, so the index always ends as the store is. Sources are added one after another, each
 * in slices (`add-source.ts`). Nothing here holds the page for a long task.
 */
import type { DocModel } from '../corpus/types.ts';
import { COLLECTION_NAMES, type RecordsDiff, type StoreDiff } from '../store/index.ts';
import { addSource, type Slicing } from './add-source.ts';
import { SearchIndex, type RecordsView } from './search-index.ts';

/** Records per applied batch; a diff up to this size is applied at once. */
const BATCH = 25;

export class LiveIndex {
  /** The one index; never replaced, only updated. */
  readonly index = new SearchIndex();
  readonly #slicing: Slicing;
  readonly #settled: () => void;
  /** Diffs waiting while slices run; `undefined` when none run. */
  #queue: StoreDiff[] | undefined;
  #run = 0;
  #sources: Promise<unknown> = Promise.resolve();
  #sourcesPending = 0;

  /** `settled` is called whenever a sliced load or a source has been added: results may have grown. */
  constructor(slicing: Slicing, settled: () => void = () => {}) {
    this.#slicing = slicing;
    this.#settled = settled;
  }

  /** True while records or sources are still being added: results may be incomplete. */
  get loading(): boolean {
    return this.#queue !== undefined || this.#sourcesPending > 0;
  }

  /** Replaces the records by the store's (on attaching to a store), in slices. */
  attach(records: RecordsView): Promise<void> {
    const run = ++this.#run;
    this.index.clearRecords();
    const all = (m: ReadonlyMap<string, { id: string }>) => ({ added: Object.fromEntries(m), updated: {}, removed: {} });
    this.#queue = [{ events: all(records.events), claims: all(records.claims), annotations: all(records.annotations) } as StoreDiff];
    return this.#drain(run);
  }

  /** One store change: applied now, or after the slices running, or in slices when large. */
  change(diff: StoreDiff): void {
    if (this.#queue) this.#queue.push(diff);
    else if (size(diff) <= BATCH) this.index.applyDiff(diff);
    else {
      this.#queue = [diff];
      void this.#drain(this.#run);
    }
  }

  /** Adds a source's blocks once, after any source being added; resolves when it is searchable. */
  addSource(doc: DocModel | Promise<DocModel>): Promise<void> {
    this.#sourcesPending++;
    const done = this.#sources.then(async () => {
      try {
        const model = await doc;
        await this.#slicing.yieldToPage(); // its own task, not the end of the one that loaded it
        await addSource(this.index, model, this.#slicing);
      } finally {
        this.#sourcesPending--;
        this.#settled();
      }
    });
    this.#sources = done.catch(() => {}); // one source that fails to load does not stop the others
    return done;
  }

  async #drain(run: number): Promise<void> {
    const { budgetMs, now, yieldToPage, signal } = this.#slicing;
    let t0 = now();
    while (this.#queue!.length) {
      for (const part of split(this.#queue!.shift()!)) {
        this.index.applyDiff(part);
        if (now() - t0 < budgetMs) continue;
        await yieldToPage();
        if (run !== this.#run || signal?.aborted) return; // attached again (or gone) meanwhile
        t0 = now();
      }
    }
    this.#queue = undefined;
    this.#settled();
  }
}

function size(diff: StoreDiff): number {
  let n = 0;
  for (const c of COLLECTION_NAMES) {
    const d = diff[c];
    if (d) n += Object.keys(d.added).length + Object.keys(d.updated).length + Object.keys(d.removed).length;
  }
  return n;
}

/** A diff as diffs of at most BATCH records each; ids are distinct within a diff, so any split holds. */
function split(diff: StoreDiff): StoreDiff[] {
  const out: StoreDiff[] = [];
  for (const c of COLLECTION_NAMES) {
    const d = diff[c] as RecordsDiff<unknown> | undefined;
    if (!d) continue;
    for (const key of ['removed', 'updated', 'added'] as const) {
      const entries = Object.entries(d[key]);
      for (let i = 0; i < entries.length; i += BATCH) {
        const part = { added: {}, updated: {}, removed: {}, [key]: Object.fromEntries(entries.slice(i, i + BATCH)) };
        out.push({ [c]: part });
      }
    }
  }
  return out;
}
