import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';

/** Loads a source's document model (the app passes its loader down). */
export type DocumentLoader = (id: string) => Promise<DocModel>;

/** Every source of the library, loaded: exports cite ¶ numbers and imports anchor quotes in them. */
export function libraryDocs(entries: readonly LibraryEntry[], load: DocumentLoader): Promise<DocModel[]> {
  return Promise.all(entries.map((e) => load(e.id)));
}
