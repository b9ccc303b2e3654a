/**
 * ¶ numbers of evidence passages. A passage is placed in its source's current
 * text (as the reader places it, so an edited source still gives the right ¶)
 * once that source's document model has loaded; until then its ¶ is unknown.
 */
import { placeAnnotations } from './anchored.ts';
import { paragraphAt } from '../corpus/paragraphs.ts';
import type { DocModel } from '../corpus/types.ts';
import type { Annotation } from '../store/index.ts';

/** Loads a source's document model. */
export type DocumentLoader = (id: string) => Promise<DocModel>;

/** Where a passage is: a ¶ number, `null` when it is not in the current text, `undefined` while loading. */
export type Paragraph = number | null | undefined;

/** Places passages in their sources, loading each source once; tells `onLoad` when a source arrives. */
export class Paragraphs {
  readonly #docs = new Map<string, DocModel | 'loading' | 'failed'>();
  readonly #placed = new WeakMap<Annotation, number | null>();
  readonly #pending = new Map<string, Promise<void>>();

  constructor(
    readonly load: DocumentLoader | undefined,
    readonly onLoad: () => void,
  ) {}

  /** The ¶ of a passage in its source. */
  of(annotation: Annotation): Paragraph {
    const cached = this.#placed.get(annotation);
    if (cached !== undefined) return cached;
    const doc = this.#doc(annotation.target.source);
    if (doc === 'loading') return undefined;
    if (doc === 'failed') return null;
    const placed = placeAnnotations(doc, [annotation]).placed[0];
    const n = placed ? (paragraphAt(doc.blocks, placed.start) ?? null) : null;
    this.#placed.set(annotation, n);
    return n;
  }

  #doc(source: string): DocModel | 'loading' | 'failed' {
    const known = this.#docs.get(source);
    if (known) return known;
    if (!this.load) return 'failed';
    this.#docs.set(source, 'loading');
    const loaded = this.load(source).then(
      (doc) => void this.#docs.set(source, doc),
      () => void this.#docs.set(source, 'failed'),
    );
    this.#pending.set(source, loaded);
    void loaded.finally(this.onLoad);
    return 'loading';
  }

  /** Resolves once `sources` have loaded (or failed to): from then on `of` knows their passages' ¶. */
  async ready(sources: Iterable<string>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const s of new Set(sources)) {
      this.#doc(s);
      const pending = this.#pending.get(s);
      if (pending) waits.push(pending);
    }
    await Promise.all(waits);
  }
}
