import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdRoot, Yaml } from 'mdast';
import { remarkFootnoteMarkers } from './footnote-markers.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { indexBlocks, type BlockIndex } from './blocks.ts';
import { buildMeta, parseFrontMatter } from './meta.ts';
import { hashString } from './hash.ts';
import { slugify } from './source-id.ts';
import { holdImages } from './user-file/held-images.ts';
import type { DocModel } from './types.ts';

/** Options for buildDocument. */
export interface BuildOptions {
  /** 'markdown' (default) or 'text': plain text is split into paragraphs, never interpreted. */
  format?: 'markdown' | 'text';
  /** File name, for fallbacks (id, title) and error messages. */
  fileName?: string;
  /** 'hold' shows each image as a placeholder with a button to load it (a user's file: opening
   * it must not tell a remote server); 'show' (default) keeps the images (the corpus). */
  images?: 'show' | 'hold';
}

// One frozen processor: parsing is the only per-call state. Sanitizing runs before indexing so
// that the ids and attributes added by indexBlocks are ours, not the input's.
const toHast = unified()
  .use(remarkFootnoteMarkers)
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .freeze();
const mdParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const stringifier = unified().use(rehypeStringify).freeze();

/** Markdown or plain text in, document model out. The same code runs in Node (prerendering the
 * corpus) and in the browser (a user's own file), so both give identical models. */
export function buildDocument(source: string, options: BuildOptions = {}): DocModel {
  const fileName = options.fileName ?? 'document';
  const mdast = options.format === 'text' ? textToMdast(source) : mdParser.parse(source);
  const yamlNode = mdast.children.find((n): n is Yaml => n.type === 'yaml');
  const fm = yamlNode ? parseFrontMatter(yamlNode.value, fileName) : {};
  mdast.children = mdast.children.filter((n) => n.type !== 'yaml');

  const hast = toHast.runSync(mdast);
  if (options.images === 'hold') holdImages(hast);
  const index: BlockIndex = indexBlocks(hast);
  const html = stringifier.stringify(hast);
  const stem = fileName.replace(/\.[^.]+$/, '');
  const firstHeading = index.toc[0]?.text;
  const meta = buildMeta(fm, index.text, {
    id: slugify(stem) || `doc-${hashString(source, 6)}`,
    title: firstHeading ?? stem,
  });
  return { meta, html, blocks: index.blocks, toc: index.toc, text: index.text, hash: hashString(index.text) };
}

/** Plain text: blank lines separate paragraphs; single line breaks are soft (a space). */
function textToMdast(text: string): MdRoot {
  const paras = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return {
    type: 'root',
    children: paras.map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p.replace(/\s*\n\s*/g, ' ') }] })),
  };
}

