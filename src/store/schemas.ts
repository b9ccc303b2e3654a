/**
 * valibot schemas for every record type. The import/export layer validates
 * untrusted JSON with these before it reaches the store; the store validates
 * the records it builds, so a bug cannot persist a record an export would reject.
 *
 * Objects are strict: an unknown key is an error rather than silently dropped,
 * because dropping would lose data on a round trip.
 */
import * as v from 'valibot';
import {
  LINK_RELATIONS,
  STANCES,
  type Claim,
  type EventRecord,
  type Link,
} from './claim-records.ts';
import { diffCollections, type AnyRecord, type RecordsDiff, type StoreDiff } from './diff.ts';
import { isOrderedRange, isPartialDate } from './partial-date.ts';
import {
  ANNOTATION_CONTEXT,
  RECORD_ID_PATTERN,
  motivationFor,
  type Annotation,
  type CollectionName,
  type Collections,
  type Setting,
  type TextChangeSeenSetting,
  type MapPositionSetting,
  type LayerSetting,
} from './records.ts';
import type { TextPositionSelector, TextQuoteSelector } from './selectors.ts';
import { MAX_SOURCE_AUTHORS, MAX_SOURCE_CHARS, MAX_SOURCE_TITLE, SOURCE_ID_PATTERN, type SourceRecord } from './source-records.ts';

/** Longest note accepted, in UTF-16 units; a guard against pasted books, not a style rule. */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest tag accepted. */
export const MAX_TAG_LENGTH = 200;
/** Longest creator name (and event name) accepted. */
export const MAX_NAME_LENGTH = 200;
/** Longest claim statement accepted: a claim is one sentence; the note holds the rest. */
export const MAX_STATEMENT_LENGTH = 500;

const nonEmpty = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const trimmed = v.check((s: string) => s.trim() === s, 'must not start or end with whitespace');
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const timestamp = v.pipe(v.string(), v.isoTimestamp());

/** W3C TextQuoteSelector. */
export const TextQuoteSelectorSchema: v.GenericSchema<TextQuoteSelector> = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1)),
  prefix: v.string(),
  suffix: v.string(),
});

/** W3C TextPositionSelector; `start <= end`. */
export const TextPositionSelectorSchema: v.GenericSchema<TextPositionSelector> = v.pipe(
  v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((s) => s.start <= s.end, 'start must not exceed end'),
);

/** Record id: `urn:uuid:` + lowercase UUID. */
export const RecordIdSchema = v.pipe(v.string(), v.regex(RECORD_ID_PATTERN, 'must be urn:uuid:<lowercase uuid>'));

/**
 * A record's version (`versions.ts`): replica id → count of its writes. `{}`
 * is what builders return before the store stamps the first version; the
 * store never saves it, and records from outside must not carry it.
 */
export const VersionSchema = v.record(RecordIdSchema, v.pipe(v.number(), v.integer(), v.minValue(1)));

/** Id of a layer (whose map a record belongs to): `urn:uuid:` like record ids. */
export const LayerIdSchema = RecordIdSchema;

const CommentBodySchema = v.strictObject({
  type: v.literal('TextualBody'),
  purpose: v.literal('commenting'),
  value: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NOTE_LENGTH)),
  format: v.literal('text/markdown'),
});

const TagBodySchema = v.strictObject({
  type: v.literal('TextualBody'),
  purpose: v.literal('tagging'),
  value: v.pipe(nonEmpty(MAX_TAG_LENGTH), trimmed),
});

const EventBodySchema = v.strictObject({
  type: v.literal('SpecificResource'),
  purpose: v.literal('classifying'),
  source: RecordIdSchema,
});

const unique = (values: string[]) => new Set(values).size === values.length;

const BodySchema = v.pipe(
  v.array(v.variant('purpose', [CommentBodySchema, TagBodySchema, EventBodySchema])),
  v.check((body) => body.filter((b) => b.purpose === 'commenting').length <= 1, 'at most one note'),
  v.check((body) => {
    const tags = body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
    return new Set(tags).size === tags.length;
  }, 'tags must be unique'),
  v.check((body) => unique(body.flatMap((b) => (b.purpose === 'classifying' ? [b.source] : []))), 'events must be unique'),
);

// Every record kind: a clock set back must not make a record look edited before it was made.
const inOrder = (r: { created: string; modified: string }) => Date.parse(r.modified) >= Date.parse(r.created);
const MODIFIED_AFTER_CREATED = 'modified must not precede created';

/** A complete annotation, including the rules that tie fields together. */
export const AnnotationSchema: v.GenericSchema<Annotation> = v.pipe(
  v.strictObject({
    '@context': v.literal(ANNOTATION_CONTEXT),
    id: RecordIdSchema,
    type: v.literal('Annotation'),
    motivation: v.picklist(['highlighting', 'commenting', 'tagging', 'classifying']),
    created: timestamp,
    modified: timestamp,
    creator: v.strictObject({ type: v.literal('Person'), name: nonEmpty(MAX_NAME_LENGTH) }),
    body: BodySchema,
    target: v.strictObject({
      source: v.pipe(v.string(), v.minLength(1)),
      sourceHash: v.pipe(v.string(), v.minLength(1)),
      selector: v.strictTuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
    }),
    layer: LayerIdSchema,
    version: VersionSchema,
  }),
  v.check((a) => a.motivation === motivationFor(a.body), 'motivation must match the body'),
  v.check((a) => inOrder(a), MODIFIED_AFTER_CREATED),
);

const coordinate = v.pipe(v.number(), v.finite(), v.minValue(-1e7), v.maxValue(1e7));

/** The reader's display name. */
export const CreatorNameSettingSchema: v.GenericSchema<Setting> = v.strictObject({
  id: v.literal('creatorName'),
  value: v.pipe(nonEmpty(MAX_NAME_LENGTH), trimmed),
});

/** What the reader was last told about a source's changed text. */
export const TextChangeSeenSettingSchema: v.GenericSchema<TextChangeSeenSetting> = v.strictObject({
  id: v.custom<TextChangeSeenSetting['id']>((id) => typeof id === 'string' && /^textChangeSeen:./.test(id), 'must be textChangeSeen:<source id>'),
  value: v.strictObject({
    text: v.pipe(v.string(), v.minLength(1)),
    ids: v.array(RecordIdSchema),
  }),
});

/** Where a claim stands on the map: finite coordinates, within a range no drawing reaches. */
export const MapPositionSettingSchema: v.GenericSchema<MapPositionSetting> = v.strictObject({
  id: v.custom<MapPositionSetting['id']>((id) => typeof id === 'string' && /^mapPos:./.test(id), 'must be mapPos:<claim id>'),
  value: v.strictObject({ x: coordinate, y: coordinate }),
});

/** How this reader knows another layer (ADR 0013). */
export const LayerSettingSchema: v.GenericSchema<LayerSetting> = v.strictObject({
  id: v.custom<LayerSetting['id']>((id) => typeof id === 'string' && /^layer:./.test(id), 'must be layer:<layer id>'),
  value: v.strictObject({
    name: v.pipe(nonEmpty(MAX_NAME_LENGTH), trimmed),
    role: v.picklist(['instructor', 'student']),
    course: v.optional(v.pipe(nonEmpty(MAX_NAME_LENGTH), trimmed)),
    colour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
    hidden: v.boolean(),
  }),
});

/**
 * Any settings record, its schema chosen by `id` (not a union: a union's
 * failure names no field, and a damaged setting must say what is wrong).
 */
export const SettingSchema: v.GenericSchema<Setting> = v.lazy((input) => {
  const id = typeof input === 'object' && input !== null ? String((input as { id?: unknown }).id) : '';
  if (id.startsWith('textChangeSeen:')) return TextChangeSeenSettingSchema;
  if (id.startsWith('mapPos:')) return MapPositionSettingSchema;
  if (id.startsWith('layer:')) return LayerSettingSchema;
  return CreatorNameSettingSchema;
});

const CreatorSchema = v.strictObject({ type: v.literal('Person'), name: nonEmpty(MAX_NAME_LENGTH) });
const markdown = v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH), v.check((s: string) => s.trim() !== '', 'must not be blank'));
const TagsSchema = v.pipe(v.array(v.pipe(nonEmpty(MAX_TAG_LENGTH), trimmed)), v.check(unique, 'tags must be unique'));

/** One piece of evidence: an annotation id and a stance. */
export const EvidenceSchema = v.strictObject({ annotation: RecordIdSchema, stance: v.picklist(STANCES) });

/** A claim. Zero evidence is valid (see `Claim.evidence`); citing one annotation twice is not. */
export const ClaimSchema: v.GenericSchema<Claim> = v.pipe(
  v.strictObject({
    id: RecordIdSchema,
    type: v.literal('Claim'),
    statement: v.pipe(nonEmpty(MAX_STATEMENT_LENGTH), trimmed),
    note: v.optional(markdown),
    tags: TagsSchema,
    events: v.pipe(v.array(RecordIdSchema), v.check(unique, 'events must be unique')),
    evidence: v.pipe(v.array(EvidenceSchema), v.check((e) => unique(e.map((x) => x.annotation)), 'an annotation is cited at most once')),
    creator: CreatorSchema,
    created: timestamp,
    modified: timestamp,
    layer: LayerIdSchema,
    version: VersionSchema,
  }),
  v.check((r) => inOrder(r), MODIFIED_AFTER_CREATED),
);

/** A link between two different claims. */
export const LinkSchema: v.GenericSchema<Link> = v.pipe(
  v.strictObject({
    id: RecordIdSchema,
    type: v.literal('Link'),
    relation: v.picklist(LINK_RELATIONS),
    from: RecordIdSchema,
    to: RecordIdSchema,
    rationale: v.optional(markdown),
    creator: CreatorSchema,
    created: timestamp,
    modified: timestamp,
    layer: LayerIdSchema,
    version: VersionSchema,
  }),
  v.check((l) => l.from !== l.to, 'a claim cannot be linked to itself'),
  v.check((r) => inOrder(r), MODIFIED_AFTER_CREATED),
);

const partialDate = v.pipe(v.string(), v.check(isPartialDate, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD'));

/** An event: name and a range of partial ISO dates, end not before start. */
export const EventRecordSchema: v.GenericSchema<EventRecord> = v.pipe(
  v.strictObject({
    id: RecordIdSchema,
    type: v.literal('Event'),
    name: v.pipe(nonEmpty(MAX_NAME_LENGTH), trimmed),
    start: partialDate,
    end: v.optional(partialDate),
    creator: CreatorSchema,
    created: timestamp,
    modified: timestamp,
    layer: LayerIdSchema,
    version: VersionSchema,
  }),
  // Judged between valid dates only: an invalid one is its own field's problem.
  v.check((e) => !isPartialDate(e.start) || (e.end !== undefined && !isPartialDate(e.end)) || isOrderedRange(e.start, e.end), 'the end date must not precede the start date'),
  v.check((r) => inOrder(r), MODIFIED_AFTER_CREATED),
);

/** A source the reader added (ADR 0014): a slug id the route can carry, its text within the cap. */
export const SourceRecordSchema: v.GenericSchema<SourceRecord> = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(SOURCE_ID_PATTERN, 'must be user-<slug>-<hash>')),
    type: v.literal('Source'),
    title: v.pipe(nonEmpty(MAX_SOURCE_TITLE), trimmed),
    authors: v.pipe(v.array(v.pipe(nonEmpty(MAX_NAME_LENGTH), trimmed)), v.maxLength(MAX_SOURCE_AUTHORS)),
    year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-5000), v.maxValue(10_000))),
    format: v.picklist(['markdown', 'text']),
    text: v.pipe(v.string(), v.maxLength(MAX_SOURCE_CHARS), v.check((s: string) => s.trim() !== '', 'must not be blank')),
    hash: v.pipe(v.string(), v.regex(/^[0-9a-z]{11}$/, 'must be a content hash')),
    created: timestamp,
    modified: timestamp,
    layer: LayerIdSchema,
    version: VersionSchema,
  }),
  v.check((s) => s.id.endsWith(`-${s.hash.slice(-10)}`), 'the id must end with the text’s hash'),
  v.check((r) => inOrder(r), MODIFIED_AFTER_CREATED),
);

/**
 * One schema per collection, so generic code (import, the store's own check)
 * can validate a record knowing only its collection name.
 */
export const RecordSchemas: { [C in CollectionName]: v.GenericSchema<Collections[C]> } = {
  annotations: AnnotationSchema,
  settings: SettingSchema,
  claims: ClaimSchema,
  links: LinkSchema,
  events: EventRecordSchema,
  sources: SourceRecordSchema,
};

/** Human-readable reasons a record fails its schema, e.g. `body.0.value: Invalid length`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Every schema problem of the records a diff adds or updates (the store checks what it builds before saving). */
export function recordProblems(diff: StoreDiff): string[] {
  const problems: string[] = [];
  for (const c of diffCollections(diff)) {
    const part: RecordsDiff<AnyRecord> = diff[c]!; // typed: Object.values of a union of parts is any[]
    for (const record of [...Object.values(part.added), ...Object.values(part.updated).map(([, to]) => to)]) {
      const result = v.safeParse(RecordSchemas[c], record);
      if (!result.success) problems.push(...describeIssues(result.issues));
    }
  }
  return problems;
}
