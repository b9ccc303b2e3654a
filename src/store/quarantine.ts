/**
 * Records read back from storage are checked before the store holds them: a
 * record that fails its schema (`schemas.ts`), or that points at a record the
 * database does not have, is set aside in quarantine instead of reaching the
 * views. It stays in the database untouched; the store lists it with the reason
 * in the reader's words, and references to it count as present (it exists, it
 * is only unreadable) so valid records that cite it keep loading and saving.
 * Pure; tested in Node.
 */
import * as v from 'valibot';
import { emptyState, type AnyRecord, type StoreState } from './diff.ts';
import { referencesOf, type SetAside } from './integrity.ts';
import { COLLECTION_NAMES, type CollectionName } from './records.ts';
import { describeIssues, RecordSchemas } from './schemas.ts';

/**
 * Records as a persistence reads them, not yet checked: per collection, the
 * database key of each record and its value as stored (anything at all).
 */
export type RawState = { [C in CollectionName]: ReadonlyMap<unknown, unknown> };

/** A {@link RawState} with nothing in it. */
export function emptyRaw(): RawState {
  return emptyState();
}

/** Records read for some ids, not yet checked; `undefined` = no such record. */
export type RawRead = { [C in CollectionName]?: ReadonlyMap<string, unknown> };

/** A record kept out of the store because it is damaged; it stays in the database as it is. */
export interface QuarantinedRecord {
  /** Where it is stored. */
  readonly collection: CollectionName;
  /** Its id, when it has one that is a string (the database key otherwise stays in `value`). */
  readonly id: string | undefined;
  /** The record exactly as stored. */
  readonly value: unknown;
  /** Why it was set aside, in the reader's words. */
  readonly reason: string;
  /** The same, in the schema's terms (field paths), for whoever repairs the data. */
  readonly problems: readonly string[];
}

/** What the store holds after a load: every valid record, and those set aside. */
export interface SortedRecords {
  state: StoreState;
  quarantined: QuarantinedRecord[];
}

/** The one-word name of a record in each collection, for reasons. */
const NOUN: Record<CollectionName, string> = {
  annotations: 'passage',
  settings: 'setting',
  claims: 'claim',
  links: 'link',
  events: 'event',
};

/** How a `type` field names each kind of record. */
const KIND_BY_TYPE: Record<string, string> = { Annotation: 'a passage', Claim: 'a claim', Link: 'a link', Event: 'an event' };

/** Fields in the reader's words; a field not named here is called by its key. */
const FIELD: Record<string, string> = {
  '@context': 'the annotation context',
  id: 'the id',
  type: 'the kind of record',
  motivation: 'the kind of annotation',
  created: 'the date it was made',
  modified: 'the date it was last changed',
  creator: 'the author',
  body: 'the body (note and tags)',
  target: 'the passage it marks',
  'target.selector': 'the position of the passage in the text',
  layer: 'the layer (whose work it is)',
  version: 'the version',
  statement: 'the statement',
  note: 'the note',
  tags: 'the tags',
  events: 'the events',
  evidence: 'the evidence',
  relation: 'the relation',
  from: 'the claim it links from',
  to: 'the claim it links to',
  rationale: 'the rationale',
  name: 'the name',
  start: 'the start date',
  end: 'the end date',
  value: 'the value',
};

// Fields named in the plural, for the verb that follows.
const PLURAL = new Set(['tags', 'events']);

function fieldOf(path: string): string {
  if (path.startsWith('target.selector')) return FIELD['target.selector']!;
  const key = path.split('.')[0]!;
  return FIELD[key] ?? `the field “${key}”`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One problem in the reader's words, e.g. “the evidence is not a list”. */
function problemWords(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (!path) return issue.message; // a rule over the whole record: its message is written for people
  const field = fieldOf(path);
  if (issue.type === 'strict_object' && issue.expected === 'never') return `it has a field this version of Crossread does not know (“${path}”)`;
  const is = PLURAL.has(path) ? 'are' : 'is';
  // A field with a name of its own is missing; a part of one (e.g. `creator.name`) leaves it incomplete.
  const named = !path.includes('.') || path.startsWith('target.selector');
  if (issue.received === 'undefined') return `${field} ${is} ${named ? 'missing' : 'incomplete'}`;
  if (issue.expected === 'Array' && !path.includes('.')) return `${field} ${is} not a list`;
  return `${field} ${is} not valid`;
}

/** The reason a value is not a valid record of collection `c`, in the reader's words. */
function reasonFor(c: CollectionName, value: unknown, issues: readonly v.BaseIssue<unknown>[]): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `It is not a ${NOUN[c]} at all, just ${describeValue(value)}.`;
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type === 'string' && c !== 'settings') {
    const kind = KIND_BY_TYPE[type];
    if (kind && kind !== KIND_BY_TYPE[typeOf(c)]) return `It is ${kind}, stored among the ${NOUN[c]}s.`;
    if (!kind) return `It is a kind of record this version of Crossread does not know (“${type.slice(0, 40)}”).`;
  }
  const words = [...new Set(issues.map(problemWords))];
  const shown = words.slice(0, 3);
  const more = words.length - shown.length;
  return `${capitalize(shown.join('; '))}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`;
}

function typeOf(c: CollectionName): string {
  return { annotations: 'Annotation', settings: '', claims: 'Claim', links: 'Link', events: 'Event' }[c];
}

/** The outcome of checking one stored value against its collection's schema. */
export type Checked<R> = { ok: true; record: R } | { ok: false; reason: string; problems: string[] };

/** Checks one stored value against the schema of collection `c`. The record is the value itself, unchanged. */
export function checkRecord(c: CollectionName, value: unknown): Checked<AnyRecord> {
  const result = v.safeParse(RecordSchemas[c], value);
  if (result.success) return { ok: true, record: value as AnyRecord };
  return { ok: false, reason: reasonFor(c, value, result.issues), problems: describeIssues(result.issues) };
}

/**
 * Checks a value read from the database under `key`: the valid record, or
 * the value set aside with the reason. A record's id must be its key too: one
 * that is not could never be found or updated by its id.
 */
export function checkStored(c: CollectionName, key: unknown, value: unknown): { record: AnyRecord } | { quarantined: QuarantinedRecord } {
  const checked = checkRecord(c, value);
  if (checked.ok && checked.record.id === key) return { record: checked.record };
  if (checked.ok) return { quarantined: quarantine(c, value, 'Its id does not match the key it is stored under.', [`id: is not the key ${String(key)}`]) };
  return { quarantined: quarantine(c, value, checked.reason, checked.problems) };
}

/** A stored record's id, when it is a string. */
export function idOf(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A record set aside for a reason. */
export function quarantine(collection: CollectionName, value: unknown, reason: string, problems: readonly string[]): QuarantinedRecord {
  return { collection, id: idOf(value), value, reason, problems };
}

/** What each collection's references point at, in the reader's words. */
const MISSING: Record<CollectionName, string> = {
  annotations: 'It cites a passage that is not in this browser’s data.',
  settings: 'It refers to a setting that does not exist.',
  claims: 'It links a claim that is not in this browser’s data.',
  links: 'It refers to a link that does not exist.',
  events: 'It names an event that is not in this browser’s data.',
};

/**
 * Splits records read from storage into the valid ones, which the store
 * holds, and those it sets aside: any record that fails its schema, and any
 * valid record that points at a record the database does not hold at all.
 * A reference to a record set aside is not dangling (that record exists), so
 * the record citing it stays. Nothing is changed or dropped: every value read
 * ends up in exactly one of the two.
 */
export function sortRecords(raw: RawState): SortedRecords {
  const state = emptyState();
  const quarantined: QuarantinedRecord[] = [];
  const present: { [C in CollectionName]: Set<string> } = {
    annotations: new Set(),
    settings: new Set(),
    claims: new Set(),
    links: new Set(),
    events: new Set(),
  };
  for (const c of COLLECTION_NAMES) {
    for (const [key, value] of raw[c]) {
      if (typeof key === 'string') present[c].add(key);
      const checked = checkStored(c, key, value);
      if ('record' in checked) (state[c] as Map<string, AnyRecord>).set(checked.record.id, checked.record);
      else quarantined.push(checked.quarantined);
    }
  }
  for (const c of COLLECTION_NAMES) {
    for (const [id, record] of state[c] as Map<string, AnyRecord>) {
      const refs = referencesOf(c, record as never);
      const missing = (Object.keys(refs) as CollectionName[]).filter((t) => refs[t]!.some((ref) => !present[t].has(ref)));
      if (missing.length === 0) continue;
      state[c].delete(id);
      quarantined.push(quarantine(c, record, MISSING[missing[0]!], missing.map((t) => `refers to a missing record in ${t}`)));
    }
  }
  return { state, quarantined };
}

/**
 * What quarantined records that can still be read cite (those set aside only
 * for pointing at a missing record), as `collection id` keys: deleting one of
 * these would leave them pointing at one more missing record, and lose what
 * a repair needs.
 */
export function citedBySetAside(records: Iterable<QuarantinedRecord>): Set<string> {
  const cited = new Set<string>();
  for (const r of records) {
    const checked = checkRecord(r.collection, r.value);
    if (!checked.ok) continue;
    const refs = referencesOf(r.collection, checked.record as never);
    for (const c of Object.keys(refs) as CollectionName[]) for (const id of refs[c]!) cited.add(`${c} ${id}`);
  }
  return cited;
}

/** The ids of quarantined records, per collection, for integrity checks. */
export function setAsideIds(records: Iterable<QuarantinedRecord>): SetAside {
  const out: { [C in CollectionName]?: Set<string> } = {};
  for (const r of records) if (r.id !== undefined) (out[r.collection] ??= new Set()).add(r.id);
  return out;
}
