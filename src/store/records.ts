/**
 * Record types of the store and pure functions that build them.
 *
 * Annotations follow the W3C Web Annotation Data Model so an export is
 * readable by other tools without translation. Everything here is pure
 * (no IndexedDB, no DOM) and runs under vitest in Node.
 */
import { hash53 } from '../corpus/hash.ts';
import type { Claim, EventRecord, Link } from './claim-records.ts';
import type { SourceRecord } from './source-records.ts';
import { modifiedAt, normalizeTags, type BuildContext, type Creator, type Version } from './record-base.ts';
import type { TextPositionSelector, TextQuoteSelector } from './selectors.ts';

export type { TextPositionSelector, TextQuoteSelector } from './selectors.ts';
// Kept importable from here: every module that builds annotations reads them with these.
export { modifiedAt, normalizeTags, splitTags, type BuildContext, type Creator } from './record-base.ts';
export type { Version } from './record-base.ts';

/** JSON-LD context every annotation carries. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Why an annotation exists; derived from its body by {@link motivationFor}. */
export type Motivation = 'highlighting' | 'commenting' | 'tagging' | 'classifying';

/** A Markdown note. An annotation has at most one. */
export interface CommentBody {
  type: 'TextualBody';
  purpose: 'commenting';
  value: string;
  format: 'text/markdown';
}

/** One tag; an annotation has one body per tag. */
export interface TagBody {
  type: 'TextualBody';
  purpose: 'tagging';
  value: string;
}

/**
 * The annotated passage is about an event (see ADR 0003): a W3C
 * `SpecificResource` body whose `source` is the id of an event record.
 * An annotation has one per event, after its tags.
 */
export interface EventBody {
  type: 'SpecificResource';
  purpose: 'classifying';
  /** Id of an {@link EventRecord}. */
  source: string;
}

/** Any annotation body. */
export type AnnotationBody = CommentBody | TagBody | EventBody;

/** Where an annotation points: a corpus document plus two selectors, quote first. */
export interface AnnotationTarget {
  /** Corpus document id. */
  source: string;
  /** Content hash of the document text the selectors were made against. */
  sourceHash: string;
  selector: [TextQuoteSelector, TextPositionSelector];
}

/** A W3C Web Annotation as Crossread stores and exports it. */
export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  /** `urn:uuid:` + a lowercase UUID; see {@link newRecordId}. */
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  /** ISO 8601 timestamp. */
  created: string;
  /** ISO 8601 timestamp, never before `created`. */
  modified: string;
  creator: Creator;
  body: AnnotationBody[];
  target: AnnotationTarget;
  /**
   * Id of the layer (whose map) the annotation belongs to, `urn:uuid:`; never
   * changes (ADR 0004). Not a W3C term: an exporter maps it to a namespaced one.
   */
  layer: string;
  /** Which writes of this record this is (`versions.ts`); the store stamps it on every save. */
  version: Version;
}

/**
 * The reader's display name, copied into `creator.name` of new annotations.
 * Settings are records keyed by a fixed `id`; add variants to this union.
 */
export interface CreatorNameSetting {
  id: 'creatorName';
  value: string;
}

/**
 * What the reader was last told about a source's text having changed: the hash of the text
 * then, and the annotations made on earlier texts that the notice covered. The notice comes
 * again only for another text or for annotations not in `ids` (`annotate/text-changes.ts`).
 */
export interface TextChangeSeen {
  /** Hash of the source's text when the notice was shown (`DocModel.hash`). */
  text: string;
  /** Annotations made on other texts that the notice covered, sorted. */
  ids: string[];
}

/** One per source, id `textChangeSeen:<source id>`: settings never travel (ADR 0004). */
export interface TextChangeSeenSetting {
  id: `textChangeSeen:${string}`;
  value: TextChangeSeen;
}

/** Id of a source's {@link TextChangeSeenSetting}. */
export const textChangeSeenId = (source: string): TextChangeSeenSetting['id'] => `textChangeSeen:${source}`;

/** Where a claim stands on the argument map: the top-left corner of its node, in map units. */
export interface MapPosition {
  x: number;
  y: number;
}

/**
 * One per claim on the map, id `mapPos:<claim id>` (ADR 0011): one record per node, so two tabs
 * moving different nodes never touch the same record.
 */
export interface MapPositionSetting {
  id: `mapPos:${string}`;
  value: MapPosition;
}

/** Id of a claim's {@link MapPositionSetting}. */
export const mapPositionId = (claimId: string): MapPositionSetting['id'] => `mapPos:${claimId}`;

/** Whose map a layer is: what its file said (ADR 0013). */
export type LayerRole = 'instructor' | 'student';

/**
 * How this reader knows and shows a layer other than their own (ADR 0013): written when the
 * layer's map arrives, changed by showing or hiding it. Settings never travel.
 */
export interface LayerInfo {
  /** Display name of the layer's author. */
  name: string;
  role: LayerRole;
  course?: string;
  /** Palette slot, given once when the layer arrives, so a layer keeps its colour in every view. */
  colour: number;
  /** A hidden layer's records are left out of every view; they stay stored. */
  hidden: boolean;
}

/** One per known layer, id `layer:<layer id>`. */
export interface LayerSetting {
  id: `layer:${string}`;
  value: LayerInfo;
}

/** Id of a layer's {@link LayerSetting}. */
export const layerSettingId = (layer: string): LayerSetting['id'] => `layer:${layer}`;

/** Any settings record. */
export type Setting = CreatorNameSetting | TextChangeSeenSetting | MapPositionSetting | LayerSetting;

/** Name used when the reader has not set one yet. */
export const ANONYMOUS = 'Anonymous';

/** What a user supplies to create an annotation; the rest is derived. */
export interface AnnotationDraft {
  target: AnnotationTarget;
  /** Markdown note; blank means none. */
  note?: string;
  /** Tags; trimmed, blanks dropped, duplicates removed (first spelling wins). */
  tags?: readonly string[];
  /** Ids of events the passage is about; each must exist. */
  events?: readonly string[];
}

/** A change to an existing annotation; omitted fields stay as they are. */
export interface AnnotationChange {
  /** New note; `null` or blank removes it. */
  note?: string | null;
  /** Replaces all tags. */
  tags?: readonly string[];
  /** Replaces all event ids. */
  events?: readonly string[];
  /** New target, e.g. after re-anchoring to a changed document. */
  target?: AnnotationTarget;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Pattern of every record id made by {@link newRecordId}. */
export const RECORD_ID_PATTERN = new RegExp(`^urn:uuid:${UUID.source.slice(1, -1)}$`);

/**
 * A new globally unique record id, `urn:uuid:<v4 uuid>`. Globally unique so
 * that records from different machines merge on import without renaming.
 */
export function newRecordId(): string {
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  if (typeof crypto.randomUUID === 'function') return `urn:uuid:${crypto.randomUUID()}`;
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The record id for something made elsewhere that has an id of its own there (a Hypothesis
 * annotation, a Hypothesis user's layer): the same `seed` always gives the same id, so
 * importing the same file twice finds its records instead of copying them. A name-based
 * UUID (version 5 layout) from three independent 53-bit hashes of the seed.
 */
export function stableRecordId(seed: string): string {
  const h = [1, 2, 3].map((n) => hash53(seed, n).toString(16).padStart(14, '0')).join('');
  const hex = `${h.slice(0, 12)}5${h.slice(13, 16)}${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 32)}`;
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** note → commenting; else tags → tagging; else events → classifying; none → highlighting. */
export function motivationFor(body: readonly AnnotationBody[]): Motivation {
  if (body.some((b) => b.purpose === 'commenting')) return 'commenting';
  if (body.some((b) => b.purpose === 'tagging')) return 'tagging';
  if (body.some((b) => b.purpose === 'classifying')) return 'classifying';
  return 'highlighting';
}

/** The note of an annotation, or `undefined`. */
export function noteOf(annotation: Annotation): string | undefined {
  return annotation.body.find((b): b is CommentBody => b.purpose === 'commenting')?.value;
}

/** The tags of an annotation, in order. */
export function tagsOf(annotation: Annotation): string[] {
  return annotation.body.filter((b): b is TagBody => b.purpose === 'tagging').map((b) => b.value);
}

/** Ids of the events an annotation is about, in order. */
export function eventsOf(annotation: Annotation): string[] {
  return annotation.body.filter((b): b is EventBody => b.purpose === 'classifying').map((b) => b.source);
}

/** The body for a note, tags and events: the note (if any) first, then tags, then events. */
export function makeBody(
  note: string | null | undefined,
  tags: readonly string[],
  events: readonly string[] = [],
): AnnotationBody[] {
  const body: AnnotationBody[] = [];
  // The note is kept verbatim (Markdown is whitespace-sensitive); only a blank note is no note.
  if (note != null && note.trim() !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: note, format: 'text/markdown' });
  }
  for (const value of normalizeTags(tags)) body.push({ type: 'TextualBody', purpose: 'tagging', value });
  for (const source of new Set(events)) body.push({ type: 'SpecificResource', purpose: 'classifying', source });
  return body;
}

/** A complete annotation from a draft. Copies the target so callers cannot alias it. */
export function buildAnnotation(draft: AnnotationDraft, ctx: BuildContext): Annotation {
  const body = makeBody(draft.note, draft.tags ?? [], draft.events);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: ctx.id,
    type: 'Annotation',
    motivation: motivationFor(body),
    created: ctx.now,
    modified: ctx.now,
    creator: { type: 'Person', name: ctx.creatorName },
    body,
    target: structuredClone(draft.target),
    layer: ctx.layer,
    // Not saved yet: the store stamps the first version when it commits.
    version: {},
  };
}

/** `annotation` with `change` applied and `modified` bumped; the input is not mutated. */
export function changeAnnotation(annotation: Annotation, change: AnnotationChange, now: string): Annotation {
  const note = change.note === undefined ? noteOf(annotation) : change.note;
  const body = makeBody(note, change.tags ?? tagsOf(annotation), change.events ?? eventsOf(annotation));
  return {
    ...structuredClone(annotation),
    motivation: motivationFor(body),
    modified: modifiedAt(annotation, now),
    body,
    target: structuredClone(change.target ?? annotation.target),
  };
}

/**
 * Every collection of the store and its record type. Each collection is one
 * IndexedDB object store (keyPath `id`) and one in-memory Map. To add one:
 * add it here, to `COLLECTION_SET`, `emptyState`, `RecordSchemas`, the
 * references in `integrity.ts` and the DB schema with an upgrade block.
 */
export interface Collections {
  annotations: Annotation;
  settings: Setting;
  /** v3: propositions backed by annotations. */
  claims: Claim;
  /** v3: relations between two claims. */
  links: Link;
  /** v3: named happenings with a date range. */
  events: EventRecord;
  /** v5: sources the reader added to the library (ADR 0014). */
  sources: SourceRecord;
}

/** Name of a collection (and of its object store). */
export type CollectionName = keyof Collections;

// A mapped object rather than an array literal so that forgetting a collection fails tsc.
const COLLECTION_SET: { [C in CollectionName]: true } = {
  annotations: true,
  settings: true,
  claims: true,
  links: true,
  events: true,
  sources: true,
};

/** All collection names. */
export const COLLECTION_NAMES = Object.keys(COLLECTION_SET) as readonly CollectionName[];

/** Each kind of record in the reader's words, for every message that names one ("There is no
 * passage …", "This claim was deleted in another tab"): an annotation is a passage to the reader. */
export const RECORD_NOUN: { readonly [C in CollectionName]: string } = {
  annotations: 'passage',
  settings: 'setting',
  claims: 'claim',
  links: 'link',
  events: 'event',
  sources: 'source',
};
