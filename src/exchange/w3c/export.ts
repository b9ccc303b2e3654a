/**
 * Annotations as a W3C Web Annotation collection (JSON-LD): an `AnnotationCollection` whose
 * first page embeds every annotation. Targets name the source by its publisher's address where
 * the metadata has one (so other tools see the page they know), else by a `urn:` of its id.
 * What the W3C model has no term for — Crossread's source id and text hash, layer and version
 * (ADR 0004) — is given under the `crossread:` prefix, defined in the collection's context, so
 * JSON-LD processors keep it and the importer can restore the records exactly. Pure.
 */
import type { DocModel } from '../../corpus/types.ts';
import { ANNOTATION_CONTEXT, type Annotation } from '../../store/index.ts';

/** The prefix of Crossread's own terms. A URN: it names terms, and nothing is fetched from it. */
export const CROSSREAD_VOCAB = 'urn:crossread:vocab:';

export const W3C_CONTEXT = [
  ANNOTATION_CONTEXT,
  {
    crossread: CROSSREAD_VOCAB,
    'crossread:layer': { '@type': '@id' },
    'crossread:version': { '@type': '@json' },
  },
] as const;

/** The IRI a target names a source by. */
export function sourceIri(id: string, doc?: DocModel): string {
  return doc?.meta.url ?? `urn:crossread:source:${id}`;
}

export interface W3cAnnotation extends Omit<Annotation, '@context' | 'target' | 'layer' | 'version'> {
  target: {
    source: string;
    'crossread:source': string;
    'crossread:sourceHash': string;
    selector: Annotation['target']['selector'];
  };
  'crossread:layer': string;
  'crossread:version': Annotation['version'];
}

export interface W3cCollection {
  '@context': typeof W3C_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** One annotation in W3C form. */
export function toW3c(a: Annotation, doc?: DocModel): W3cAnnotation {
  const { '@context': _context, target, layer, version, ...rest } = a;
  return {
    ...rest,
    target: { source: sourceIri(target.source, doc), 'crossread:source': target.source, 'crossread:sourceHash': target.sourceHash, selector: target.selector },
    'crossread:layer': layer,
    'crossread:version': version,
  };
}

/** The collection `id` of `annotations`, labelled. */
export function toW3cCollection(annotations: readonly Annotation[], docs: readonly DocModel[], id: string, label: string): W3cCollection {
  const byId = new Map(docs.map((d) => [d.meta.id, d]));
  const items = annotations.map((a) => toW3c(a, byId.get(a.target.source)));
  return { '@context': W3C_CONTEXT, id, type: 'AnnotationCollection', label, total: items.length, first: { type: 'AnnotationPage', startIndex: 0, items } };
}
