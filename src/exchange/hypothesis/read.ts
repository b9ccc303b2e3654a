/**
 * Annotations made with Hypothesis on these texts elsewhere (its API export), brought in as
 * Crossread passages. Hypothesis's page text is not Crossread's plain text — whitespace,
 * footnote markers and headings differ — so each quote is anchored by the normal anchoring
 * against the source's text, and the passage gets Crossread's own selectors. A row is matched
 * to its source by the page address or title where the source's metadata has them, else by
 * where its quote anchors. Nothing is dropped silently: page notes, replies, rows for other
 * pages and quotes not found are all reported. Pure.
 */
import * as v from 'valibot';
import { anchor } from '../../anchoring/index.ts';
import { targetFor } from '../../annotate/anchored.ts';
import type { DocModel } from '../../corpus/types.ts';
import { reasonFor } from '../../store/damage-words.ts';
import { ANNOTATION_CONTEXT, AnnotationSchema, makeBody, motivationFor, stableRecordId, type Annotation, type IncomingBatch } from '../../store/index.ts';
import { jsonDepth } from '../json-guard.ts';
import { authorOf, HypothesisExportSchema, HypothesisRowSchema, quoteOf, type HypothesisRow } from './rows.ts';

const MAX_CHARS = 20 * 1024 * 1024;
const MAX_DEPTH = 32;

/** A row whose quote was not found in its source. */
export interface Orphan {
  id: string;
  source: string;
  quote: string;
}

/** What an import found, for the summary the reader sees. */
export interface HypothesisReport {
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
  /** Hypothesis users whose annotations came in, each as a layer of their own. */
  authors: Array<{ name: string; layer: string; rows: number }>;
  /** Rows that were not valid Hypothesis annotations, by index. */
  invalid: Array<{ index: number; problem: string }>;
}

export type HypothesisRead = { ok: true; batch: IncomingBatch; report: HypothesisReport } | { ok: false; problem: string };

/** An address without scheme, `www.`, query, fragment or trailing slash, lower case. */
export function sameAddress(a: string, b: string): boolean {
  const norm = (u: string) => u.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[?#].*$/, '').replace(/\/+$/, '');
  return a.trim() !== '' && norm(a) === norm(b);
}

const words = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The source a row is about by its address or page title, if the metadata says. */
function byMetadata(row: HypothesisRow, docs: readonly DocModel[]): DocModel | undefined {
  const uris = [row.uri, ...row.target.map((t) => t.source ?? '')];
  const byUrl = docs.find((d) => d.meta.url && uris.some((u) => sameAddress(u, d.meta.url!)));
  if (byUrl) return byUrl;
  const titles = (row.document?.title ?? []).map(words).filter(Boolean);
  return docs.find((d) => titles.some((t) => t === words(d.meta.title) || t.startsWith(`${words(d.meta.title)} `)));
}

/** Reads a Hypothesis export and anchors its rows in `docs`. */
export function readHypothesis(text: string, docs: readonly DocModel[]): HypothesisRead {
  if (text.length > MAX_CHARS) return { ok: false, problem: `The file is ${(text.length / 1024 / 1024).toFixed(0)} MB; an export can be at most ${MAX_CHARS / 1024 / 1024} MB.` };
  if (jsonDepth(text) > MAX_DEPTH) return { ok: false, problem: 'The file nests too deeply to be a Hypothesis export.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The file is not JSON: a Hypothesis export is the JSON its API returns.' };
  }
  const top = v.safeParse(HypothesisExportSchema, data);
  if (!top.success) return { ok: false, problem: 'This is not a Hypothesis export: it has no list of annotations (“rows”).' };
  const rawRows = Array.isArray(top.output) ? top.output : top.output.rows;

  const report: HypothesisReport = { placed: 0, fuzzy: 0, orphans: [], pageNotes: 0, replies: 0, otherPages: [], authors: [], invalid: [] };
  const annotations: Annotation[] = [];
  const other = new Map<string, number>();
  const authors = new Map<string, { name: string; layer: string; rows: number }>();
  rawRows.forEach((raw, index) => {
    const parsed = v.safeParse(HypothesisRowSchema, raw);
    if (!parsed.success) return void report.invalid.push({ index, problem: `rows[${index}]: not a Hypothesis annotation (${v.getDotPath(parsed.issues[0]) ?? 'the row'} is ${parsed.issues[0].received})` });
    const row = parsed.output;
    if (row.references.length) return void report.replies++;
    const quote = quoteOf(row);
    if (!quote) return void report.pageNotes++;
    let doc = byMetadata(row, docs);
    // The quote only: Hypothesis's positions count characters of its page text, not of Crossread's, so
    // as a hint they would point elsewhere (anchoring then rightly refuses a far match).
    const selectors = (d: DocModel) => anchor(d.text, [{ type: 'TextQuoteSelector', ...quote }]);
    let found = doc ? selectors(doc) : undefined;
    if (!doc) {
      // No address or title to go by: the source is where the quote anchors, if it anchors in exactly one.
      const hits = docs.map((d) => [d, selectors(d)] as const).filter(([, a]) => a.status === 'anchored');
      if (hits.length === 1) [doc, found] = hits[0]!;
    }
    if (!doc || !found) return void other.set(row.uri || '(no address)', (other.get(row.uri || '(no address)') ?? 0) + 1);
    if (found.status !== 'anchored') return void report.orphans.push({ id: row.id, source: doc.meta.id, quote: quote.exact });

    const name = authorOf(row);
    const key = row.user || name;
    const author = authors.get(key) ?? { name, layer: stableRecordId(`hypothesis-user:${key}`), rows: 0 };
    const created = validTime(row.created) ?? validTime(row.updated) ?? new Date(0).toISOString();
    const updated = validTime(row.updated) ?? created;
    const body = makeBody(row.text.trim() || undefined, row.tags.map((t) => t.trim().slice(0, 200)).filter(Boolean), []);
    const record: Annotation = {
      '@context': ANNOTATION_CONTEXT,
      id: stableRecordId(`hypothesis:${row.id}`),
      type: 'Annotation',
      motivation: motivationFor(body),
      created,
      modified: updated < created ? created : updated,
      creator: { type: 'Person', name },
      body,
      target: targetFor(doc, found.start, found.end),
      layer: author.layer,
      // Hypothesis counts no edits; its update time, in seconds, grows with each one, so a newer export is a newer version.
      version: { [author.layer]: Math.max(1, Math.floor(Date.parse(updated) / 1000)) },
    };
    // One bad row (a note longer than Crossread keeps) is reported, not a reason to refuse the rest.
    const checked = v.safeParse(AnnotationSchema, record);
    if (!checked.success) return void report.invalid.push({ index, problem: `rows[${index}]: ${reasonFor('annotations', record, checked.issues)}` });
    annotations.push(record);
    author.rows++;
    authors.set(key, author);
    report.placed++;
    if (found.method === 'fuzzy') report.fuzzy++;
  });
  report.otherPages = [...other].map(([uri, rows]) => ({ uri, rows }));
  report.authors = [...authors.values()];
  return { ok: true, batch: { put: annotations.map((record) => ({ collection: 'annotations' as const, record })) }, report };
}

function validTime(s: string | undefined): string | undefined {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}
