/**
 * The claim-map file's shape as valibot schemas: the reader checks a file part by part with
 * them (to name each problem's place), and docs/crossread-map.schema.json is generated from
 * `MapFileSchema` (`npm run schema`), so the documented format cannot drift from the checked one.
 */
import * as v from 'valibot';
import { AnnotationSchema, ClaimSchema, EventRecordSchema, LinkSchema, RecordIdSchema, VersionSchema } from '../../store/schemas.ts';
import { MAP_FORMAT, MAP_VERSION } from './format.ts';

export const MapLayerSchema = v.strictObject({
  id: RecordIdSchema,
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200)),
  role: v.picklist(['instructor', 'student'], 'must be "instructor" or "student"'),
  course: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

export const SourceSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case slug')),
  title: v.pipe(v.string(), v.maxLength(1000)),
  hash: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  cite: v.optional(v.pipe(v.string(), v.maxLength(200))),
  authors: v.optional(v.array(v.pipe(v.string(), v.maxLength(200)))),
  year: v.optional(v.pipe(v.number(), v.integer())),
  text: v.optional(v.string()),
  format: v.optional(v.picklist(['markdown', 'text'])),
  created: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  modified: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  layer: v.optional(RecordIdSchema),
  version: v.optional(VersionSchema),
});

export const PositionSchema = v.strictObject({
  claim: RecordIdSchema,
  x: v.pipe(v.number(), v.finite()),
  y: v.pipe(v.number(), v.finite()),
});

/** A whole file: what docs/crossread-map.schema.json documents. */
export const MapFileSchema = v.strictObject({
  format: v.literal(MAP_FORMAT),
  version: v.literal(MAP_VERSION),
  exported: v.pipe(v.string(), v.isoTimestamp()),
  layer: MapLayerSchema,
  refers: v.optional(v.array(MapLayerSchema)),
  sources: v.array(SourceSchema),
  annotations: v.array(AnnotationSchema),
  claims: v.array(ClaimSchema),
  links: v.array(LinkSchema),
  events: v.array(EventRecordSchema),
  positions: v.optional(v.array(PositionSchema)),
});
