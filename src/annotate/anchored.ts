import { anchor, anchorAll, describe, type Anchor, type Selector } from '../anchoring/index.ts';
import type { Annotation, AnnotationTarget } from '../store/index.ts';
import { tagsOf } from '../store/index.ts';
import type { DocModel } from '../corpus/types.ts';

/** An annotation placed in the current text of its source. */
export interface Placed {
  annotation: Annotation;
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** A source's annotations split into those placed in the text (reading order) and orphans. */
export interface Placement {
  placed: Placed[];
  orphans: Annotation[];
}

/**
 * Anchor every annotation of a document in its current text, together: where text was added or
 * cut before a passage, the passages found around it say where it went (anchor-all.ts). Orphans
 * are kept, never dropped: an annotation whose passage was edited away is listed apart with its
 * quote.
 */
export function placeAnnotations(doc: DocModel, annotations: readonly Annotation[]): Placement {
  const placed: Placed[] = [];
  const orphans: Annotation[] = [];
  const found = anchorEach(doc.text, annotations.map((a) => a.target.selector));
  annotations.forEach((a, i) => {
    const r = found[i]!;
    if (r.status === 'anchored') placed.push({ annotation: a, start: r.start, end: r.end, method: r.method });
    else orphans.push(a);
  });
  placed.sort((x, y) => x.start - y.start || y.end - x.end);
  return { placed, orphans };
}

/**
 * anchorAll, or where it throws (an engine bug on some passage), each passage on its own, one
 * that throws left an orphan: a bug on one passage must not cost a source all its highlights.
 */
function anchorEach(text: string, selectors: ReadonlyArray<readonly Selector[]>): Anchor[] {
  try {
    return anchorAll(text, selectors);
  } catch (error) {
    console.error('Anchoring failed; placing passages one by one.', error);
    return selectors.map((s): Anchor => {
      try {
        return anchor(text, s);
      } catch {
        return { status: 'orphan', score: 0, reason: 'anchoring failed' };
      }
    });
  }
}

/** The target of a new annotation on [start, end) of a document's text. */
export function targetFor(doc: DocModel, start: number, end: number): AnnotationTarget {
  return { source: doc.meta.id, sourceHash: doc.hash, selector: describe(doc.text, start, end) };
}

/** A bare highlight of the layer's on exactly [start, end), if there is one: highlighting it again adds nothing. */
export function highlightOn(placed: readonly Placed[], start: number, end: number, layer: string | undefined): Placed | undefined {
  return placed.find((p) => p.start === start && p.end === end && p.annotation.body.length === 0 && p.annotation.layer === layer);
}

/** Annotations covering a text offset, innermost (shortest) first: what a click there means. */
export function annotationsAt(placed: readonly Placed[], offset: number): Placed[] {
  return placed.filter((p) => p.start <= offset && offset < p.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Number of highlight colours (CSS `::highlight(cr-h0)` … `cr-h5`). */
export const COLOURS = 6;

/** What highlight colours stand for: the first tag, or the person who wrote the annotation. */
export type ColourBy = 'tag' | 'author';

/** Colour slot of an annotation: by its first tag (0 when untagged) or by its author, so one tag
 * or one person is one colour everywhere. */
export function colourOf(a: Annotation, by: ColourBy = 'tag'): number {
  const key = by === 'author' ? a.creator.name : tagsOf(a)[0];
  if (!key) return 0;
  let h = 0;
  for (const ch of key.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 1 + (h % (COLOURS - 1));
}
