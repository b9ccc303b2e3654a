/**
 * Citations of a source: the full reference, the inline "(Author Year, ¶n)" and the short
 * label by id. Pure; every view that names a source asks here.
 */
import type { DocMeta } from './types.ts';

/** "Duvanova & Junisbai 2022", "Kurmashev et al. 2018", "Anisin 2026". */
export function citeLabel(authors: readonly string[], year?: number): string {
  const surname = (a: string) => a.trim().split(/\s+/).pop() ?? a;
  const names =
    authors.length === 0 ? 'Anon.'
    : authors.length === 1 ? surname(authors[0]!)
    : authors.length === 2 ? `${surname(authors[0]!)} & ${surname(authors[1]!)}`
    : `${surname(authors[0]!)} et al.`;
  return `${names} ${year ?? 'n.d.'}`;
}

/** A title followed by the period that closes it, unless it already ends in one of `.?!`
 * ("Intervene?" stays "Intervene?", not "Intervene?."). Closing quotes and brackets after
 * that mark count: the mark still ends the title. */
function closed(title: string): string {
  const t = title.trim();
  return /[.?!]['"’”)\]]*$/.test(t) ? t : `${t}.`;
}

/** Full reference, e.g. Duvanova, Dinissa, and Barbara Junisbai. 2022. "Title." Venue.
 * Each part ends in one mark: "Anon. n.d." and "Intervene?" get no second period. */
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
  const venue = m.venue ? ` ${closed(m.venue)}` : '';
  return `${closed(who)} ${closed(String(when))} \u201c${closed(m.title)}\u201d${venue}`;
}

/** Where and when a text appeared, for the reader's header: "PONARS Eurasia Policy Memo No. 781,
 * published 2022-01-14"; only "2022" for a source of the reader's own (no venue: not ", 2022");
 * empty when neither is known. */
export function venueLine(m: Pick<DocMeta, 'venue' | 'date' | 'year'>): string {
  const when = m.date ? `published ${m.date}` : m.year !== undefined ? String(m.year) : '';
  const line = [m.venue, when].filter(Boolean).join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** "(Duvanova & Junisbai 2022, ¶3)" or "(…, ¶3–5)". */
export function inlineCitation(m: Pick<DocMeta, 'cite'>, from: number, to = from): string {
  return `(${m.cite}, \u00b6${from}${to > from ? `\u2013${to}` : ''})`;
}

/** The short citation ("Anisin 2026") of a source among `entries`; its id when it is not there. */
export function citeOf(entries: readonly Pick<DocMeta, 'id' | 'cite'>[], id: string): string {
  return entries.find((e) => e.id === id)?.cite ?? id;
}
