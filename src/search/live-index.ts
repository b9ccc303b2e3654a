/**
 * The search index as the app keeps it: records loaded from the store in slices on attaching,
 * then every store diff applied as it comes (diffs heard while loading wait, and follow in
 * order: the snapshot plus the diffs after it is the store now); sources added one after
 * another, each in slices (`add-source.ts`). Nothing here blocks the page for a long task.
 */
import type { DocModel } from '../corpus/types.ts';
import type { StoreDiff } from '../store/index.ts';
import { addSource, type Slicing } from './add-source.ts';
import { SearchIndex, type RecordsView } from './search-index.ts';

/** Records per applied batch while loading; the slice budget decides how many batches per slice. */
const BATCH = 25;

export class LiveIndex {
  /** The one index; never replaced, only updated. */
  readonly index = new SearchIndex();
  readonly #slicing: Slicing;
  #pending: StoreDiff[] | undefined;
  #attaching = 0;
  #sources: Promise<unknown> = Promise.resolve();
  #sourcesPending = 0;

  constructor(slicing: Slicing) {
    this.#slicing = slicing;
  }

  /** True while records or sources are still being added: results may be incomplete. */
  get loading(): boolean {
    return this.#pending !== undefined || this.#sourcesPending > 0;
  }

  /** Replaces the records by the store's (on attaching to a store), in slices. */
  async attach(records: RecordsView): Promise<void> {
    const run = ++this.#attaching;
    this.index.clearRecords();
    this.#pending = [];
    const { budgetMs, now, yieldToPage, signal } = this.#slicing;
    const batches = [
      ...chunks([...records.events.values()]).map((b) => ({ events: added(b) })),
      ...chunks([...records.claims.values()]).map((b) => ({ claims: added(b) })),
      ...chunks([...records.annotations.values()]).map((b) => ({ annotations: added(b) })),
    ];
    let i = 0;
    while (i < batches.length) {
      const t0 = now();
      do this.index.applyDiff(batches[i++]!);
      while (i < batches.length && now() - t0 < budgetMs);
      if (i < batches.length) await yieldToPage();
      if (run !== this.#attaching || signal?.aborted) return; // attached again (or gone) meanwhile
    }
    for (const d of this.#pending) this.index.applyDiff(d);
    this.#pending = undefined;
  }

  /** One store change: applied now, or after the records being loaded. */
  change(diff: StoreDiff): void {
    if (this.#pending) this.#pending.push(diff);
    else this.index.applyDiff(diff);
  }

  /** Adds a source's blocks once, after any source being added; resolves when it is searchable. */
  addSource(doc: DocModel | Promise<DocModel>): Promise<void> {
    this.#sourcesPending++;
    const done = this.#sources.then(async () => {
      try {
        await addSource(this.index, await doc, this.#slicing);
      } finally {
        this.#sourcesPending--;
      }
    });
    this.#sources = done.catch(() => {}); // one source that fails to load does not stop the others
    return done;
  }
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += BATCH) out.push(xs.slice(i, i + BATCH));
  return out;
}

function added<R extends { id: string }>(records: readonly R[]) {
  return { added: Object.fromEntries(records.map((r) => [r.id, r])), updated: {}, removed: {} };
}
