/**
 * The sample seminar map shipped with the app (corpus/maps/seminar-sample.json): loaded only
 * when the reader asks, through the same checks and the same door as any imported map.
 */
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { heldIn, readMapFile } from '../../exchange/map-file/read.ts';
import type { CrossreadStore, ReceiveResult } from '../../store/index.ts';
import { placeImported } from './place-imported.ts';

/** Where the sample lives, relative to the page (dist/ works from any path). */
export const SAMPLE_MAP_URL = 'corpus/maps/seminar-sample.json';

/** Loads the sample map into `store`; says what came of it, with the import's undo handle when something was added. */
export async function loadSampleMap(store: CrossreadStore, entries: readonly LibraryEntry[]): Promise<{ message: string; result?: ReceiveResult }> {
  const res = await fetch(new URL(SAMPLE_MAP_URL, document.baseURI));
  if (!res.ok) throw new Error(`the sample map could not be fetched (HTTP ${res.status})`);
  // The sample is on the built-in sources only: no carried text to check (and no Markdown pipeline on the page).
  const read = readMapFile(await res.text(), { sources: entries.map((e) => ({ id: e.id, hash: e.hash })), has: heldIn(store), hashOf: null });
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`).join('; '));
  const result = await store.receive(read.batch, 'import');
  await placeImported(store, read.file);
  const { claims, links } = read.file;
  if (result.summary.added === 0) return { message: 'The sample map is already loaded: see Claims.' };
  return { message: `Sample map loaded: ${claims.length} claims and ${links.length} links by ${read.file.layer.name}. See Claims.`, result };
}
