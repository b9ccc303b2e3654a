/**
 * Reading a claim-map file someone else made: everything is checked before anything is
 * written, and every problem is reported with its place in the file (`claims[2].statement`)
 * and what is wrong in the reader's words. The result is a batch for the store's one door
 * (`receive`, ADR 0004), which merges it all or nothing. Pure.
 */
import * as v from 'valibot';
import { reasonFor } from '../../store/damage-words.ts';
import { eventsOf, RecordSchemas, SourceRecordSchema, type CrossreadStore, type IncomingBatch, type IncomingRecord, type SourceRecord } from '../../store/index.ts';
import type { SharedCollection } from '../../store/receive.ts';
import { MAP_FORMAT, MAP_VERSION, MAX_DEPTH, MAX_FILE_CHARS, MAX_PROBLEMS, type MapFile } from './format.ts';
import { MapLayerSchema, PositionSchema, SourceSchema } from './schema.ts';
import { jsonDepth, prototypeKeys } from '../json-guard.ts';
import { missingMaps, type Missing } from './missing-maps.ts';

/** One problem of a file: where it is (`''` for the file as a whole) and what is wrong. */
export interface MapFileProblem {
  path: string;
  message: string;
}

/** What a file may refer to that this installation holds: records of a collection, or layers. */
export type Held = SharedCollection | 'layers';

/** What this installation already has, that a file may refer to without carrying it. */
export interface ReadContext {
  /** Sources of the library: a passage may be on one of them. */
  sources: ReadonlyArray<{ id: string; hash: string }>;
  /** Whether a record exists here (a student's link may point at the instructor's claim), or a
   * layer (`'layers'`: the reader's own, or one whose records or name this installation holds). */
  has(collection: Held, id: string): boolean;
  /** The hash Crossread gives a text (`renderedHash`; undefined if it cannot read it), to tell
   * whether a carried source's text is the one its hash names; null where no source is carried
   * and the Markdown pipeline is not loaded (the sample map, read on the page). */
  hashOf: ((text: string, format: SourceRecord['format']) => string | undefined) | null;
}

/** What `store` holds, as a reader asks: records by collection, layers by id (its own and those it knows). */
export function heldIn(store: Pick<CrossreadStore, SharedCollection | 'layers'>): ReadContext['has'] {
  return (c, id) => (c === 'layers' ? store.layers().some((l) => l.id === id) : store[c].has(id));
}

export type MapRead =
  | { ok: true; file: MapFile; batch: IncomingBatch; notes: string[] }
  | { ok: false; problems: MapFileProblem[]; more: number };

const COLLECTIONS = ['events', 'annotations', 'claims', 'links'] as const;

const EnvelopeSchema = v.object({
  exported: v.pipe(v.string(), v.isoTimestamp('must be an ISO date and time')),
  layer: MapLayerSchema,
  refers: v.optional(v.array(MapLayerSchema)),
  sources: v.array(v.unknown()),
  annotations: v.array(v.unknown()),
  claims: v.array(v.unknown()),
  links: v.array(v.unknown()),
  events: v.array(v.unknown()),
  positions: v.optional(v.array(v.unknown()), []),
});

const pathOf = (base: string, issue: v.BaseIssue<unknown>) => {
  const dot = v.getDotPath(issue);
  return dot ? `${base}.${dot.replace(/\.(\d+)(?=\.|$)/g, '[$1]')}` : base;
};

/** Reads and checks a map file's text against what this installation has. */
export function readMapFile(text: string, ctx: ReadContext): MapRead {
  const problems: MapFileProblem[] = [];
  const fail = () => ({ ok: false as const, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) });
  const add = (path: string, message: string) => problems.push({ path, message });

  if (text.length > MAX_FILE_CHARS) {
    add('', `The file is ${(text.length / 1024 / 1024).toFixed(0)} MB; a claim map can be at most ${MAX_FILE_CHARS / 1024 / 1024} MB.`);
    return fail();
  }
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH) {
    add('', `The file nests ${depth} levels deep; a claim map never nests more than ${MAX_DEPTH}. It is damaged or not a claim map.`);
    return fail();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    add('', /end of (JSON )?input|Unterminated/i.test(msg) ? 'The file ends too early: it looks cut off. Ask for it again.' : `The file is not valid JSON (${msg}).`);
    return fail();
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    add('', 'The file is not a claim map: it holds no object of fields.');
    return fail();
  }
  const top = data as Record<string, unknown>;
  if (top.format !== MAP_FORMAT) {
    add('format', `This is not a Crossread claim map (its format is ${typeof top.format === 'string' ? `“${top.format.slice(0, 60)}”` : 'not given'}).`);
    return fail();
  }
  if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1) {
    add('version', 'The map format version must be a whole number from 1.');
    return fail();
  }
  if (top.version > MAP_VERSION) {
    add('version', `It was made by a newer Crossread (map format version ${top.version}); this one reads version ${MAP_VERSION}. Update Crossread to open it.`);
    return fail();
  }
  for (const p of prototypeKeys(top)) add(p, 'A key with this name is not allowed in a claim map.');
  if (problems.length) return fail();

  const env = v.safeParse(EnvelopeSchema, top);
  if (!env.success) {
    for (const issue of env.issues) add(pathOf('', issue).replace(/^\./, ''), describe(issue));
    return fail();
  }
  const file = env.output;
  const known = new Set(ctx.sources.map((s) => s.id));
  const sources = new Map<string, { hash: string; text?: string }>();
  // Sources a reader added, carried whole, that this library lacks: the import adds them (ADR 0014).
  const newSources: IncomingRecord[] = [];
  const unopenable: string[] = [];
  // Carried texts that are not the one their hash names, or that Crossread cannot read at all.
  const otherText: string[] = [];
  const unreadable: string[] = [];
  file.sources.forEach((raw, i) => {
    const r = v.safeParse(SourceSchema, raw);
    if (!r.success) return void r.issues.forEach((issue) => add(pathOf(`sources[${i}]`, issue), describe(issue)));
    const s = r.output;
    if (sources.has(s.id)) add(`sources[${i}].id`, `The source “${s.id}” is listed twice.`);
    if (!known.has(s.id) && s.text === undefined) add(`sources[${i}]`, `The source “${s.title || s.id}” is not in this library and the file does not carry its text.`);
    sources.set(s.id, s);
    if (known.has(s.id) || ctx.has('sources', s.id) || s.text === undefined) return;
    const { cite: _cite, authors = [], ...fields } = s;
    if (fields.format === undefined) return void unopenable.push(s.title || s.id);
    const record = v.safeParse(SourceRecordSchema, { ...fields, authors, type: 'Source' } satisfies Partial<SourceRecord>);
    if (!record.success) return void record.issues.forEach((issue) => add(pathOf(`sources[${i}]`, issue), sourceProblem(issue)));
    // Kept either way, as the text the map was made on; but the reader is told. Its passages then
    // re-anchor by quote when opened (ADR 0007): refusing would lock out a map whose text another
    // version of Crossread renders differently.
    const rendered = ctx.hashOf && ctx.hashOf(record.output.text, record.output.format);
    if (rendered !== null && rendered !== record.output.hash) (rendered === undefined ? unreadable : otherText).push(record.output.title);
    newSources.push({ collection: 'sources', record: record.output });
  });

  // Records: each against its schema, in the file's own layer, each id once.
  const records: Record<(typeof COLLECTIONS)[number], Array<{ i: number; record: Record<string, unknown> }>> = { events: [], annotations: [], claims: [], links: [] };
  const ids = new Map<string, string>();
  for (const c of COLLECTIONS) {
    file[c].forEach((raw, i) => {
      const where = `${c}[${i}]`;
      const r = v.safeParse(RecordSchemas[c], raw);
      if (!r.success) {
        const issue = r.issues[0];
        // Still in the file: what refers to it is not reported as referring to nothing.
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'string' && !ids.has(id)) ids.set(id, where);
        return void add(pathOf(where, issue), reasonFor(c, raw, r.issues));
      }
      const record = r.output as unknown as Record<string, unknown> & { id: string; layer: string; version: object };
      if (Object.keys(record.version).length === 0) add(`${where}.version`, 'The version is empty: only a saved record can be shared.');
      if (record.layer !== file.layer.id) add(`${where}.layer`, 'It belongs to another layer than the map’s own.');
      const before = ids.get(record.id);
      if (before) add(`${where}.id`, `The id ${record.id} is used twice (also ${before}).`);
      else ids.set(record.id, where);
      records[c].push({ i, record });
    });
  }
  const inFile = (c: SharedCollection, id: string) => ids.get(id)?.startsWith(`${c}[`) ?? false;
  const exists = (c: SharedCollection, id: string) => inFile(c, id) || ctx.has(c, id);

  // References: nothing may point at what neither the file nor this installation has. One first
  // problem says what to do; each reference missing is listed at its place too, unless that
  // problem named the maps to import (then ids add nothing a reader can act on).
  const missing: Missing = { claims: new Set(), annotations: new Set(), events: new Set() };
  const dangling: MapFileProblem[] = [];
  const need = (c: keyof Missing, id: string, path: string, message: string) => exists(c, id) || (missing[c].add(id), dangling.push({ path, message }));
  for (const { i, record } of records.annotations) {
    const a = record as unknown as MapFile['annotations'][number];
    if (!sources.has(a.target.source) && !known.has(a.target.source)) add(`annotations[${i}].target.source`, `It marks a passage in “${a.target.source}”, a source neither in the file nor in this library.`);
    eventsOf(a).forEach((id) => need('events', id, `annotations[${i}].body`, `It names an event (${id}) that is not in the file.`));
  }
  for (const { i, record } of records.claims) {
    const c = record as unknown as MapFile['claims'][number];
    c.evidence.forEach((e, j) => need('annotations', e.annotation, `claims[${i}].evidence[${j}].annotation`, `It cites a passage (${e.annotation}) that is not in the file.`));
    c.events.forEach((id, j) => need('events', id, `claims[${i}].events[${j}]`, `It names an event (${id}) that is not in the file.`));
  }
  for (const { i, record } of records.links) {
    const l = record as unknown as MapFile['links'][number];
    for (const end of ['from', 'to'] as const) need('claims', l[end], `links[${i}].${end}`, `It links a claim (${l[end]}) that is not in the file.`);
  }
  const absent = missingMaps(missing, file.layer.id, file.refers, (id) => ctx.has('layers', id));
  if (absent) problems.unshift({ path: '', message: absent.message });
  if (!absent?.names) problems.push(...dangling);
  const positions: MapFile['positions'] = [];
  file.positions.forEach((raw, i) => {
    const r = v.safeParse(PositionSchema, raw);
    if (!r.success) return void r.issues.forEach((issue) => add(pathOf(`positions[${i}]`, issue), describe(issue)));
    if (!inFile('claims', r.output.claim)) add(`positions[${i}].claim`, `It places a claim (${r.output.claim}) that is not in the file.`);
    positions.push(r.output);
  });
  if (problems.length) return fail();

  const notes = [...sources]
    .filter(([id, s]) => known.has(id) && ctx.sources.find((k) => k.id === id)!.hash !== s.hash)
    .map(([id]) => `The map was made on another version of “${id}”; its passages are placed by their quotes.`);
  if (newSources.length) notes.push(`Adds ${newSources.length === 1 ? 'a source' : `${newSources.length} sources`} to your library: ${newSources.map((s) => `“${(s.record as SourceRecord).title}”`).join(', ')}.`);
  for (const title of unopenable) notes.push(`“${title}” comes with its text but not as a source Crossread can add; its passages are kept but cannot be opened.`);
  for (const title of otherText) notes.push(`The text carried for “${title}” is not the one its hash names: it was changed after the map was made, or another version of Crossread read it. Its passages are placed by their quotes; any not found are listed in the reader.`);
  for (const title of unreadable) notes.push(`The text carried for “${title}” is one Crossread cannot read; its passages are kept but cannot be opened.`);
  const put = [...newSources, ...COLLECTIONS.flatMap((c) => records[c].map(({ record }) => ({ collection: c, record })))];
  const out: MapFile = { ...file, format: MAP_FORMAT, version: MAP_VERSION, sources: file.sources as MapFile['sources'], positions } as MapFile;
  for (const c of COLLECTIONS) (out as unknown as Record<string, unknown>)[c] = records[c].map((r) => r.record);
  // The author's layer is written with the records, in the same step (ADR 0013).
  return { ok: true, file: out, batch: { put, layers: [out.layer] }, notes };
}

/** A carried source that is not a whole source record, in words. */
function sourceProblem(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined') return 'A source carried with its text needs this field too.';
  if (issue.kind === 'validation' && /hash/.test(issue.message)) return 'The source’s id does not match its content hash.';
  return describe(issue);
}

/** A schema issue of the envelope in words: what was expected, without validator terms. */
function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined') return 'This field is missing.';
  if (issue.type === 'array') return 'This should be a list.';
  if (issue.type === 'object' || issue.type === 'strict_object') return issue.kind === 'schema' && issue.expected === 'never' ? 'This field is not part of a claim map.' : 'This should be an object of fields.';
  if (issue.type === 'string') return 'This should be text.';
  if (issue.type === 'number') return 'This should be a number.';
  return `This is not valid: ${issue.message}`;
}
