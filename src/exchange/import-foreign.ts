/** Importing what a reader of another tool's file produced: the store's one door, all or nothing. */
import type { CrossreadStore, IncomingBatch, ReceiveResult } from '../store/index.ts';

export type ForeignImport<R> = { ok: true; report: R; result: ReceiveResult } | { ok: false; problem: string };

export async function importRead<R>(store: CrossreadStore, read: { ok: true; batch: IncomingBatch; report: R } | { ok: false; problem: string }): Promise<ForeignImport<R>> {
  if (!read.ok) return read;
  try {
    return { ok: true, report: read.report, result: await store.receive(read.batch, 'import') };
  } catch (e) {
    return { ok: false, problem: (e as Error).message };
  }
}
