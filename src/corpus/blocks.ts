import type { Element, ElementContent, Root } from 'hast';
import { hashString } from './hash.ts';
import { BLOCK_LEVEL_TAGS, BLOCK_SEPARATOR, type Block, type BlockKind, type TocEntry } from './types.ts';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCK_LEVEL = new Set(BLOCK_LEVEL_TAGS);

/** Result of indexing a sanitized HTML tree. */
export interface BlockIndex {
  blocks: Block[];
  toc: TocEntry[];
  text: string;
}

const nonText = (el: Element) =>
  el.properties?.['dataNontext'] !== undefined ||
  (el.tagName === 'sup' && (el.properties?.['className'])?.includes('fn'));

/** A block's own text: its text nodes, minus apparatus and minus nested block-level elements
 * (which are blocks of their own). The DOM side (src/anchoring/dom) applies the same rule. */
function ownText(el: Element): string {
  let out = '';
  const walk = (nodes: ElementContent[]) => {
    for (const n of nodes) {
      if (n.type === 'text') out += n.value;
      else if (n.type === 'element' && !nonText(n) && !BLOCK_LEVEL.has(n.tagName)) walk(n.children);
    }
  };
  walk(el.children);
  return out;
}

function blockKind(el: Element, ancestors: readonly string[]): BlockKind | null {
  const t = el.tagName;
  if (HEADINGS.has(t)) return 'heading';
  if (t === 'td' || t === 'th') return 'table-cell';
  if (t === 'pre') return 'code';
  if (t === 'p') {
    if (ancestors.includes('li')) return 'list-item';
    return ancestors.includes('blockquote') ? 'quote' : 'paragraph';
  }
  // A tight list item holds its text directly; a loose one holds paragraphs (blocks themselves).
  if (t === 'li' && !el.children.some((c) => c.type === 'element' && c.tagName === 'p')) return 'list-item';
  return null;
}

const PREFIX: Record<BlockKind, string> = {
  heading: 'h', paragraph: 'p', quote: 'q', 'list-item': 'l', 'table-cell': 'c', code: 'x',
};

/**
 * Give every text block of a sanitized tree a stable id (`id` and `data-block`), its paragraph
 * number (`data-n`), and build the plain text with each block's offsets.
 *
 * Ids hash the block's own normalised text, so editing one paragraph leaves every other id
 * alone; identical texts get `-2`, `-3` in document order. Table cells hash their text with
 * their row's first cell and column header, so repeated "Yes"/"No" cells stay distinct.
 */
export function indexBlocks(tree: Root): BlockIndex {
  const blocks: Block[] = [];
  const toc: TocEntry[] = [];
  const seen = new Map<string, number>();
  const parts: string[] = [];
  let offset = 0;
  let counter = 0;
  let table: { n: number; header: string[]; first: boolean } | null = null;

  const visit = (el: Element, ancestors: string[], cell?: { row: string; col: string }) => {
    if (el.tagName === 'table') {
      const outer = table;
      table = { n: ++counter, header: [], first: true };
      walkChildren(el, ancestors);
      table = outer;
      return;
    }
    if (el.tagName === 'tr' && table) {
      const cells = el.children.filter((c): c is Element => c.type === 'element');
      const texts = cells.map((c) => norm(ownText(c)));
      if (cells.some((c) => c.tagName === 'th')) table.header = texts;
      cells.forEach((c, i) => visit(c, [...ancestors, 'tr'], { row: texts[0] ?? '', col: table!.header[i] ?? String(i) }));
      return;
    }
    if (nonText(el)) {
      el.properties = { ...el.properties, dataNontext: "" }; // rendered as NONTEXT_ATTR
      return;
    }
    const kind = blockKind(el, ancestors);
    if (!kind) return walkChildren(el, ancestors);
    const text = ownText(el);
    // Nested lists inside a tight item are blocks of their own, after this one.
    const visitNested = () => walkChildren(el, ancestors);
    if (!norm(text)) return visitNested();

    const key = cell ? `${norm(text)}|${cell.row}|${cell.col}` : norm(text);
    const base = `${PREFIX[kind]}-${hashString(key, 7)}`;
    const dup = (seen.get(base) ?? 0) + 1;
    seen.set(base, dup);
    const id = dup === 1 ? base : `${base}-${dup}`;

    let n: number;
    let numbered: boolean;
    if (kind === 'heading') [n, numbered] = [counter + 1, false];
    else if (kind === 'table-cell' && table) [n, numbered, table.first] = [table.n, table.first, false];
    else [n, numbered] = [++counter, true];

    if (parts.length) offset += BLOCK_SEPARATOR.length;
    const block: Block = { id, kind, n, numbered, start: offset, end: offset + text.length };
    if (kind === 'heading') {
      block.level = Number(el.tagName.slice(1));
      toc.push({ id, level: block.level, text: norm(text), n });
    }
    blocks.push(block);
    parts.push(text);
    offset += text.length;
    el.properties = { ...el.properties, id, dataBlock: id, dataN: n };
    visitNested();
  };

  const walkChildren = (el: Element | Root, ancestors: string[]) => {
    const next = el.type === 'element' ? [...ancestors, el.tagName] : ancestors;
    for (const c of el.children) if (c.type === 'element') visit(c, next);
  };

  walkChildren(tree, []);
  return { blocks, toc, text: parts.join(BLOCK_SEPARATOR) };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
