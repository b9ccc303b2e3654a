/**
 * Importing a claim map: read and check the file (`read.ts`), then hand its records to the
 * store's one door, which merges them in one transaction or refuses them all (ADR 0004).
 */
import type { CrossreadStore, ReceiveResult } from '../../store/index.ts';
import { heldIn, readMapFile, type MapFileProblem } from './read.ts';
import { renderedHash } from '../../corpus/user-file/text-hash.ts';
import type { MapFile } from './format.ts';

export type MapImport =
  | { ok: true; file: MapFile; result: ReceiveResult; notes: string[] }
  | { ok: false; problems: MapFileProblem[]; more: number };

/** Imports `text` into `store`; `sources` are the library's sources. Nothing is written unless all of it is. */
export async function importMapFile(store: CrossreadStore, text: string, sources: ReadonlyArray<{ id: string; hash: string }>): Promise<MapImport> {
  const read = readMapFile(text, { sources, has: heldIn(store), hashOf: renderedHash });
  if (!read.ok) return read;
  try {
    const result = await store.receive(read.batch, 'import');
    return { ok: true, file: read.file, result, notes: read.notes };
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: (e as Error).message }], more: 0 };
  }
}
