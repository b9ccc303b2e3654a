/**
 * Reading W3C Web Annotations (JSON-LD): a collection with embedded pages, a page, an array or
 * one annotation. Crossread's own export (`crossread:` terms present) is restored record for
 * record, versions included, so export → import is the identity. An annotation from another
 * client is placed like a Hypothesis one (`foreign.ts`): its source by address, its quote by
 * the normal anchoring. Pure.
 */
import * as v from 'valibot';
import type { DocModel } from '../../corpus/types.ts';
import { reasonFor } from '../../store/damage-words.ts';
import { ANNOTATION_CONTEXT, AnnotationSchema, type Annotation, type IncomingBatch } from '../../store/index.ts';
import { authorLayers, emptyReport, foreignAnnotation, foreignLayer, placeQuote, sourceByMetadata, type ForeignQuote, type ForeignReport } from '../foreign.ts';
import { jsonDepth } from '../json-guard.ts';

const MAX_CHARS = 20 * 1024 * 1024;
const MAX_DEPTH = 32;

export type W3cRead = { ok: true; batch: IncomingBatch; report: ForeignReport & { restored: number } } | { ok: false; problem: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** The annotations a document holds, whatever its shape. */
function itemsOf(data: unknown): unknown[] | undefined {
const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? (x as unknown[]) : [x]);
  if (!isObj(data)) return undefined;
  const types = list(data.type).map(String);
  if (types.includes('AnnotationCollection')) return isObj(data.first) ? list(data.first.items) : [];
  if (types.includes('AnnotationPage')) return list(data.items);
  if (types.includes('Annotation')) return [data];
  return undefined;
}

/** A TextQuoteSelector among `selector`, also inside `refinedBy`. */
function quoteIn(selector: unknown): ForeignQuote | undefined {
  for (const s of list(selector)) {
    if (!isObj(s)) continue;
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact.trim()) return { exact: s.exact, prefix: str(s.prefix) ?? '', suffix: str(s.suffix) ?? '' };
    const inner = quoteIn(s.refinedBy);
    if (inner) return inner;
  }
  return undefined;
}

/** Note and tags of a W3C body (`bodyValue`, TextualBody with or without purpose). */
function bodyOf(a: Obj): { note?: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (typeof a.bodyValue === 'string') notes.push(a.bodyValue);
  for (const b of list(a.body)) {
    if (typeof b === 'string') continue; // a body by reference: nothing to read here
    if (!isObj(b) || typeof b.value !== 'string') continue;
    if (b.purpose === 'tagging') tags.push(b.value);
    else notes.push(b.value);
  }
  return { note: notes.join('\n\n') || undefined, tags };
}

function creatorOf(a: Obj): { name: string; key: string } {
  const c = list(a.creator)[0];
  if (typeof c === 'string') return { name: c.replace(/^.*[/:#]/, '') || c, key: c };
  if (isObj(c)) {
    const name = str(c.name) ?? str(c.nickname) ?? str(c.id) ?? 'Unknown author';
    return { name, key: str(c.id) ?? name };
  }
  return { name: 'Unknown author', key: 'unknown' };
}

/** Reads W3C annotations and places them in `docs`. */
export function readW3c(text: string, docs: readonly DocModel[]): W3cRead {
  if (text.length > MAX_CHARS) return { ok: false, problem: `The file is ${(text.length / 1024 / 1024).toFixed(0)} MB; it can be at most ${MAX_CHARS / 1024 / 1024} MB.` };
  if (jsonDepth(text) > MAX_DEPTH) return { ok: false, problem: 'The file nests too deeply to be a set of web annotations.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The file is not JSON(-LD).' };
  }
  const items = itemsOf(data);
  if (!items) return { ok: false, problem: 'This is not a W3C Web Annotation file: no Annotation, AnnotationPage or AnnotationCollection in it.' };

  const report = { ...emptyReport(), restored: 0 };
  const known = new Set(docs.map((d) => d.meta.id));
  const records: Annotation[] = [];
  const other = new Map<string, number>();
  const authors = new Map<string, ForeignReport['authors'][number]>();
  items.forEach((item, index) => {
    if (!isObj(item) || !list(item.type).includes('Annotation')) return void report.invalid.push({ index, problem: `items[${index}]: not an annotation` });
    const target = list(item.target)[0];
    // Crossread's own export: restore the record as it was.
    if (isObj(target) && typeof target['crossread:source'] === 'string') {
      const { target: _t, 'crossread:layer': layer, 'crossread:version': version, '@context': _c, ...rest } = item;
      const record = { '@context': ANNOTATION_CONTEXT, ...rest, target: { source: target['crossread:source'], sourceHash: target['crossread:sourceHash'], selector: target.selector }, layer, version };
      const checked = v.safeParse(AnnotationSchema, record);
      if (!checked.success) return void report.invalid.push({ index, problem: `items[${index}]: ${reasonFor('annotations', record, checked.issues)}` });
      if (!known.has(checked.output.target.source)) return void other.set(checked.output.target.source, (other.get(checked.output.target.source) ?? 0) + 1);
      records.push(checked.output);
      report.restored++;
      return;
    }
    const source = isObj(target) ? str(target.source) ?? str(target.id) ?? '' : str(target) ?? '';
    const quote = isObj(target) ? quoteIn(target.selector) : undefined;
    if (!quote) return void report.pageNotes++;
    const place = placeQuote(docs, sourceByMetadata(docs, [source], []), quote);
    if (!place) return void other.set(source || '(no address)', (other.get(source || '(no address)') ?? 0) + 1);
    const id = str(item.id) ?? `${source}#${index}`;
    if (place.found.status !== 'anchored') return void report.orphans.push({ id, source: place.doc.meta.id, quote: quote.exact });
    const who = creatorOf(item);
    const made = foreignAnnotation({
      id: `w3c:${id}`, author: who.name, authorKey: `w3c:${who.key}`, created: str(item.created), modified: str(item.modified),
      ...bodyOf(item), doc: place.doc, start: place.found.start, end: place.found.end,
    });
    if ('problem' in made) return void report.invalid.push({ index, problem: `items[${index}]: ${made.problem}` });
    records.push(made.record);
    const author = authors.get(who.key) ?? { name: who.name, layer: foreignLayer(`w3c:${who.key}`), rows: 0 };
    author.rows++;
    authors.set(who.key, author);
    report.placed++;
    if (place.found.method === 'fuzzy') report.fuzzy++;
  });
  report.otherPages = [...other].map(([uri, rows]) => ({ uri, rows }));
  report.authors = [...authors.values()];
  return { ok: true, batch: { put: records.map((record) => ({ collection: 'annotations' as const, record })), layers: authorLayers(report.authors, records) }, report };
}
