/** Importing a Hypothesis export: read and anchor (`read.ts`), then the store's one door, all or nothing. */
import type { DocModel } from '../../corpus/types.ts';
import type { CrossreadStore, ReceiveResult } from '../../store/index.ts';
import { readHypothesis, type HypothesisReport } from './read.ts';

export type HypothesisImport = { ok: true; report: HypothesisReport; result: ReceiveResult } | { ok: false; problem: string };

export async function importHypothesis(store: CrossreadStore, text: string, docs: readonly DocModel[]): Promise<HypothesisImport> {
  const read = readHypothesis(text, docs);
  if (!read.ok) return read;
  try {
    return { ok: true, report: read.report, result: await store.receive(read.batch, 'import') };
  } catch (e) {
    return { ok: false, problem: (e as Error).message };
  }
}
