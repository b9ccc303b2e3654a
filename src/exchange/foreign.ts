/**
 * Passages made in another tool on these texts (Hypothesis, any W3C Web Annotation client):
 * how one becomes a Crossread annotation. Shared by every importer of such files, so they
 * match sources, anchor quotes, name authors and version records the same way. Pure.
 */
import * as v from 'valibot';
import { anchor } from '../anchoring/index.ts';
import { targetFor } from '../annotate/anchored.ts';
import type { DocModel } from '../corpus/types.ts';
import { reasonFor } from '../store/damage-words.ts';
import { ANNOTATION_CONTEXT, AnnotationSchema, makeBody, modifiedAt, motivationFor, stableRecordId, type Annotation, type IncomingLayer } from '../store/index.ts';

/** A quote from elsewhere; its position, if any, counts characters of another text and is not used. */
export interface ForeignQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A row whose quote was not found in its source. */
export interface Orphan {
  id: string;
  source: string;
  quote: string;
}

/** What an import of passages from another tool found, for the summary the reader sees. */
export interface ForeignReport {
  /** Passages placed, and how many of them by an approximate match. */
  placed: number;
  fuzzy: number;
  orphans: Orphan[];
  /** Annotations on the page as a whole (no quote): Crossread has no place for them. */
  pageNotes: number;
  /** Replies to other annotations. */
  replies: number;
  /** Rows for pages that are none of the library's sources, by address. */
  otherPages: Array<{ uri: string; rows: number }>;
  /** Authors whose annotations came in, each as a layer of their own. */
  authors: Array<{ name: string; layer: string; rows: number }>;
  /** Items that were not valid annotations, by index, with why. */
  invalid: Array<{ index: number; problem: string }>;
}

/** A report with nothing found yet. */
export const emptyReport = (): ForeignReport => ({ placed: 0, fuzzy: 0, orphans: [], pageNotes: 0, replies: 0, otherPages: [], authors: [], invalid: [] });

/** Two page addresses name the same page: scheme, `www.`, query, fragment and trailing slash aside. */
export function sameAddress(a: string, b: string): boolean {
  const norm = (u: string) => u.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
  return a.trim() !== '' && norm(a) === norm(b);
}

const words = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The source that `addresses` or page `titles` name, where the sources' metadata has them. */
export function sourceByMetadata(docs: readonly DocModel[], addresses: readonly string[], titles: readonly string[]): DocModel | undefined {
  const byUrl = docs.find((d) => d.meta.url && addresses.some((u) => sameAddress(u, d.meta.url!)));
  if (byUrl) return byUrl;
  const t = titles.map(words).filter(Boolean);
  return docs.find((d) => t.some((x) => x === words(d.meta.title) || x.startsWith(`${words(d.meta.title)} `)));
}

/** Where a quote is in `doc`, by the normal anchoring on the quote alone. */
export function anchorQuote(doc: DocModel, quote: ForeignQuote) {
  // Positions from elsewhere count another text's characters: as a hint they point elsewhere,
  // and anchoring rightly refuses a far match. The quote and its context are enough.
  return anchor(doc.text, [{ type: 'TextQuoteSelector', ...quote }]);
}

/** The source and place of a quote: the named source, else the one source it anchors in. */
export function placeQuote(docs: readonly DocModel[], named: DocModel | undefined, quote: ForeignQuote) {
  if (named) return { doc: named, found: anchorQuote(named, quote) };
  const hits = docs.map((doc) => ({ doc, found: anchorQuote(doc, quote) })).filter((h) => h.found.status === 'anchored');
  return hits.length === 1 ? hits[0]! : undefined;
}

/** What an importer knows of a passage made elsewhere. */
export interface ForeignPassage {
  /** Its id in the tool it came from; the same id always becomes the same record id. */
  id: string;
  /** Who made it, as that tool names them; each author is a layer of their own. */
  author: string;
  /** A key for the author that does not change with the display name (an account). */
  authorKey: string;
  created?: string;
  modified?: string;
  note?: string;
  tags: readonly string[];
  doc: DocModel;
  start: number;
  end: number;
}

/** The layer of an author from elsewhere: one per author key, the same on every import. */
export const foreignLayer = (authorKey: string) => stableRecordId(`foreign-author:${authorKey}`);

/**
 * The annotation record of a passage made elsewhere, or why it cannot be one (a note longer
 * than Crossread keeps, say), in the reader's words. Its version counts seconds of the source
 * tool's last-modified time: those tools count no edits, and the time grows with each one, so
 * a newer export of an edited passage is a newer version and re-importing the same is no change.
 */
export function foreignAnnotation(p: ForeignPassage): { record: Annotation } | { problem: string } {
  const layer = foreignLayer(p.authorKey);
  const created = validTime(p.created) ?? validTime(p.modified) ?? new Date(0).toISOString();
  const modified = validTime(p.modified) ?? created;
  const body = makeBody(p.note?.trim() ? p.note : undefined, p.tags.map((t) => t.trim().slice(0, 200)).filter(Boolean), []);
  const record: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: stableRecordId(`foreign-annotation:${p.id}`),
    type: 'Annotation',
    motivation: motivationFor(body),
    created,
    modified: modifiedAt({ created }, modified),
    creator: { type: 'Person', name: p.author.trim().slice(0, 200) || 'Unknown author' },
    body,
    target: targetFor(p.doc, p.start, p.end),
    layer,
    version: { [layer]: Math.max(1, Math.floor(Date.parse(modified) / 1000)) },
  };
  const checked = v.safeParse(AnnotationSchema, record);
  return checked.success ? { record } : { problem: reasonFor('annotations', record, checked.issues) };
}

function validTime(s: string | undefined): string | undefined {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/**
 * The layers an import of passages from elsewhere brings, for the store to name them (ADR 0013):
 * one per author, a student's, by the author's name; records restored from a Crossread export
 * (`records`) name theirs after their creator.
 */
export function authorLayers(authors: ForeignReport['authors'], records: readonly Annotation[] = []): IncomingLayer[] {
  const named = (id: string, name: string): IncomingLayer => ({ id, name: name.trim().slice(0, 200).trim() || 'Unknown author', role: 'student' });
  const out = new Map<string, IncomingLayer>(authors.map((a) => [a.layer, named(a.layer, a.name)]));
  for (const r of records) if (!out.has(r.layer)) out.set(r.layer, named(r.layer, r.creator.name));
  return [...out.values()];
}
