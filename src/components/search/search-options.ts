/**
 * How one search result reads and where it leads: the option's content per kind (Lit templates,
 * so every piece of user text is inert data, marks included) and the route it opens.
 */
import { html, nothing } from 'lit';
import { routeHash } from '../../app/route.ts';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { citeOf } from '../../corpus/citation.ts';
import { clip } from '../../corpus/clip.ts';
import type { Kind } from '../../search/documents.ts';
import type { Hit } from '../../search/search-index.ts';
import type { Marked } from '../../search/snippet.ts';
import { count } from '../../map/words.ts';

/** Group headings, by kind. */
export const KIND_LABELS: Record<Kind, string> = { passage: 'Passages', claim: 'Claims', note: 'Notes', tag: 'Tags', event: 'Events' };
/** One of a kind, for counts ("1 tag", "58 passages"). */
export const KIND_NOUNS: Record<Kind, string> = { passage: 'passage', claim: 'claim', note: 'note', tag: 'tag', event: 'event' };

/** Text with its marked ranges in `<mark>`, and "…" where it was cut. */
export function markedText(m: Marked) {
  const parts: unknown[] = [];
  let at = 0;
  for (const [s, e] of m.marks) {
    if (s > at) parts.push(m.text.slice(at, s));
    parts.push(html`<mark>${m.text.slice(s, e)}</mark>`);
    at = e;
  }
  if (at < m.text.length) parts.push(m.text.slice(at));
  return html`${m.cutStart ? '…' : nothing}${parts}${m.cutEnd ? '…' : nothing}`;
}

const where = (entries: readonly LibraryEntry[], source: string, n: number | undefined) =>
  `${citeOf(entries, source)}${n !== undefined ? `, ¶${n}` : ''}`;

/** The content of one option. */
export function optionContent(hit: Hit, entries: readonly LibraryEntry[]) {
  const t = hit.target;
  const snippet = hit.snippet ? html`<span class="snippet">${markedText(hit.snippet)}</span>` : nothing;
  switch (t.kind) {
    case 'passage':
      return html`<span class="where">${where(entries, t.source, hit.n)}${t.heading ? ' (heading)' : ''}</span>${snippet}`;
    case 'claim':
      return html`<span class="title">${hit.title ? markedText(hit.title) : nothing}</span>${snippet}<span class="where">by ${t.by}</span>`;
    case 'note':
      return html`${snippet}<span class="where">on “${clip(t.quote, 80)}”, ${where(entries, t.source, hit.n)}</span>`;
    case 'tag':
      return html`<span class="title">${hit.title ? markedText(hit.title) : t.tag}</span>
        <span class="where">${[t.claims ? count(t.claims, 'claim') : '', t.passages ? count(t.passages, 'passage') : ''].filter(Boolean).join(' · ')}</span>`;
    case 'event':
      return html`<span class="title">${hit.title ? markedText(hit.title) : nothing}</span>${snippet}`;
  }
}

/**
 * Where opening a result goes: a passage (its matched words marked), or a note's passage, in the reader at its ¶; a claim
 * in the claims view; a tag as the claims view filtered by it (its passages by tag, when no claim has it); an event in its comparison.
 */
export function hitHash(hit: Hit): string {
  const t = hit.target;
  switch (t.kind) {
    case 'passage':
      // The reader marks the words found in that ¶ (a note's words are in the note, not there).
      return routeHash({ view: 'read', id: t.source, p: t.n, ...(hit.words.length ? { mark: hit.words.join(' ') } : {}) });
    case 'note':
      return routeHash({ view: 'read', id: t.source, ...(hit.n !== undefined ? { p: hit.n } : {}) });
    case 'claim':
      return routeHash({ view: 'claims', claim: t.claim });
    case 'tag':
      // On passages only, the claims view filtered by it would be empty: its passages are listed by tag.
      return t.claims ? routeHash({ view: 'claims', tag: t.tag }) : routeHash({ view: 'events', tag: t.tag });
    case 'event':
      return routeHash({ view: 'events', event: t.event });
  }
}
