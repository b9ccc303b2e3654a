import type { Block, DocModel } from '../../corpus/types.ts';
import { routeHash } from '../../app/route.ts';

/**
 * Prepares rendered text for reading, one piece of the document at a time (`lay-out.ts`):
 * tables get a scrolling wrapper, every block can take focus, and numbered blocks get their
 * paragraph number in the margin. The numbers are links (Tab reaches them; a click copies the
 * citation link) and apparatus: `data-nontext` keeps them out of the text, quotes and
 * selections' offsets. Adds the block elements found under `root` to `els`, by block id.
 * `tableWrap`: the wrapper of the table whose rows `root` holds, when they are laid out apart
 * from it (a long table, row by row): a table's number goes on its wrapper.
 */
export function decorate(root: ParentNode, doc: DocModel, blocks: ReadonlyMap<string, Block>, els: Map<string, Element>, tableWrap?: Element): void {
  for (const table of root.querySelectorAll('table')) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    table.replaceWith(wrap);
    wrap.append(table);
  }
  // One pass over the elements, not a query per block (quadratic: seconds on a 5 MB file).
  for (const el of root.querySelectorAll<HTMLElement>('[data-block]')) {
    const b = blocks.get(el.dataset['block']!);
    if (!b) continue;
    els.set(b.id, el);
    el.tabIndex = -1;
    if (!b.numbered) continue;
    const a = document.createElement('a');
    a.className = 'pnum';
    a.setAttribute('data-nontext', '');
    a.href = routeHash({ view: 'read', id: doc.meta.id, p: b.n });
    a.textContent = String(b.n);
    a.setAttribute('aria-label', `Paragraph ${b.n}: copy link`);
    a.title = `Copy a link to ¶${b.n}`;
    const host = b.kind === 'table-cell' ? (el.closest('.table-wrap') ?? tableWrap) : el;
    host?.prepend(a);
  }
}
