/**
 * Adding a source's blocks to the search index in slices of a few milliseconds, yielding to
 * the page between slices, so indexing never holds the main thread for a long task (a source
 * of a few hundred blocks takes tens of milliseconds in one go; a user's long file, far more).
 * Each source is added once; the clock and the yield are handed in, so Node tests and the
 * bench drive it as the browser does.
 */
import type { DocModel } from '../corpus/types.ts';
import { passageDoc } from './documents.ts';
import type { SearchIndex } from './search-index.ts';

/** How to slice: the time one slice may take, a clock and a way to let the page run. */
export interface Slicing {
  /** Milliseconds of indexing per slice; a slice ends after the block that passes it. */
  budgetMs: number;
  now: () => number;
  /** Resolves when the page has had its turn (a macrotask, `scheduler.yield()`, an idle callback). */
  yieldToPage: () => Promise<void>;
  /** Stops between slices (the search box went away); what was added stays. */
  signal?: AbortSignal;
}

/** Milliseconds per slice in the app: far below the 50 ms of a long task. */
export const SLICE_MS = 8;

/**
 * Adds `doc`'s blocks to `index` unless it has them; resolves with the duration of the longest
 * slice in ms (what the bench reports), 0 when the source was already there.
 */
export async function addSource(index: SearchIndex, doc: DocModel, slicing: Slicing): Promise<number> {
  if (index.hasSource(doc.meta.id)) return 0;
  const { budgetMs, now, yieldToPage, signal } = slicing;
  index.startSource(doc.meta.id, doc.blocks);
  // One block's document at a time: a user's file may have tens of thousands.
  const n = doc.blocks.length;
  let longest = 0;
  let i = 0;
  while (i < n) {
    if (signal?.aborted) return longest;
    const t0 = now();
    do index.addPassages([passageDoc(doc, i++)]);
    while (i < n && now() - t0 < budgetMs);
    longest = Math.max(longest, now() - t0);
    if (i < n) await yieldToPage();
  }
  return longest;
}
