/**
 * Three-way merge of one record: two writes made from the same `base`, one
 * here (`mine`) and one in another tab (`theirs`), combined field by field so
 * that neither side's change is lost (ADR 0002, "Tabs"). The commit runs it
 * inside its write transaction when the database no longer holds the record
 * the action was computed from (`commit-plan.ts`). Pure; tested in Node.
 *
 * - A field only one side changed takes that side's value; both changed to
 *   equal values is no conflict.
 * - Lists of tags, event ids, evidence (keyed by annotation) and annotation
 *   bodies (tags by value, events by id, the note as one item) merge as sets:
 *   theirs, plus what mine added, less what mine removed; theirs' order, then
 *   mine's additions. An item both sides changed (a stance, the note's text)
 *   merges as a value.
 * - Anything else both sides changed to different values — a statement, a
 *   note, a rationale, a name, a relation, an annotation's target, an event's
 *   dates (one value: start and end must agree) — is a conflict, reported,
 *   never decided.
 * - `modified` merges like a value, but both changed is no conflict: the
 *   later wins. `version` is the join of both (the commit adds its own write
 *   on top); an annotation's `motivation` follows its merged body.
 * - A list only one side changed is that side's, its order included.
 *
 * `rebaseLists` applies the same set rule inside one tab, to edits that
 * replace tags or events whole.
 */
import { clip } from '../corpus/clip.ts';
import { uniqueIds } from './claim-records.ts';
import { deepEqual } from './equal.ts';
import { normalizeTags } from './record-base.ts';
import { motivationFor, RECORD_NOUN, type AnnotationBody, type CollectionName, type Collections } from './records.ts';
import { mergeVersions, type Version } from './versions.ts';

/** Collections whose records merge; settings are preferences, the last one set wins. */
export type MergedCollection = Exclude<CollectionName, 'settings'>;

/** Both sides changed `field` of one record to different values; `undefined` means removed. */
export interface FieldConflict {
  /** The record's field as the reader knows it: `statement`, `note`, `evidence`, `dates`, … */
  field: string;
  mine: unknown;
  theirs: unknown;
}

/** A merged record, or the first field both sides changed differently. */
export type MergeResult<R> = { record: R } | { conflict: FieldConflict };

/** How one list field merges: items are the same item when their keys are equal. */
interface ListRule {
  key: (item: never) => string;
  /** The field a conflict over one item is about, by its key; default the list's own name. */
  field?: (key: string) => string;
  /** What a conflict reports of an item (the note's text rather than its body); default the item. */
  shown?: (item: never) => unknown;
}

/** Per collection: list fields and fields that change together (one value, one conflict). */
interface Policy {
  lists: Record<string, ListRule>;
  together?: Record<string, readonly string[]>;
}

const itself: ListRule = { key: (item: string) => item };

// The commenting body is one item keyed `note`, so two different note texts conflict as `note`.
const BODY_KEY = (b: AnnotationBody) => (b.purpose === 'commenting' ? 'note' : b.purpose === 'tagging' ? `tag ${b.value}` : `event ${b.source}`);
const BODY_ORDER: Record<AnnotationBody['purpose'], number> = { commenting: 0, tagging: 1, classifying: 2 };

const POLICY: { [C in MergedCollection]: Policy } = {
  annotations: { lists: { body: { key: BODY_KEY, field: (key) => (key === 'note' ? 'note' : 'tags'), shown: (b: AnnotationBody) => ('value' in b ? b.value : b.source) } } },
  claims: { lists: { tags: itself, events: itself, evidence: { key: (e: { annotation: string }) => e.annotation } } },
  links: { lists: {} },
  events: { lists: {}, together: { dates: ['start', 'end'] } },
  sources: { lists: {} },
};

// Computed after the merge, never merged themselves.
const DERIVED = new Set(['modified', 'version', 'motivation']);

/** Marks a conflict inside the helpers; turned into a {@link MergeResult} at the top. */
class Conflicting extends Error {
  constructor(readonly conflict: FieldConflict) {
    super(`conflict over ${conflict.field}`);
  }
}

/** One value both sides may have changed: the changed side's, or a conflict. `undefined` is "absent". */
function mergeValue<T>(field: string, base: T | undefined, mine: T, theirs: T): T {
  if (deepEqual(mine, theirs) || deepEqual(base, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  throw new Conflicting({ field, mine, theirs });
}

/** Theirs, plus mine's additions, less mine's removals; items both sides kept merge as values. */
export function mergeList<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
  field: (key: string) => string = () => 'list',
): T[] {
  // Changed on one side only: that side's list as it is, its order included.
  if (deepEqual(base, theirs)) return [...mine];
  if (deepEqual(base, mine)) return [...theirs];
  const index = (items: readonly T[]) => new Map(items.map((item) => [key(item), item]));
  const [b, m, t] = [index(base), index(mine), index(theirs)];
  const out: T[] = [];
  for (const [k, item] of t) {
    // Mine removed it: gone, unless theirs changed it meanwhile (then it is a conflict).
    if (!m.has(k) && b.has(k)) mergeValue(field(k), b.get(k), undefined, item);
    else out.push(m.has(k) ? mergeValue(field(k), b.get(k), m.get(k)!, item) : item);
  }
  for (const [k, item] of m) {
    if (t.has(k)) continue;
    if (b.has(k)) mergeValue(field(k), b.get(k), item, undefined);
    else out.push(item);
  }
  return out;
}

/** The lists of a record (claim, annotation) that an edit replaces whole. */
export interface WholeLists {
  tags: readonly string[];
  events: readonly string[];
}

/**
 * An edit's tags and events as an operation: what it adds to and removes from
 * `seen` — the record when the action was called — applied to `now`, the
 * record when the action runs. Between the two, a change from another tab may
 * have arrived, or an earlier action of this tab that the caller did not
 * await may have run; neither is undone. Unchanged when the record did not move.
 */
export function rebaseLists<T extends Partial<WholeLists>>(change: T, seen: WholeLists, now: WholeLists): T {
  const rebase = (was: readonly string[], given: readonly string[] | undefined, is: readonly string[]) => given && mergeList(was, given, is, (x) => x);
  return {
    ...change,
    tags: rebase(seen.tags, change.tags && normalizeTags(change.tags), now.tags),
    events: rebase(seen.events, change.events && uniqueIds(change.events), now.events),
  };
}

/**
 * `mine` and `theirs`, both made from `base`, merged field by field (rules
 * above). Pure; the inputs are not changed, and the result may share parts
 * with them.
 */
export function mergeRecord<C extends MergedCollection>(
  c: C,
  base: Collections[C],
  mine: Collections[C],
  theirs: Collections[C],
): MergeResult<Collections[C]> {
  try {
    return { record: merged(c, base, mine, theirs) };
  } catch (error) {
    if (error instanceof Conflicting) return { conflict: error.conflict };
    throw error;
  }
}

function merged<C extends MergedCollection>(c: C, base: Collections[C], mine: Collections[C], theirs: Collections[C]): Collections[C] {
  type Fields = Record<string, unknown>;
  const [b, m, t] = [base, mine, theirs] as unknown as [Fields, Fields, Fields];
  const { lists, together = {} } = POLICY[c];
  const grouped = new Map(Object.entries(together).flatMap(([name, keys]) => keys.map((k) => [k, name] as const)));
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(m), ...Object.keys(t), ...Object.keys(b)])) {
    // Mine's key order: set now, filled in below.
    out[key] = undefined;
    if (DERIVED.has(key) || grouped.has(key)) continue;
    const rule = lists[key];
    out[key] = rule ? listField(rule, key, b[key], m[key], t[key]) : mergeValue(key, b[key], m[key], t[key]);
  }
  for (const [name, keys] of Object.entries(together)) {
    const pick = (r: Record<string, unknown>) => keys.map((k) => r[k]);
    const values = mergeValue(name, pick(b), pick(m), pick(t));
    keys.forEach((k, i) => (out[k] = values[i]));
  }
  if (c === 'annotations') {
    const body = (out.body as AnnotationBody[]).sort((x, y) => BODY_ORDER[x.purpose] - BODY_ORDER[y.purpose]);
    out.motivation = motivationFor(body);
  }
  // Changed on one side (an undo restores an older one): that side's; on both: the later.
  const [bm, mm, tm] = [b.modified, m.modified, t.modified] as [string, string, string];
  out.modified = mm === tm || bm === tm ? mm : bm === mm ? tm : later(mm, tm);
  out.version = mergeVersions(m.version as Version, t.version as Version);
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as unknown as Collections[C];
}

function listField(rule: ListRule, name: string, base: unknown, mine: unknown, theirs: unknown): unknown[] {
  const list = (x: unknown) => (x ?? []) as never[];
  try {
    return mergeList(list(base), list(mine), list(theirs), rule.key, rule.field ?? (() => name));
  } catch (error) {
    const shown = rule.shown;
    if (!(error instanceof Conflicting) || !shown) throw error;
    const { field, mine: m, theirs: t } = error.conflict;
    throw new Conflicting({ field, mine: m && shown(m as never), theirs: t && shown(t as never) });
  }
}

function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

const FIELD_WORDS: Record<string, string> = { target: 'place in the text', record: 'content' };

const quote = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  return `“${clip(value, 80)}”`;
};

/**
 * The reader's words for a change refused because another tab changed the
 * same thing first: "This claim’s statement was changed in another tab (to
 * “…”); your change (to “…”) was not saved." `conflict` absent: the record
 * itself was deleted there.
 */
export function conflictMessage(c: CollectionName, conflict: FieldConflict | undefined): string {
  const record = RECORD_NOUN[c];
  if (!conflict) return `This ${record} was deleted in another tab, so your change to it was not saved.`;
  const { field, mine, theirs } = conflict;
  const what = `This ${record}’s ${FIELD_WORDS[field] ?? field}`;
  const there = theirs === undefined ? 'was removed in another tab' : `was changed in another tab${quote(theirs) ? ` (to ${quote(theirs)})` : ''}`;
  const here = mine === undefined ? 'removing it here' : `your change${quote(mine) ? ` (to ${quote(mine)})` : ''}`;
  return `${what} ${there}, so ${here} was not saved. Look at it again and redo your change if you still want it.`;
}
