/** The corpus layer: Markdown → document model. Pure; no DOM, no storage.
 * Components import `paragraphs.ts`, `citation.ts` and `clip.ts` (cutting a text short, the one
 * rule for every view) directly, not through here, so that the start-up bundle never reaches the
 * Markdown pipeline. */
export { buildDocument, type BuildOptions } from './pipeline.ts';
export { slugify } from './source-id.ts';
export { citeLabel, parseFrontMatter, FrontMatterSchema, type FrontMatter } from './meta.ts';
export { hashString } from './hash.ts';
export { citeOf, fullCitation, inlineCitation } from './citation.ts';
export { blockAt, blockBefore, blockIndexAt, paragraphAt, paragraphsOfSpan, type ParagraphRange } from './paragraphs.ts';
export { BLOCK_SEPARATOR, NONTEXT_ATTR, type Block, type BlockKind, type DocMeta, type DocModel, type TocEntry } from './types.ts';
