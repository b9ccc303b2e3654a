/**
 * What every export format reads: the records of a claim map and the sources they cite, with
 * each passage placed in its source's current text (as the reader places it, so an edited
 * source still gives the right ¶). Pure; a format is records in, text out.
 */
import { placeAnnotations } from '../../annotate/anchored.ts';
import { paragraphAt } from '../../corpus/paragraphs.ts';
import type { DocMeta, DocModel } from '../../corpus/types.ts';
import type { Annotation, Claim, EventRecord, Link } from '../../store/index.ts';

/** The records to export and the sources they cite. */
export interface ExportData {
  annotations: readonly Annotation[];
  claims: readonly Claim[];
  links: readonly Link[];
  events: readonly EventRecord[];
  /** Models of the sources, in library order; a source not among them is cited by its id. */
  docs: readonly DocModel[];
}

/** A passage as a citation reads it. */
export interface Passage {
  annotation: Annotation;
  source: string;
  /** "Anisin 2026"; the source id when its model is not given. */
  cite: string;
  /** ¶ in the source's current text; undefined when the passage is no longer found there. */
  paragraph?: number;
  /** The exact text the passage was made on. */
  quote: string;
}

/** Passages by annotation id, placed once per source. */
export function passagesOf(data: Pick<ExportData, 'annotations' | 'docs'>): Map<string, Passage> {
  const docs = new Map(data.docs.map((d) => [d.meta.id, d]));
  const bySource = new Map<string, Annotation[]>();
  for (const a of data.annotations) {
    const list = bySource.get(a.target.source);
    if (list) list.push(a);
    else bySource.set(a.target.source, [a]);
  }
  const out = new Map<string, Passage>();
  for (const [source, annotations] of bySource) {
    const doc = docs.get(source);
    const cite = doc?.meta.cite ?? source;
    const paragraphs = new Map<string, number | undefined>();
    if (doc) for (const p of placeAnnotations(doc, annotations).placed) paragraphs.set(p.annotation.id, paragraphAt(doc.blocks, p.start));
    for (const a of annotations) {
      out.set(a.id, { annotation: a, source, cite, paragraph: paragraphs.get(a.id), quote: a.target.selector[0].exact });
    }
  }
  return out;
}

/** "Anisin 2026, ¶4", or "Anisin 2026, passage not found" for a passage edited away. */
export function citeText(p: Pick<Passage, 'cite' | 'paragraph'>): string {
  return p.paragraph === undefined ? `${p.cite}, passage not found` : `${p.cite}, \u00b6${p.paragraph}`;
}

/** The sources in library order, then any cited source that has no model, by id. */
export function sourcesOf(data: Pick<ExportData, 'annotations' | 'docs'>): Array<Pick<DocMeta, 'id' | 'cite'> & { meta?: DocMeta }> {
  const known = data.docs.map((d) => ({ id: d.meta.id, cite: d.meta.cite, meta: d.meta }));
  const ids = new Set(known.map((k) => k.id));
  const extra = [...new Set(data.annotations.map((a) => a.target.source))].filter((id) => !ids.has(id)).sort();
  return [...known, ...extra.map((id) => ({ id, cite: id }))];
}

/**
 * Where a claim is made: the source of its first passage that asserts or mentions it, else of
 * its first passage at all; undefined for a claim with no passage left.
 */
export function homeOf(claim: Claim, passages: ReadonlyMap<string, Passage>): string | undefined {
  const own = claim.evidence.find((e) => e.stance !== 'argues-against' && passages.has(e.annotation));
  const any = own ?? claim.evidence.find((e) => passages.has(e.annotation));
  return any ? passages.get(any.annotation)!.source : undefined;
}
