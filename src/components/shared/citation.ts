import type { DocMeta } from '../../corpus/types.ts';

/** Full reference, e.g. Duvanova, Dinissa, and Barbara Junisbai. 2022. "Title." Venue. */
export function fullCitation(m: DocMeta): string {
  const inverted = (name: string) => {
    const parts = name.trim().split(/\s+/);
    const last = parts.pop()!;
    return parts.length ? `${last}, ${parts.join(' ')}` : last;
  };
  const names = m.authors.map((a, i) => (i === 0 ? inverted(a) : a));
  const who =
    names.length <= 1 ? (names[0] ?? 'Anon.')
    : `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`; // the inverted first name has a comma already
  const when = m.year ?? 'n.d.';
  const venue = m.venue ? ` ${m.venue}.` : '';
  return `${who}. ${when}. \u201c${m.title}.\u201d${venue}`;
}

/** "(Duvanova & Junisbai 2022, ¶3)" or "(…, ¶3–5)". */
export function inlineCitation(m: DocMeta, from: number, to = from): string {
  return `(${m.cite}, \u00b6${from}${to > from ? `\u2013${to}` : ''})`;
}
