// Shared by the Node and Chromium store tests: valid records built the way the app builds them.
import {
  buildAnnotation,
  type Annotation,
  type AnnotationDraft,
  type AnnotationTarget,
} from '../../src/store/index.ts';

/** A target whose quote and offsets agree, `n` characters into `source`. */
export function target(source = 'doc-a', n = 0, exact = `passage ${n}`): AnnotationTarget {
  return {
    source,
    sourceHash: `sha256-${source}`,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: n, end: n + exact.length },
    ],
  };
}

/** A draft with a note and tags, for store actions. */
export function draft(n = 0, extra: Partial<AnnotationDraft> = {}): AnnotationDraft {
  return { target: target('doc-a', n * 100), note: `Note ${n}`, tags: ['claim'], ...extra };
}

/** The `n`th deterministic id. */
export function fixedId(n: number): string {
  return `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The layer of fixture records: as if made in a database whose local layer is this id. */
export const LAYER = 'urn:uuid:00000000-0000-4000-8000-00000000aaaa';

/** A replica that wrote fixture records elsewhere (ADR 0004). */
export const REPLICA = 'urn:uuid:00000000-0000-4000-8000-00000000bbbb';

/** A complete valid annotation with a deterministic id and timestamp, as built (not yet saved: `version: {}`). */
export function annotation(n = 0, extra: Partial<AnnotationDraft> = {}): Annotation {
  return buildAnnotation(draft(n, extra), { id: fixedId(n), now: '2025-01-02T03:04:05.000Z', creatorName: 'Ada', layer: LAYER });
}
