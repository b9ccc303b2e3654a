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
import type { DocModel } from '../../corpus/types.ts';
import type { Annotation, IncomingBatch } from '../../store/index.ts';
import { authorLayers, emptyReport, foreignAnnotation, foreignLayer, placeQuote, sourceByMetadata, type ForeignReport } from '../foreign.ts';
import { jsonDepth } from '../json-guard.ts';
import { authorOf, HypothesisExportSchema, HypothesisRowSchema, quoteOf } from './rows.ts';

const MAX_CHARS = 20 * 1024 * 1024;
const MAX_DEPTH = 32;

export type HypothesisRead = { ok: true; batch: IncomingBatch; report: ForeignReport } | { ok: false; problem: string };

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

  const report = emptyReport();
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
    const named = sourceByMetadata(docs, [row.uri, ...row.target.map((t) => t.source ?? '')], row.document?.title ?? []);
    const place = placeQuote(docs, named, quote);
    const page = row.uri || '(no address)';
    if (!place) return void other.set(page, (other.get(page) ?? 0) + 1);
    if (place.found.status !== 'anchored') return void report.orphans.push({ id: row.id, source: place.doc.meta.id, quote: quote.exact });
    const name = authorOf(row);
    const key = row.user || name;
    const made = foreignAnnotation({
      id: `hypothesis:${row.id}`, author: name, authorKey: `hypothesis:${key}`, created: row.created, modified: row.updated,
      note: row.text, tags: row.tags, doc: place.doc, start: place.found.start, end: place.found.end,
    });
    // One bad row (a note longer than Crossread keeps) is reported, not a reason to refuse the rest.
    if ('problem' in made) return void report.invalid.push({ index, problem: `rows[${index}]: ${made.problem}` });
    annotations.push(made.record);
    const author = authors.get(key) ?? { name, layer: foreignLayer(`hypothesis:${key}`), rows: 0 };
    author.rows++;
    authors.set(key, author);
    report.placed++;
    if (place.found.method === 'fuzzy') report.fuzzy++;
  });
  report.otherPages = [...other].map(([uri, rows]) => ({ uri, rows }));
  report.authors = [...authors.values()];
  return { ok: true, batch: { put: annotations.map((record) => ({ collection: 'annotations' as const, record })), layers: authorLayers(report.authors) }, report };
}
