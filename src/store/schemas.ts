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
  ANNOTATION_CONTEXT,
  RECORD_ID_PATTERN,
  motivationFor,
  type Annotation,
  type CollectionName,
  type Collections,
  type Setting,
} from './records.ts';
import type { TextPositionSelector, TextQuoteSelector } from './selectors.ts';

/** Longest note accepted, in UTF-16 units; a guard against pasted books, not a style rule. */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest tag accepted. */
export const MAX_TAG_LENGTH = 200;
/** Longest creator name accepted. */
export const MAX_NAME_LENGTH = 200;

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

const BodySchema = v.pipe(
  v.array(v.variant('purpose', [CommentBodySchema, TagBodySchema])),
  v.check((body) => body.filter((b) => b.purpose === 'commenting').length <= 1, 'at most one note'),
  v.check((body) => {
    const tags = body.filter((b) => b.purpose === 'tagging').map((b) => b.value);
    return new Set(tags).size === tags.length;
  }, 'tags must be unique'),
);

/** A complete annotation, including the rules that tie fields together. */
export const AnnotationSchema: v.GenericSchema<Annotation> = v.pipe(
  v.strictObject({
    '@context': v.literal(ANNOTATION_CONTEXT),
    id: RecordIdSchema,
    type: v.literal('Annotation'),
    motivation: v.picklist(['highlighting', 'commenting', 'tagging']),
    created: timestamp,
    modified: timestamp,
    creator: v.strictObject({ type: v.literal('Person'), name: nonEmpty(MAX_NAME_LENGTH) }),
    body: BodySchema,
    target: v.strictObject({
      source: v.pipe(v.string(), v.minLength(1)),
      sourceHash: v.pipe(v.string(), v.minLength(1)),
      selector: v.strictTuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
    }),
  }),
  v.check((a) => a.motivation === motivationFor(a.body), 'motivation must match the body'),
  v.check((a) => Date.parse(a.modified) >= Date.parse(a.created), 'modified must not precede created'),
);

/** The reader's display name. */
export const CreatorNameSettingSchema: v.GenericSchema<Setting> = v.strictObject({
  id: v.literal('creatorName'),
  value: v.pipe(nonEmpty(MAX_NAME_LENGTH), trimmed),
});

/** Any settings record, discriminated by `id`. */
export const SettingSchema: v.GenericSchema<Setting> = CreatorNameSettingSchema;

/**
 * One schema per collection, so generic code (import, the store's own check)
 * can validate a record knowing only its collection name.
 */
export const RecordSchemas: { [C in CollectionName]: v.GenericSchema<Collections[C]> } = {
  annotations: AnnotationSchema,
  settings: SettingSchema,
};

/** Human-readable reasons a record fails its schema, e.g. `body.0.value: Invalid length`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
