import type { DocModel } from '../../corpus/types.ts';
import { routeHash } from '../../app/route.ts';

/**
 * Prepares the rendered text for reading: tables get a scrolling wrapper, every block can take
 * focus, and numbered blocks get their paragraph number in the margin. The numbers are links
 * (Tab reaches them; a click copies the citation link) and apparatus: `data-nontext` keeps them
 * out of the text, quotes and selections' offsets.
 */
export function decorate(article: HTMLElement, doc: DocModel): void {
  for (const table of article.querySelectorAll('table')) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    table.replaceWith(wrap);
    wrap.append(table);
  }
  // One pass over the elements, not a query per block (quadratic: seconds on a 5 MB file).
  const els = new Map<string, HTMLElement>();
  for (const el of article.querySelectorAll<HTMLElement>('[data-block]')) els.set(el.dataset['block']!, el);
  for (const b of doc.blocks) {
    const el = els.get(b.id);
    if (!el) continue;
    el.tabIndex = -1;
    if (!b.numbered) continue;
    const a = document.createElement('a');
    a.className = 'pnum';
    a.setAttribute('data-nontext', '');
    a.href = routeHash({ view: 'read', id: doc.meta.id, p: b.n });
    a.textContent = String(b.n);
    a.setAttribute('aria-label', `Paragraph ${b.n}: copy link`);
    a.title = `Copy a link to ¶${b.n}`;
    const host = b.kind === 'table-cell' ? el.closest('.table-wrap') : el;
    host?.prepend(a);
  }
}
