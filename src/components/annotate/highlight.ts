import { highlightOn, targetFor, type Placed } from '../../annotate/anchored.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { CrossreadStore } from '../../store/index.ts';

/**
 * Highlights [start, end) of `doc`, the same in the reader and in Compare. Where the reader's
 * bare highlight of exactly that passage is already there, it is the answer: pressing H twice
 * made two identical cards.
 */
export async function highlight(store: CrossreadStore, doc: DocModel, placed: readonly Placed[], start: number, end: number): Promise<{ id: string; existed: boolean }> {
  const there = highlightOn(placed, start, end, store.localLayer);
  if (there) return { id: there.annotation.id, existed: true };
  return { id: (await store.createAnnotation({ target: targetFor(doc, start, end) })).value.id, existed: false };
}
