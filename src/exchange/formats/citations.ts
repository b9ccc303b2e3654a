/**
 * The sources' references for a reference manager: CSL-JSON (Zotero, Pandoc citeproc) and
 * BibTeX. Names split as the citations elsewhere do (last word = family name). Pure.
 */
import type { DocMeta } from '../../corpus/types.ts';

const CSL_TYPE: Record<string, string> = { 'journal article': 'article-journal', 'policy memo': 'report' };
const BIB_TYPE: Record<string, string> = { 'journal article': 'article', 'policy memo': 'techreport' };

function name(full: string): { family: string; given: string } {
  const parts = full.trim().split(/\s+/);
  const family = parts.pop() ?? full;
  return { family, given: parts.join(' ') };
}

/** One CSL-JSON item per source. */
export function toCslJson(metas: readonly DocMeta[]): object[] {
  return metas.map((m) => {
    const item: Record<string, unknown> = { id: m.id, type: CSL_TYPE[m.kind] ?? 'article', title: m.title, author: m.authors.map(name) };
    if (m.venue) item[m.kind === 'policy memo' ? 'publisher' : 'container-title'] = m.venue;
    const parts = m.date ? m.date.split('-').map(Number) : m.year ? [m.year] : undefined;
    if (parts) item.issued = { 'date-parts': [parts] };
    if (m.url) item.URL = m.url;
    if (m.note) item.note = m.note;
    return item;
  });
}

/** A BibTeX value: TeX's specials escaped, case kept by braces. */
export function bibValue(text: string): string {
  const escaped = text.replace(/[\\{}&%$#_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`,
  );
  return `{${escaped}}`;
}

/** Entries keyed like "anisin2026", distinct within the file. */
export function toBibtex(metas: readonly DocMeta[]): string {
  const used = new Set<string>();
  return metas
    .map((m) => {
      const base = `${name(m.authors[0] ?? 'anon').family}${m.year ?? ''}`.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'source';
      let key = base;
      for (let i = 0; used.has(key); i++) key = base + String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(i) : '');
      used.add(key);
      const fields: Array<[string, string]> = [
        ['author', m.authors.map((a) => { const n = name(a); return n.given ? `${n.family}, ${n.given}` : n.family; }).join(' and ')],
        ['title', m.title],
      ];
      if (m.venue) fields.push([m.kind === 'policy memo' ? 'institution' : 'journal', m.venue]);
      if (m.year !== undefined) fields.push(['year', String(m.year)]);
      if (m.url) fields.push(['url', m.url]);
      if (m.note) fields.push(['note', m.note]);
      // A url is read verbatim by BibTeX styles: only braces would break it (and have no place in a URL).
      const value = (k: string, v: string) => (k === 'url' ? `{${v.replace(/[{}]/g, encodeURIComponent)}}` : k === 'title' ? `{${bibValue(v)}}` : bibValue(v));
      const body = fields.map(([k, v]) => `  ${k} = ${value(k, v)}`).join(',\n');
      return `@${BIB_TYPE[m.kind] ?? 'misc'}{${key},\n${body}\n}\n`;
    })
    .join('\n');
}
