/** Metadata of one source, from its front matter plus figures derived from its text. */
export interface DocMeta {
  /** Slug, the same as the corpus file name; also the route and the annotation target. */
  id: string;
  title: string;
  authors: string[];
  venue: string;
  /** The publisher's page of the source, where known: imports made on that page are matched by it. */
  url?: string;
  year?: number;
  /** ISO date where the exact day is known. */
  date?: string;
  kind: string;
  /** Raw transcription this was built from, if any. */
  raw?: string;
  note?: string;
  repairs?: Array<{ kind: string; [key: string]: unknown }>;
  /** Short author-year label for citations, e.g. "Duvanova & Junisbai 2022". */
  cite: string;
  wordCount: number;
  readingMinutes: number;
}

/** Kinds of block that carry text; each has a stable id. */
export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list-item' | 'table-cell' | 'code';

/** A block of the document: one element of the rendered HTML and one span of the plain text. */
export interface Block {
  /** Stable id: a hash of the block's own text (see docs/decisions/0001-block-ids.md). */
  id: string;
  kind: BlockKind;
  /** Paragraph number for citation (¶n). Cells share their table's number; a heading has the
   * number of the paragraph that opens its section. */
  n: number;
  /** True when this block shows its number in the margin (first block of its ¶). */
  numbered: boolean;
  /** Heading level 1-6, for headings. */
  level?: number;
  /** Offsets of the block's text in DocModel.text: [start, end). */
  start: number;
  end: number;
}

/** One table-of-contents entry, a heading. */
export interface TocEntry {
  id: string;
  level: number;
  text: string;
  n: number;
}

/** What the pipeline produces for one document; serialisable as JSON. */
export interface DocModel {
  meta: DocMeta;
  /** Sanitized HTML of the body; every block element carries `id` and `data-block`. */
  html: string;
  blocks: Block[];
  toc: TocEntry[];
  /** Plain text: the blocks' texts joined by BLOCK_SEPARATOR. Annotations anchor on it. */
  text: string;
  /** Content hash of `text`, recorded in annotation targets to notice corpus edits. */
  hash: string;
}

/** Text between two blocks in DocModel.text. */
export const BLOCK_SEPARATOR = '\n';

/** Attribute marking elements whose text is apparatus, not the author's words (footnote
 * markers, paragraph numbers): left out of DocModel.text and of quotes. */
export const NONTEXT_ATTR = 'data-nontext';

/** Block-level tags: their text is never part of an enclosing block's own text (they hold
 * blocks of their own). Shared by the HTML-tree side (blocks.ts) and the DOM side (TextMap),
 * which must apply the same rule. */
export const BLOCK_LEVEL_TAGS: readonly string[] = [
  'ul', 'ol', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'section', 'div',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'pre', 'li', 'td', 'th', 'hr',
];
