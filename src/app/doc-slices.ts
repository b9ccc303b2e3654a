import type { Block, DocModel, TocEntry } from '../corpus/types.ts';

/**
 * A document model handed from a worker to the page in slices. The page decodes each message
 * in a task of its own, so slices keep every such task short however large the document: one
 * structured clone of a 5 MB file's model (two 5 MB strings, 11,000 block objects) costs the
 * page 50–110 ms, a slice a few.
 */
export type DocSlice =
  | { slice: 'html' | 'text'; chars: string }
  | { slice: 'blocks'; blocks: Block[] }
  | { slice: 'toc'; toc: TocEntry[] }
  | { slice: 'rest'; rest: Omit<DocModel, 'html' | 'text' | 'blocks' | 'toc'> };

/** Characters of html or text per slice. */
const CHARS = 256 * 1024;
/** Blocks per slice. */
const BLOCKS = 2000;

/** A document cut into slices; the last one is `rest`, which completes it. */
export function* sliceDoc(doc: DocModel): Generator<DocSlice> {
  for (const slice of ['html', 'text'] as const) {
    for (let i = 0; i < doc[slice].length; i += CHARS) yield { slice, chars: doc[slice].slice(i, i + CHARS) };
  }
  for (let i = 0; i < doc.blocks.length; i += BLOCKS) yield { slice: 'blocks', blocks: doc.blocks.slice(i, i + BLOCKS) };
  // A file of nothing but headings has as many contents entries as blocks (30,000 took the page 60 ms in one message).
  for (let i = 0; i < doc.toc.length; i += BLOCKS) yield { slice: 'toc', toc: doc.toc.slice(i, i + BLOCKS) };
  const { html: _h, text: _t, blocks: _b, toc: _c, ...rest } = doc;
  yield { slice: 'rest', rest };
}

/** Puts a document together again from its slices, in the order they were cut. */
export class DocAssembler {
  // `+=` builds a rope, not a copy: joining 11 MB of characters at the end took the page ~50 ms.
  readonly #chars = { html: '', text: '' };
  readonly #blocks: Block[] = [];
  readonly #toc: TocEntry[] = [];

  /** Take one slice; returns the document when the slice completes it. */
  add(s: DocSlice): DocModel | undefined {
    if (s.slice === 'blocks') for (const b of s.blocks) this.#blocks.push(b);
    else if (s.slice === 'toc') for (const t of s.toc) this.#toc.push(t);
    else if (s.slice !== 'rest') this.#chars[s.slice] += s.chars;
    else return { ...s.rest, ...this.#chars, blocks: this.#blocks, toc: this.#toc };
    return undefined;
  }
}
