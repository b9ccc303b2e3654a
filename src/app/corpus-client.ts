import type { DocMeta, DocModel } from '../corpus/types.ts';

/** Library entry: metadata plus the content hash of the text. */
export type LibraryEntry = DocMeta & { hash: string };

/** Fetches the prerendered corpus (corpus/build/, written by scripts/prerender-corpus.ts),
 * relative to the page so that dist/ works from any static server and any path. */
export class CorpusClient {
  readonly #base: URL;
  readonly #docs = new Map<string, Promise<DocModel>>();
  #index?: Promise<LibraryEntry[]>;

  constructor(base: string | URL = new URL('corpus/build/', document.baseURI)) {
    this.#base = new URL(base, document.baseURI);
  }

  /** Metadata of every built-in source. */
  index(): Promise<LibraryEntry[]> {
    return (this.#index ??= this.#json<LibraryEntry[]>('index.json'));
  }

  /** The document model of one source; fetched once. */
  document(id: string): Promise<DocModel> {
    let p = this.#docs.get(id);
    if (!p) {
      p = this.#json<DocModel>(`${encodeURIComponent(id)}.json`);
      p.catch(() => this.#docs.delete(id)); // a failed fetch may be retried
      this.#docs.set(id, p);
    }
    return p;
  }

  async #json<T>(path: string): Promise<T> {
    const url = new URL(path, this.#base);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not load ${url.pathname} (HTTP ${res.status})`);
    return (await res.json()) as T;
  }
}
